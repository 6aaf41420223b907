import { randomUUID } from 'node:crypto';
import type { Db, Queryable } from '../db/db.ts';
import type { Keyring } from '../crypto/keyring.ts';
import type { Mailer, MailMessage } from './mailer.ts';

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

const mailWakeups = new Set<() => void>();
const MAX_BACKOFF_SECONDS = 3600;

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
        const body = JSON.parse(keyring.decrypt(row.body_enc, context(row.id))) as { text: string; html: string | null };
        await mailer.send({ to: row.to_address, subject: row.subject, text: body.text, ...(body.html ? { html: body.html } : {}) });
        await tx.query('UPDATE mail_outbox SET sent_at = now(), attempts = attempts + 1, last_error = NULL WHERE id = $1', [row.id]);
        sent++;
      } catch (err) {
        const backoff = Math.min(MAX_BACKOFF_SECONDS, 2 ** Math.min(row.attempts, 12) * 5);
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
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  let queued = false;
  const tick = () => {
    if (stopped || queued) return;
    queued = true;
    running = running.then(async () => {
      queued = false;
      if (!stopped) await deliverDueMail(db, keyring, mailer, log).catch((err) => log.warn({ err: String(err) }, 'mail delivery loop failed'));
    });
  };
  mailWakeups.add(tick);
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  tick();
  return async () => {
    stopped = true;
    clearInterval(timer);
    mailWakeups.delete(tick);
    await running;
  };
}
