import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Db } from '../db/db.ts';

export type SessionPolicy = { idleSeconds: number; maxSeconds: number };

export type Session = { id: string; userId: string; createdAt: Date; lastSeenAt: Date; expiresAt: Date };

/** Only this digest of a session token is stored. */
export function tokenDigest(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Starts a session; returns the opaque token for the cookie (256 random bits). */
export async function createSession(db: Db, userId: string, policy: SessionPolicy, client: { ip?: string; userAgent?: string }) {
  const token = randomBytes(32).toString('base64url');
  const now = new Date();
  const expiresAt = new Date(now.getTime() + policy.maxSeconds * 1000);
  const id = randomUUID();
  await db.query(
    `INSERT INTO sessions (id, token_hash, user_id, created_at, last_seen_at, expires_at, ip, user_agent)
     VALUES ($1, $2, $3, $4, $4, $5, $6, $7)`,
    [id, tokenDigest(token), userId, now.toISOString(), expiresAt.toISOString(), client.ip ?? null, client.userAgent?.slice(0, 512) ?? null],
  );
  return { token, session: { id, userId, createdAt: now, lastSeenAt: now, expiresAt } satisfies Session };
}

/**
 * Looks up a live session by token and marks it as used now. A session past its absolute
 * lifetime, idle longer than the idle timeout, or revoked is not returned.
 */
export async function touchSession(db: Db, token: string, policy: SessionPolicy): Promise<Session | undefined> {
  const rows = await db.query<{ id: string; user_id: string; created_at: Date; last_seen_at: Date; expires_at: Date }>(
    `UPDATE sessions SET last_seen_at = now()
      WHERE token_hash = $1 AND revoked_at IS NULL AND expires_at > now()
        AND last_seen_at > now() - make_interval(secs => $2)
      RETURNING id, user_id, created_at, last_seen_at, expires_at`,
    [tokenDigest(token), policy.idleSeconds],
  );
  const r = rows[0];
  return r && { id: r.id, userId: r.user_id, createdAt: r.created_at, lastSeenAt: r.last_seen_at, expiresAt: r.expires_at };
}

/** Ends a session (sign out). */
export async function revokeSession(db: Db, sessionId: string): Promise<void> {
  await db.query('UPDATE sessions SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL', [sessionId]);
}
