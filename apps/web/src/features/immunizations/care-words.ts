import type { CareItem } from '@ourchart/contracts';
import { i18n } from '../../i18n/index.ts';

type ItemKey = keyof typeof import('../../i18n/en/immunizations.json')['items'];

/**
 * The plain-language name and reason for a care item. A rule the web app has no words for yet
 * (the server added one first) falls back to its id rather than breaking the page.
 */
export function careWords(item: Pick<CareItem, 'id'>): { name: string; why: string | null } {
  const key = item.id as ItemKey;
  if (!i18n.exists(`items.${key}.name`, { ns: 'immunizations' })) return { name: item.id, why: null };
  return {
    name: i18n.t(`items.${key}.name`, { ns: 'immunizations' }),
    why: i18n.t(`items.${key}.why`, { ns: 'immunizations' }),
  };
}

/** Items that need doing or asking about, most urgent first (the server already orders them). */
export function needsAttention(items: readonly CareItem[]): CareItem[] {
  return items.filter((i) => i.status !== 'up-to-date');
}
