import * as OTPAuth from 'otpauth';
import type { Queryable } from '../db/db.ts';
import type { Keyring } from '../crypto/keyring.ts';

const ISSUER = 'OurChart';
const context = (userId: string) => `mfa_totp.secret:${userId}`;

function totpFor(secretBase32: string, label: string) {
  return new OTPAuth.TOTP({ issuer: ISSUER, label, algorithm: 'SHA1', digits: 6, period: 30, secret: OTPAuth.Secret.fromBase32(secretBase32) });
}

/** Starts (or restarts) TOTP enrollment: a new secret, stored encrypted and unconfirmed. */
export async function startTotp(db: Queryable, keyring: Keyring, user: { id: string; email: string }) {
  const secret = new OTPAuth.Secret({ size: 20 });
  const totp = totpFor(secret.base32, user.email);
  await db.query(
    `INSERT INTO mfa_totp (user_id, secret_enc) VALUES ($1, $2)
     ON CONFLICT (user_id) DO UPDATE SET secret_enc = EXCLUDED.secret_enc, created_at = now(), confirmed_at = NULL, last_step = NULL`,
    [user.id, keyring.encrypt(secret.base32, context(user.id))],
  );
  const otpauthUrl = totp.toString();
  const { default: QRCode } = await import('qrcode'); // only enrollment needs it
  const qrSvg = await QRCode.toString(otpauthUrl, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { otpauthUrl, secret: secret.base32, qrSvg };
}

/**
 * Checks a 6-digit code against the user's TOTP secret (one 30 s step of clock drift either way)
 * and refuses a code from a step already used, so an overheard code cannot be replayed.
 * `pending` checks the not-yet-confirmed secret during enrollment.
 */
export async function verifyTotp(db: Queryable, keyring: Keyring, userId: string, code: string, pending = false): Promise<boolean> {
  const [row] = await db.query<{ secret_enc: string; last_step: string | null; confirmed_at: Date | null }>(
    'SELECT secret_enc, last_step, confirmed_at FROM mfa_totp WHERE user_id = $1 FOR UPDATE',
    [userId],
  );
  if (!row || (pending ? row.confirmed_at !== null : row.confirmed_at === null)) return false;
  if (!/^\d{6}$/.test(code.trim())) return false;
  const totp = totpFor(keyring.decrypt(row.secret_enc, context(userId)), userId);
  const delta = totp.validate({ token: code.trim(), window: 1 });
  if (delta === null) return false;
  const step = Math.floor(Date.now() / 1000 / 30) + delta;
  if (row.last_step !== null && step <= Number(row.last_step)) return false;
  await db.query(
    `UPDATE mfa_totp SET last_step = $2, confirmed_at = COALESCE(confirmed_at, now()) WHERE user_id = $1`,
    [userId, step],
  );
  return true;
}

export async function removeTotp(db: Queryable, userId: string): Promise<void> {
  await db.query('DELETE FROM mfa_totp WHERE user_id = $1', [userId]);
}
