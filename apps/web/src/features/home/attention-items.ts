import type { CareItem, NotificationItem } from '@ourchart/contracts';

export type AttentionItem =
  | { key: 'results'; count: number; href: '/results' }
  | { key: 'care'; count: number; href: '/immunizations'; ids: string[] }
  | { key: 'corrections'; count: number; href: '/corrections' }
  | { key: 'shares'; count: number; href: '/account/activity' }
  | { key: 'offers'; count: number; href: '/appointments/offers' }
  | { key: 'reminders'; count: number; href: '/appointments' };

/**
 * What the home page points out, most useful first: new results (unread result notifications),
 * care that is due or overdue, then other unread items by where they are read. Pure, so it is
 * unit-tested; the words are the page's.
 */
export function attentionItems(notifications: readonly NotificationItem[], care: readonly CareItem[]): AttentionItem[] {
  const unread = notifications.filter((n) => n.readAt === null);
  const count = (kinds: NotificationItem['kind'][]) => unread.filter((n) => kinds.includes(n.kind)).length;
  const due = care.filter((c) => c.status === 'due' || c.status === 'overdue');
  const out: AttentionItem[] = [];
  const results = count(['result-available', 'result-reviewed']);
  if (results > 0) out.push({ key: 'results', count: results, href: '/results' });
  // An earlier visit time is offered for a short while only, so it comes right after new results.
  const offers = count(['waitlist-offer', 'waitlist-offer-taken']);
  if (offers > 0) out.push({ key: 'offers', count: offers, href: '/appointments/offers' });
  // A visit coming up (the 7-day or 1-day reminder) is time-bound too.
  const reminders = count(['appointment-reminder']);
  if (reminders > 0) out.push({ key: 'reminders', count: reminders, href: '/appointments' });
  if (due.length > 0) out.push({ key: 'care', count: due.length, href: '/immunizations', ids: due.map((c) => c.id) });
  const corrections = count(['amendment-decided']);
  if (corrections > 0) out.push({ key: 'corrections', count: corrections, href: '/corrections' });
  const shares = count(['share-viewed']);
  if (shares > 0) out.push({ key: 'shares', count: shares, href: '/account/activity' });
  return out;
}
