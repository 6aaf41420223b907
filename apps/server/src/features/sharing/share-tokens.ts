import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/** A share link's secret: 256 random bits, base64url (43 characters), shown once and never stored. */
export function newShareToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashShareToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A 6-digit access code, given to the patient once to pass on separately from the link. */
export function newAccessCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

/**
 * The code's digest is bound to the link's token: a million codes are quick to try offline, but
 * not without the token, which only the link holds. Online guessing is stopped by the attempt limit.
 */
export function hashAccessCode(token: string, code: string): string {
  return createHash('sha256').update(`share-code:${token}:${code}`).digest('hex');
}

export function accessCodeMatches(token: string, code: string, stored: string): boolean {
  const a = Buffer.from(hashAccessCode(token, code), 'hex');
  const b = Buffer.from(stored, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
