import { randomUUID } from 'node:crypto';
import type { Db, Queryable } from '../db/db.ts';
import type { Keyring } from '../crypto/keyring.ts';
import type { Mailer, MailMessage } from './mailer.ts';
import { backoffSeconds, startPolling } from '../jobs/polling.ts';

type Logger = { info(obj: object, msg: string): void; warn(obj: object, msg: string): void };

const context = (id: string) => `mail_outbox.body:${id}`;

/**
 * Queues an email in the caller's transaction (transactional outbox): if the action rolls back,
 * no email goes; if SMTP is down, the email waits and is retried. Bodies carry codes and links,
 * so they are stored encrypted. Returns the outbox id.
 */
export async function enqueueMail(db: Queryable, keyring: Keyring, message: MailMessage): Promise<string> {
  const id = randomUUID();
  const body = keyring.encrypt(JSON.stringify({ text: message.text, html: message.html ?? null }), context(id));
  await db.query('INSERT INTO mail_outbox (id, to_address, subject, body_enc) VALUES ($1, $2, $3, $4)', [id, message.to, message.subject, body]);
  mailWakeups.forEach((wake) => wake());
  return id;
}

/** The text of a queued email (the demo outbox page shows it; nothing else reads bodies back). */
export function decryptMailBody(keyring: Keyring, id: string, bodyEnc: string): { text: string; html: string | null } {
  return JSON.parse(keyring.decrypt(bodyEnc, context(id))) as { text: string; html: string | null };
}

const mailWakeups = new Set<() => void>();

/** Sends due emails once: claims up to `limit` rows (SKIP LOCKED, so several nodes never double-send). */
export async function deliverDueMail(db: Db, keyring: Keyring, mailer: Mailer, log?: Logger, limit = 20): Promise<number> {
  let sent = 0;
  for (let i = 0; i < limit; i++) {
    const done = await db.transaction(async (tx) => {
      const [row] = await tx.query<{ id: string; to_address: string; subject: string; body_enc: string; attempts: number }>(
        `SELECT id, to_address, subject, body_enc, attempts FROM mail_outbox
          WHERE sent_at IS NULL AND send_after <= now() ORDER BY send_after LIMIT 1 FOR UPDATE SKIP LOCKED`,
      );
      if (!row) return false;
      try {
        const body = decryptMailBody(keyring, row.id, row.body_enc);
        await mailer.send({ to: row.to_address, subject: row.subject, text: body.text, ...(body.html ? { html: body.html } : {}) });
        await tx.query('UPDATE mail_outbox SET sent_at = now(), attempts = attempts + 1, last_error = NULL WHERE id = $1', [row.id]);
        sent++;
      } catch (err) {
        const backoff = backoffSeconds(row.attempts + 1);
        // The SMTP error text, not the message: addresses and bodies stay out of the log.
        const reason = String((err as Error).message).slice(0, 200);
        await tx.query(
          `UPDATE mail_outbox SET attempts = attempts + 1, last_error = $2, send_after = now() + make_interval(secs => $3) WHERE id = $1`,
          [row.id, reason, backoff],
        );
        log?.warn({ outboxId: row.id, attempts: row.attempts + 1, retryInSeconds: backoff }, 'email not sent; will retry');
        return 'failed';
      }
      return true;
    });
    if (done !== true) break;
  }
  return sent;
}

/** Runs delivery in the background: right after enqueueMail, and every `intervalMs` for retries. */
export function startMailWorker(db: Db, keyring: Keyring, mailer: Mailer, log: Logger, intervalMs = 5000): () => Promise<void> {
  const loop = startPolling(() => deliverDueMail(db, keyring, mailer, log), { intervalMs, log, name: 'mail delivery' });
  mailWakeups.add(loop.wake);
  return async () => {
    mailWakeups.delete(loop.wake);
    await loop.stop();
  };
}
