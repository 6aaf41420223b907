import type { Queryable } from '../db/db.ts';

/** True when the user has a confirmed TOTP app or at least one passkey (email codes do not count). */
export async function hasSecondFactor(db: Queryable, userId: string): Promise<boolean> {
  const rows = await db.query<{ n: number }>(
    `SELECT (SELECT count(*) FROM mfa_totp WHERE user_id = $1 AND confirmed_at IS NOT NULL)
          + (SELECT count(*) FROM webauthn_credentials WHERE user_id = $1) AS n`,
    [userId],
  );
  return Number(rows[0]?.n ?? 0) > 0;
}

/** Staff and admins must have a second factor before they see patient data; demo accounts are exempt only in demo mode. */
export function mfaRequiredFor(user: { role: string; isDemo: boolean }, demoMode: boolean): boolean {
  if (user.role === 'patient') return false;
  return !(user.isDemo && demoMode);
}
