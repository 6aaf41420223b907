import { randomInt } from 'node:crypto';
import type { Queryable } from '../db/db.ts';
import { tokenDigest } from './sessions.ts';

const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

function newCode(): string {
  const chars = Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]);
  return `${chars.slice(0, 5).join('')}-${chars.slice(5).join('')}`;
}

const normalize = (code: string) => code.trim().toLowerCase().replace(/[\s-]/g, '');

/** Replaces the user's recovery codes with ten new single-use ones; returns them (shown once). */
export async function regenerateRecoveryCodes(db: Queryable, userId: string): Promise<string[]> {
  const codes = Array.from({ length: 10 }, newCode);
  await db.query('DELETE FROM recovery_codes WHERE user_id = $1', [userId]);
  await db.query(
    `INSERT INTO recovery_codes (user_id, code_hash) SELECT $1, h FROM unnest($2::text[]) AS h`,
    [userId, codes.map((c) => tokenDigest(normalize(c)))],
  );
  return codes;
}

/** Uses up one recovery code; false when it is wrong or already used. */
export async function useRecoveryCode(db: Queryable, userId: string, code: string): Promise<boolean> {
  const rows = await db.query(
    'UPDATE recovery_codes SET used_at = now() WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL RETURNING user_id',
    [userId, tokenDigest(normalize(code))],
  );
  return rows.length === 1;
}

export async function recoveryCodesLeft(db: Queryable, userId: string): Promise<number> {
  const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM recovery_codes WHERE user_id = $1 AND used_at IS NULL', [userId]);
  return row?.n ?? 0;
}
