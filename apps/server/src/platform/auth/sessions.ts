import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Db, Queryable } from '../db/db.ts';

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

/**
 * Looks up a live session by token WITHOUT marking it used: for requests a person did not make
 * (the live-updates stream and its reconnects), which must not keep an idle session alive.
 */
export async function peekSession(db: Db, token: string, policy: SessionPolicy): Promise<Session | undefined> {
  const rows = await db.query<{ id: string; user_id: string; created_at: Date; last_seen_at: Date; expires_at: Date }>(
    `SELECT id, user_id, created_at, last_seen_at, expires_at FROM sessions
      WHERE token_hash = $1 AND revoked_at IS NULL AND expires_at > now()
        AND last_seen_at > now() - make_interval(secs => $2)`,
    [tokenDigest(token), policy.idleSeconds],
  );
  const r = rows[0];
  return r && { id: r.id, userId: r.user_id, createdAt: r.created_at, lastSeenAt: r.last_seen_at, expiresAt: r.expires_at };
}

/** Ends a session (sign out). */
export async function revokeSession(db: Db, sessionId: string): Promise<void> {
  await db.query('UPDATE sessions SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL', [sessionId]);
}

export type SessionRow = { id: string; created_at: Date; last_seen_at: Date; ip: string | null; user_agent: string | null };

/** The user's live sessions (not revoked, not expired, not idle past the timeout), newest activity first. */
export async function listSessions(db: Db, userId: string, policy: SessionPolicy): Promise<SessionRow[]> {
  return db.query<SessionRow>(
    `SELECT id, created_at, last_seen_at, ip, user_agent FROM sessions
      WHERE user_id = $1 AND revoked_at IS NULL AND expires_at > now() AND last_seen_at > now() - make_interval(secs => $2)
      ORDER BY last_seen_at DESC`,
    [userId, policy.idleSeconds],
  );
}

/** Ends every session of the user except `keepSessionId` (all when undefined). Returns how many ended. */
export async function revokeUserSessions(db: Queryable, userId: string, keepSessionId?: string): Promise<number> {
  const rows = await db.query(
    `UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL AND ($2::uuid IS NULL OR id <> $2) RETURNING id`,
    [userId, keepSessionId ?? null],
  );
  return rows.length;
}

/** Ends one of the user's sessions; false when it is not theirs or already ended. */
export async function revokeOwnSession(db: Db, userId: string, sessionId: string): Promise<boolean> {
  const rows = await db.query('UPDATE sessions SET revoked_at = now() WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL RETURNING id', [sessionId, userId]);
  return rows.length === 1;
}

/** "Chrome on Android" from a User-Agent header; good enough for people to recognise their devices. */
export function describeDevice(userAgent: string | null): string {
  if (!userAgent) return 'Unknown device';
  const ua = userAgent;
  const browser = /Edg\//.test(ua) ? 'Edge' : /Firefox\//.test(ua) ? 'Firefox' : /Chrome\/|Chromium\/|CriOS\//.test(ua) ? 'Chrome' : /Safari\//.test(ua) ? 'Safari' : /curl|node|undici/i.test(ua) ? 'Program' : 'Browser';
  const os = /Android/.test(ua) ? 'Android' : /iPhone|iPad/.test(ua) ? 'iPhone or iPad' : /Windows/.test(ua) ? 'Windows' : /Mac OS X|Macintosh/.test(ua) ? 'Mac' : /Linux/.test(ua) ? 'Linux' : 'another system';
  return `${browser} on ${os}`;
}
