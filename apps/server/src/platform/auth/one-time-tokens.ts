import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import type { Queryable } from '../db/db.ts';
import { tokenDigest } from './sessions.ts';

export type TokenKind = 'activation' | 'password-reset' | 'signup' | 'email-change';

export type TokenRow = {
  id: string; kind: TokenKind; user_id: string | null; patient_id: string | null; email: string | null;
  data: Record<string, unknown>; expires_at: Date; used_at: Date | null; attempts: number;
};

/** A 6-digit code for people to type (email verification). */
export function newNumericCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

/** A 256-bit URL-safe token for links (password reset). */
export function newLinkToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Stores a single-use secret (only its digest) and returns the row id. */
export async function storeToken(
  db: Queryable,
  t: { kind: TokenKind; secret: string; minutes: number; userId?: string | null; patientId?: string | null; email?: string | null; data?: object; createdBy?: string | null },
): Promise<string> {
  const id = randomUUID();
  await db.query(
    `INSERT INTO one_time_tokens (id, kind, token_hash, user_id, patient_id, email, data, created_by, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now() + make_interval(mins => $9))`,
    [id, t.kind, tokenDigest(t.secret), t.userId ?? null, t.patientId ?? null, t.email?.toLowerCase() ?? null, JSON.stringify(t.data ?? {}), t.createdBy ?? null, t.minutes],
  );
  return id;
}

/** Finds a live (unused, unexpired) token by its secret. */
export async function findLiveToken(db: Queryable, kind: TokenKind, secret: string): Promise<TokenRow | undefined> {
  const rows = await db.query<TokenRow>(
    `SELECT * FROM one_time_tokens WHERE kind = $1 AND token_hash = $2 AND used_at IS NULL AND expires_at > now() FOR UPDATE`,
    [kind, tokenDigest(secret)],
  );
  return rows[0];
}

/** Marks a token used, so it never works again. */
export async function consumeToken(db: Queryable, id: string): Promise<void> {
  await db.query('UPDATE one_time_tokens SET used_at = now() WHERE id = $1', [id]);
}

/** Invalidates earlier live tokens of a kind for an email or user (a new code replaces the old one). */
export async function revokeTokens(db: Queryable, kind: TokenKind, by: { email?: string; userId?: string; patientId?: string }): Promise<void> {
  await db.query(
    `UPDATE one_time_tokens SET used_at = now() WHERE kind = $1 AND used_at IS NULL
       AND (($2::text IS NOT NULL AND email = $2) OR ($3::uuid IS NOT NULL AND user_id = $3) OR ($4::text IS NOT NULL AND patient_id = $4))`,
    [kind, by.email?.toLowerCase() ?? null, by.userId ?? null, by.patientId ?? null],
  );
}
