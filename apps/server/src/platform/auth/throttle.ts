import { createHash } from 'node:crypto';
import type { Queryable } from '../db/db.ts';
import { AppError } from '../http/errors.ts';

/**
 * Failures allowed in the window before a lock; each further failure doubles the lock, up to the
 * cap. An address gets more room than an account: many people can share one (clinic, NAT).
 */
const MAX_FAILURES = 5;
const MAX_FAILURES_PER_ADDRESS = 30;
function maxFailures(key: string, addressScale: number): number {
  return key.includes(':ip:') ? MAX_FAILURES_PER_ADDRESS * addressScale : MAX_FAILURES;
}
const WINDOW_MINUTES = 15;
const FIRST_LOCK_MINUTES = 1;
const MAX_LOCK_MINUTES = 60;

/** A throttle key for an email address that does not reveal whether the account exists. */
export function emailKey(scope: string, email: string): string {
  return `${scope}:email:${createHash('sha256').update(email.trim().toLowerCase()).digest('hex').slice(0, 32)}`;
}

export function ipKey(scope: string, ip: string): string {
  return `${scope}:ip:${ip}`;
}

/** Throws RATE_LIMITED ("Too many attempts. Try again in N minutes.") if any key is locked now. */
export async function assertNotThrottled(db: Queryable, keys: string[]): Promise<void> {
  const rows = await db.query<{ seconds: number }>(
    `SELECT ceil(extract(epoch FROM max(locked_until) - now()))::int AS seconds FROM throttle WHERE key = ANY($1::text[]) AND locked_until > now()`,
    [keys],
  );
  const seconds = rows[0]?.seconds;
  if (seconds && seconds > 0) throw tooMany(seconds);
}

export function tooMany(seconds: number): AppError {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return new AppError('RATE_LIMITED', `Too many attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`);
}

/**
 * Counts a failure for each key (`addressScale` is config RATE_LIMIT_SCALE). Returns the keys that just became locked (so the caller can tell
 * the account owner once), with the lock length in seconds.
 */
export async function recordFailure(db: Queryable, addressScale: number, keys: string[]): Promise<{ key: string; lockSeconds: number; notify: boolean }[]> {
  const locked: { key: string; lockSeconds: number; notify: boolean }[] = [];
  for (const key of keys) {
    const [row] = await db.query<{ failures: number }>(
      `INSERT INTO throttle (key, failures, window_start) VALUES ($1, 1, now())
       ON CONFLICT (key) DO UPDATE SET
         failures = CASE WHEN throttle.window_start < now() - make_interval(mins => $2) AND (throttle.locked_until IS NULL OR throttle.locked_until < now() - make_interval(mins => $2))
                         THEN 1 ELSE throttle.failures + 1 END,
         window_start = CASE WHEN throttle.window_start < now() - make_interval(mins => $2) AND (throttle.locked_until IS NULL OR throttle.locked_until < now() - make_interval(mins => $2))
                         THEN now() ELSE throttle.window_start END
       RETURNING failures`,
      [key, WINDOW_MINUTES],
    );
    const failures = row!.failures;
    const max = maxFailures(key, addressScale);
    if (failures >= max) {
      const minutes = Math.min(MAX_LOCK_MINUTES, FIRST_LOCK_MINUTES * 2 ** Math.min(failures - max, 10));
      // Tell the owner at most once an hour, however many locks follow.
      const [lock] = await db.query<{ notify: boolean }>(
        `WITH before AS (SELECT notified_at FROM throttle WHERE key = $1)
         UPDATE throttle SET locked_until = now() + make_interval(mins => $2),
                notified_at = CASE WHEN (SELECT notified_at FROM before) IS NULL OR (SELECT notified_at FROM before) < now() - interval '1 hour'
                                   THEN now() ELSE notified_at END
          WHERE key = $1
          RETURNING ((SELECT notified_at FROM before) IS NULL OR (SELECT notified_at FROM before) < now() - interval '1 hour') AS notify`,
        [key, minutes],
      );
      locked.push({ key, lockSeconds: minutes * 60, notify: lock?.notify ?? false });
    }
  }
  return locked;
}

/** Forgets failures after a success. */
export async function clearFailures(db: Queryable, keys: string[]): Promise<void> {
  await db.query('DELETE FROM throttle WHERE key = ANY($1::text[])', [keys]);
}
