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

/** The second steps a user has set up, as offered at sign-in. Empty: no second step needed. */
export async function enabledMethods(db: Queryable, userId: string): Promise<('totp' | 'passkey' | 'email' | 'recovery')[]> {
  const [row] = await db.query<{ totp: boolean; passkeys: number; email: boolean; recovery: number }>(
    `SELECT EXISTS (SELECT 1 FROM mfa_totp WHERE user_id = $1 AND confirmed_at IS NOT NULL) AS totp,
            (SELECT count(*)::int FROM webauthn_credentials WHERE user_id = $1) AS passkeys,
            (SELECT mfa_email_enabled FROM users WHERE id = $1) AS email,
            (SELECT count(*)::int FROM recovery_codes WHERE user_id = $1 AND used_at IS NULL) AS recovery`,
    [userId],
  );
  if (!row || (!row.totp && !row.passkeys && !row.email)) return [];
  return [
    ...(row.passkeys ? (['passkey'] as const) : []),
    ...(row.totp ? (['totp'] as const) : []),
    'email',
    ...(row.recovery ? (['recovery'] as const) : []),
  ];
}

/** Staff and admins must have a second factor before they see patient data; demo accounts are exempt only in demo mode. */
export function mfaRequiredFor(user: { role: string; isDemo: boolean }, demoMode: boolean): boolean {
  if (user.role === 'patient') return false;
  return !(user.isDemo && demoMode);
}
