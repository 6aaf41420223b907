import { describe, expect, it } from 'vitest';
import type { CareItem, NotificationItem } from '@ourchart/contracts';
import { attentionItems } from './attention-items.ts';

const note = (kind: NotificationItem['kind'], readAt: string | null = null): NotificationItem => ({ id: crypto.randomUUID(), kind, patientId: 'p', entityType: null, entityId: null, createdAt: '2026-11-01T00:00:00Z', readAt });
const care = (id: string, status: CareItem['status']): CareItem => ({ id, kind: 'vaccine', status, lastDone: null, doneCount: 0, dosesNeeded: null, dueDate: null, source: { name: 'CDC', url: 'https://www.cdc.gov' } });

describe('attentionItems', () => {
  it('lists unread results, due care and other unread items, each with where to read it', () => {
    const items = attentionItems(
      [note('result-available'), note('result-reviewed'), note('result-available', '2026-11-02T00:00:00Z'), note('amendment-decided'), note('share-viewed', '2026-11-02T00:00:00Z')],
      [care('influenza', 'due'), care('covid', 'ask'), care('breast', 'overdue'), care('hepb', 'up-to-date')],
    );
    expect(items).toEqual([
      { key: 'results', count: 2, href: '/results' },
      { key: 'care', count: 2, href: '/immunizations', ids: ['influenza', 'breast'] },
      { key: 'corrections', count: 1, href: '/corrections' },
    ]);
  });

  it('points unread waitlist offers (and offers someone else took) to the earlier-times page, right after results', () => {
    const items = attentionItems([note('waitlist-offer'), note('waitlist-offer-taken'), note('waitlist-offer', '2026-11-02T00:00:00Z'), note('result-available')], []);
    expect(items).toEqual([
      { key: 'results', count: 1, href: '/results' },
      { key: 'offers', count: 2, href: '/appointments/offers' },
    ]);
  });

  it('points unread visit reminders to the appointments page, after offers and before due care', () => {
    const items = attentionItems([note('appointment-reminder'), note('appointment-reminder', '2026-11-02T00:00:00Z'), note('waitlist-offer')], [care('influenza', 'due')]);
    expect(items.map((i) => [i.key, i.count, i.href])).toEqual([['offers', 1, '/appointments/offers'], ['reminders', 1, '/appointments'], ['care', 1, '/immunizations']]);
  });

  it('is empty when everything is read and up to date', () => {
    expect(attentionItems([note('result-available', '2026-11-02T00:00:00Z')], [care('covid', 'ask'), care('hepb', 'up-to-date')])).toEqual([]);
  });
});
