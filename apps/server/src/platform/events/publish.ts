import type { LiveEvent } from '@ourchart/contracts';
import type { Queryable } from '../db/db.ts';

/** The one PostgreSQL channel every node LISTENs on for live updates. */
export const LIVE_CHANNEL = 'ourchart_events';

/**
 * What travels through NOTIFY: a user id and either a notification id (the node that holds the
 * user's stream reads the row, so the payload stays small and names no content) or a small event.
 */
export type LiveMessage = { u: string; n: string } | { u: string; e: Exclude<LiveEvent, { type: 'notification' }> };

/**
 * Announces that a notification was created, in the caller's transaction: NOTIFY is delivered at
 * commit only (PostgreSQL and PGlite), so a rolled-back notification is never announced.
 */
export async function announceNotification(tx: Queryable, userId: string, notificationId: string): Promise<void> {
  await notify(tx, { u: userId, n: notificationId });
}

/**
 * Tells each user's open pages that something changed (e.g. a thread got a reply), so they can
 * reload it. Ids only: pages fetch the item through the audited API. Runs in the caller's
 * transaction (delivered at commit) or on its own when given the Db.
 */
export async function publishLiveEvent(tx: Queryable, userIds: readonly string[], event: Exclude<LiveEvent, { type: 'notification' }>): Promise<void> {
  for (const u of new Set(userIds)) await notify(tx, { u, e: event });
}

async function notify(tx: Queryable, message: LiveMessage): Promise<void> {
  await tx.query('SELECT pg_notify($1, $2)', [LIVE_CHANNEL, JSON.stringify(message)]);
}
