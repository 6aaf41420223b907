import type { NotificationKind, Role } from '@ourchart/contracts';
import type { Queryable } from '../db/db.ts';
import { enqueueJob } from '../jobs/queue.ts';
import { channelsFor, KIND_GROUP } from './preferences.ts';

export const NOTIFICATION_EMAIL_JOB = 'notification-email';
export const NOTIFICATION_PUSH_JOB = 'notification-push';

/** At most one "something is waiting" email per user and kind in this window. */
export const EMAIL_COALESCE_SECONDS = 600;

/** The job key of the email covering notifications of `kind` for `userId` due at `at`: one per 10-minute window. */
export function emailJobKey(userId: string, kind: NotificationKind, at: Date): string {
  return `${NOTIFICATION_EMAIL_JOB}:${userId}:${kind}:${Math.floor(at.getTime() / (EMAIL_COALESCE_SECONDS * 1000))}`;
}

type DeliveryRow = { role: Role; disabled: boolean; email: boolean | null; push: boolean | null; email_at: Date | string; subscriptions: string[] | null };

/**
 * Plans the email and push for a notification just created, in the same transaction (so a
 * rolled-back notification sends nothing). Email: one job per user, kind and 10-minute window
 * (several new messages share it), due now or 10 minutes after the last such email. Push: one job
 * per browser subscription, so a failing push service retries only its own.
 */
export async function planDelivery(tx: Queryable, userId: string, notificationId: string, kind: NotificationKind): Promise<void> {
  const [row] = await tx.query<DeliveryRow>(
    `SELECT u.role, (u.disabled_at IS NOT NULL) AS disabled, p.email, p.push,
            GREATEST(now(), s.last_sent_at + make_interval(secs => $4)) AS email_at,
            (SELECT array_agg(id::text) FROM push_subscriptions WHERE user_id = u.id) AS subscriptions
       FROM users u
       LEFT JOIN notification_preferences p ON p.user_id = u.id AND p.kind_group = $2
       LEFT JOIN notification_email_state s ON s.user_id = u.id AND s.kind = $3
      WHERE u.id = $1`,
    [userId, KIND_GROUP[kind], kind, EMAIL_COALESCE_SECONDS],
  );
  if (!row || row.disabled) return;
  const channels = channelsFor(kind, row.role, { email: row.email, push: row.push });
  if (channels.email) {
    const at = new Date(row.email_at);
    await enqueueJob(tx, { kind: NOTIFICATION_EMAIL_JOB, key: emailJobKey(userId, kind, at), runAt: at, payload: { userId, kind } });
  }
  if (channels.push) {
    for (const subscriptionId of row.subscriptions ?? []) {
      await enqueueJob(tx, {
        kind: NOTIFICATION_PUSH_JOB,
        key: `${NOTIFICATION_PUSH_JOB}:${notificationId}:${subscriptionId}`,
        runAt: new Date(),
        payload: { subscriptionId, kind },
      });
    }
  }
}
