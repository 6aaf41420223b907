import type { RefillStatus } from '@ourchart/contracts';
import type { TFunction } from 'i18next';
import { formatFhirDate } from '../home/format-date.ts';

/** The status in words (never only a colour). */
export function statusText(t: TFunction<'refills'>, status: RefillStatus): string {
  return t(`status.${status}`);
}

export function formatDay(value: string | null, locale: string): string {
  return value ? formatFhirDate(value, locale) : '';
}

/** Shortest and longest texts the server accepts (packages/contracts/src/refills.ts). */
export const LIMITS = { reason: 5, note: 2, max: 1000 } as const;

export const isLongEnough = (value: string, min: number): boolean => value.trim().length >= min;
