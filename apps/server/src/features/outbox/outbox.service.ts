import type { OutboxPage } from '@ourchart/contracts';
import type { AppContext } from '../../context.ts';
import type { User } from '../../platform/auth/users.ts';
import { AppError } from '../../platform/http/errors.ts';
import { decryptMailBody } from '../../platform/mail/outbox.ts';

export const OUTBOX_PAGE_SIZE = 20;

/** Roles that may read the demo mail outbox (front desk and administrators). */
export const OUTBOX_ROLES = ['staff', 'admin'] as const;

/** True when the portal has no mail server (development, demo): then staff may read queued email. */
export const demoOutboxEnabled = (ctx: AppContext) => !ctx.config.smtpUrl;

type Row = { id: string; to_address: string; subject: string; body_enc: string; created_at: Date | string; sent_at: Date | string | null };

/**
 * Every email the portal queued, newest first, for trying the demo without a mail server (codes,
 * resets, reminders). With SMTP_URL set the page does not exist (404): real mail is for its
 * recipients only. Each page read is audited (action read, entity type Mail, the ids shown).
 */
export async function readOutbox(ctx: AppContext, user: User, client: { ip: string; requestId: string }, page: number): Promise<OutboxPage> {
  if (!demoOutboxEnabled(ctx)) {
    throw new AppError('NOT_FOUND', 'Email goes through the mail server, so there is no demo mail outbox to show.');
  }
  const rows = await ctx.db.query<Row>(
    `SELECT id, to_address, subject, body_enc, created_at, sent_at FROM mail_outbox ORDER BY created_at DESC, id LIMIT $1 OFFSET $2`,
    [OUTBOX_PAGE_SIZE, (page - 1) * OUTBOX_PAGE_SIZE],
  );
  const [count] = await ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM mail_outbox');
  await ctx.audit.record({
    actorId: user.id, actorRole: user.role, patientId: null, action: 'read', entityType: 'Mail',
    entityId: rows.map((r) => r.id).join(',') || null, query: `page=${page}`, outcome: 'success', ip: client.ip, requestId: client.requestId,
  });
  return {
    emails: rows.map((r) => ({
      id: r.id, to: r.to_address, subject: r.subject, queuedAt: new Date(r.created_at).toISOString(),
      sentAt: r.sent_at === null ? null : new Date(r.sent_at).toISOString(), text: decryptMailBody(ctx.keyring, r.id, r.body_enc).text,
    })),
    page, pageSize: OUTBOX_PAGE_SIZE, total: count?.n ?? 0,
  };
}
