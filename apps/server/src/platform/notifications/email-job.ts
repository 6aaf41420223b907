import { z } from 'zod';
import { NotificationKind, type Role } from '@ourchart/contracts';
import type { AppContext } from '../../context.ts';
import type { Queryable } from '../db/db.ts';
import { enqueueJob, type JobDefinition } from '../jobs/queue.ts';
import { enqueueMail } from '../mail/outbox.ts';
import { EMAIL_COALESCE_SECONDS, emailJobKey, NOTIFICATION_EMAIL_JOB } from './delivery.ts';
import { channelsFor, KIND_GROUP } from './preferences.ts';
import { notificationEmail } from './words.ts';

const Payload = z.object({ userId: z.string(), kind: NotificationKind });
type Payload = z.infer<typeof Payload>;

type Row = {
  email: string; locale: 'en' | 'es'; role: Role; disabled: boolean; pref: boolean | null;
  last_sent_at: Date | string | null; recent: boolean; waiting: boolean; next_at: Date | string;
};

/**
 * Sends the "something is waiting" email for one user and kind, in the job's transaction (the
 * outbox row, the coalescing time and "job done" commit together; the outbox then retries while
 * SMTP is down, so the email is neither lost nor sent twice). It re-checks at run time: the
 * account's current setting, and that something of this kind is still unread since the last email
 * (nothing is sent for what the person already saw). If an email of this kind went out less than
 * 10 minutes ago, it plans itself for the end of that window instead.
 */
async function sendNotificationEmail(ctx: AppContext, tx: Queryable, p: Payload): Promise<void> {
  const [row] = await tx.query<Row>(
    `SELECT u.email, u.locale, u.role, (u.disabled_at IS NOT NULL) AS disabled, pr.email AS pref, s.last_sent_at,
            COALESCE(s.last_sent_at > now() - make_interval(secs => $4), false) AS recent,
            EXISTS (SELECT 1 FROM notifications n WHERE n.user_id = u.id AND n.kind = $2 AND n.read_at IS NULL
                     AND (s.last_sent_at IS NULL OR n.created_at > s.last_sent_at)) AS waiting,
            COALESCE(s.last_sent_at + make_interval(secs => $4), now()) AS next_at
       FROM users u
       LEFT JOIN notification_preferences pr ON pr.user_id = u.id AND pr.kind_group = $3
       LEFT JOIN notification_email_state s ON s.user_id = u.id AND s.kind = $2
      WHERE u.id = $1 FOR UPDATE OF u`,
    [p.userId, p.kind, KIND_GROUP[p.kind], EMAIL_COALESCE_SECONDS],
  );
  if (!row || row.disabled || !row.waiting) return;
  if (!channelsFor(p.kind, row.role, { email: row.pref, push: null }).email) return;
  if (row.recent) {
    const at = new Date(row.next_at);
    await enqueueJob(tx, { kind: NOTIFICATION_EMAIL_JOB, key: emailJobKey(p.userId, p.kind, at), runAt: at, payload: p });
    return;
  }
  await enqueueMail(tx, ctx.keyring, notificationEmail(row.email, p.kind, row.locale, ctx.config.publicUrl));
  await tx.query(
    `INSERT INTO notification_email_state (user_id, kind, last_sent_at) VALUES ($1, $2, now())
     ON CONFLICT (user_id, kind) DO UPDATE SET last_sent_at = now()`,
    [p.userId, p.kind],
  );
}

export const notificationEmailJob: JobDefinition<Payload> = { kind: NOTIFICATION_EMAIL_JOB, payload: Payload, run: (ctx, tx, p) => sendNotificationEmail(ctx, tx, p) };
