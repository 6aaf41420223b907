import { randomUUID } from 'node:crypto';
import type { NotificationItem, NotificationKind } from '@ourchart/contracts';
import type { Queryable } from '../db/db.ts';

export type NotificationTarget = { kind: NotificationKind; entityType?: string | null; entityId?: string | null };

/**
 * Notifies everyone who may see a patient's record: the patient's own account(s) and every proxy
 * with an active grant. Idempotent per user, kind and item (a unique index), so a retried job or
 * a re-import never notifies twice. Runs in the caller's transaction when given one.
 */
export async function notifyPatient(db: Queryable, patientId: string, target: NotificationTarget): Promise<number> {
  const users = await db.query<{ id: string }>(
    `SELECT id FROM users WHERE patient_id = $1
     UNION
     SELECT grantee_user_id AS id FROM proxy_grants
      WHERE patient_id = $1 AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > now())`,
    [patientId],
  );
  let created = 0;
  for (const { id } of users) created += await notifyUser(db, id, patientId, target);
  return created;
}

/** Notifies one user about one item of one patient's record; 0 when they were already told. */
export async function notifyUser(db: Queryable, userId: string, patientId: string, target: NotificationTarget): Promise<number> {
  const rows = await db.query(
    `INSERT INTO notifications (id, user_id, patient_id, kind, entity_type, entity_id) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (user_id, kind, entity_type, entity_id) DO NOTHING RETURNING id`,
    [randomUUID(), userId, patientId, target.kind, target.entityType ?? null, target.entityId ?? null],
  );
  return rows.length;
}

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
