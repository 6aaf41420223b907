import { randomUUID } from 'node:crypto';
import type { NotificationItem, NotificationKind } from '@ourchart/contracts';
import type { Db, Queryable } from '../db/db.ts';
import { patientAudience } from '../access/proxy-grants.ts';
import type { Feature } from '../access/proxy-policy.ts';
import { announceNotification } from '../events/publish.ts';
import { planDelivery } from './delivery.ts';

/** The part of the record a notification kind is about (who may hear of it). */
function featureOfKind(kind: NotificationKind): Feature | null {
  if (kind.startsWith('message-')) return 'messaging';
  if (kind.startsWith('refill-')) return 'refills';
  if (kind.startsWith('payment-') || kind.startsWith('insurance-') || kind.startsWith('assistance-')) return 'billing';
  if (kind.startsWith('waitlist-') || kind.startsWith('appointment-')) return 'appointments';
  return 'record';
}

export type NotificationTarget = { kind: NotificationKind; entityType?: string | null; entityId?: string | null };

/**
 * Notifies everyone who may see a patient's record: the patient's own account(s) and every proxy
 * with an active grant. Idempotent per user, kind and item (a unique index), so a retried job or
 * a re-import never notifies twice. Runs in the caller's transaction when given one.
 */
export async function notifyPatient(db: Queryable, patientId: string, target: NotificationTarget): Promise<number> {
  // Proxies hear only about what their grant, at the patient's age, lets them see (issue 7).
  const users = (await patientAudience(db, patientId, featureOfKind(target.kind))).map((id) => ({ id }));
  let created = 0;
  for (const { id } of users) created += await notifyUser(db, id, patientId, target);
  return created;
}

/**
 * Notifies one user about one item of one patient's record; 0 when they were already told. In the
 * same transaction it announces the notification to the user's open pages (pg_notify, delivered at
 * commit) and plans its email and push (jobs), so all of it happens, or none. Given the Db
 * instead of a transaction, it opens its own.
 */
export async function notifyUser(db: Queryable, userId: string, patientId: string, target: NotificationTarget): Promise<number> {
  if (isDb(db)) return db.transaction((tx) => notifyUser(tx, userId, patientId, target));
  const rows = await db.query<{ id: string }>(
    `INSERT INTO notifications (id, user_id, patient_id, kind, entity_type, entity_id) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (user_id, kind, entity_type, entity_id) DO NOTHING RETURNING id`,
    [randomUUID(), userId, patientId, target.kind, target.entityType ?? null, target.entityId ?? null],
  );
  const created = rows[0];
  if (!created) return 0;
  await announceNotification(db, userId, created.id);
  await planDelivery(db, userId, created.id, target.kind);
  return 1;
}

const isDb = (q: Queryable): q is Db => typeof (q as Partial<Db>).transaction === 'function';

type NotificationRow = {
  id: string; kind: NotificationKind; patient_id: string; entity_type: string | null; entity_id: string | null;
  created_at: Date | string; read_at: Date | string | null;
};

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** A user's notifications, newest first, with how many are unread. */
export async function listNotifications(db: Queryable, userId: string, limit = 50): Promise<{ unread: number; items: NotificationItem[] }> {
  const rows = await db.query<NotificationRow>(
    `SELECT id, kind, patient_id, entity_type, entity_id, created_at, read_at FROM notifications
      WHERE user_id = $1 ORDER BY created_at DESC, id LIMIT $2`,
    [userId, limit],
  );
  const [count] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND read_at IS NULL', [userId]);
  return {
    unread: count?.n ?? 0,
    items: rows.map((r) => ({
      id: r.id, kind: r.kind, patientId: r.patient_id, entityType: r.entity_type, entityId: r.entity_id,
      createdAt: iso(r.created_at)!, readAt: iso(r.read_at),
    })),
  };
}

/** How many of the user's notifications are unread. */
export async function countUnread(db: Queryable, userId: string): Promise<number> {
  const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND read_at IS NULL', [userId]);
  return row?.n ?? 0;
}

/** Marks the user's notifications read: the given ids, or all when ids is undefined. Returns how many changed. */
export async function markNotificationsRead(db: Queryable, userId: string, ids?: string[]): Promise<number> {
  const rows = ids
    ? await db.query(`UPDATE notifications SET read_at = now() WHERE user_id = $1 AND id = ANY($2::uuid[]) AND read_at IS NULL RETURNING id`, [userId, ids])
    : await db.query(`UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL RETURNING id`, [userId]);
  return rows.length;
}

/** Marks read every notification of a user about one item (opening the item reads its notification). */
export async function markItemNotificationsRead(db: Queryable, userId: string, entityType: string, entityId: string): Promise<void> {
  await db.query(`UPDATE notifications SET read_at = now() WHERE user_id = $1 AND entity_type = $2 AND entity_id = $3 AND read_at IS NULL`, [userId, entityType, entityId]);
}
