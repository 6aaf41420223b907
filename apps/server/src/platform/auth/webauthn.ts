import { randomUUID } from 'node:crypto';
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';

/** @simplewebauthn/server takes ~0.25 s to load: loaded on first use (and warmed after start), not at boot. */
export const webauthnLibrary = () => import('@simplewebauthn/server');

/** Transport hints as stored (usb, nfc, ble, internal, hybrid, ...). */
type AuthenticatorTransportFuture = 'ble' | 'cable' | 'hybrid' | 'internal' | 'nfc' | 'smart-card' | 'usb';
import type { Queryable } from '../db/db.ts';
import { AppError } from '../http/errors.ts';

/**
 * Passkeys (WebAuthn) through @simplewebauthn/server. The relying party is the portal's public
 * origin (PUBLIC_URL); challenges live in auth_challenges for five minutes and are single-use.
 */
export type RelyingParty = { origin: string; rpID: string; rpName: string };

export function relyingParty(publicUrl: string): RelyingParty {
  return { origin: new URL(publicUrl).origin, rpID: new URL(publicUrl).hostname, rpName: 'OurChart' };
}

type CredentialRow = { id: string; user_id: string; public_key: string; counter: string; transports: string[]; name: string };

async function saveChallenge(db: Queryable, kind: 'webauthn-register' | 'webauthn-auth', userId: string | null, data: object): Promise<string> {
  const id = randomUUID();
  await db.query(`INSERT INTO auth_challenges (id, user_id, kind, data, expires_at) VALUES ($1, $2, $3, $4, now() + interval '5 minutes')`, [id, userId, kind, JSON.stringify(data)]);
  return id;
}

async function takeChallenge(db: Queryable, id: string, kind: string): Promise<{ user_id: string | null; data: { challenge: string; mfaChallengeId?: string } }> {
  const rows = await db.query<{ user_id: string | null; data: { challenge: string; mfaChallengeId?: string } }>(
    `UPDATE auth_challenges SET consumed_at = now() WHERE id = $1 AND kind = $2 AND consumed_at IS NULL AND expires_at > now() RETURNING user_id, data`,
    [id, kind],
  );
  if (!rows[0]) throw new AppError('INVALID_CODE', 'The passkey request expired. Please try again.');
  return rows[0];
}

export async function registrationOptions(db: Queryable, rp: RelyingParty, user: { id: string; email: string; displayName: string }) {
  const existing = await db.query<CredentialRow>('SELECT * FROM webauthn_credentials WHERE user_id = $1', [user.id]);
  const { generateRegistrationOptions } = await webauthnLibrary();
  const options = await generateRegistrationOptions({
    rpName: rp.rpName,
    rpID: rp.rpID,
    userName: user.email,
    userDisplayName: user.displayName,
    userID: new TextEncoder().encode(user.id),
    attestationType: 'none',
    excludeCredentials: existing.map((c) => ({ id: c.id, transports: c.transports as AuthenticatorTransportFuture[] })),
    authenticatorSelection: { residentKey: 'required', userVerification: 'preferred' },
  });
  const flowId = await saveChallenge(db, 'webauthn-register', user.id, { challenge: options.challenge });
  return { flowId, options };
}

/** Verifies a new passkey and stores it. Returns its id and name. */
export async function registerPasskey(db: Queryable, rp: RelyingParty, userId: string, response: unknown, name: string | undefined) {
  const [latest] = await db.query<{ id: string }>(
    `SELECT id FROM auth_challenges WHERE user_id = $1 AND kind = 'webauthn-register' AND consumed_at IS NULL AND expires_at > now() ORDER BY created_at DESC LIMIT 1`,
    [userId],
  );
  if (!latest) throw new AppError('INVALID_CODE', 'The passkey request expired. Please try again.');
  const challenge = await takeChallenge(db, latest.id, 'webauthn-register');
  const { verifyRegistrationResponse } = await webauthnLibrary();
  const result = await verifyRegistrationResponse({
    response: response as RegistrationResponseJSON,
    expectedChallenge: challenge.data.challenge,
    expectedOrigin: rp.origin,
    expectedRPID: rp.rpID,
    requireUserVerification: false,
  }).catch((err: Error) => {
    throw new AppError('INVALID_CODE', `This passkey could not be saved: ${err.message}`);
  });
  if (!result.verified || !result.registrationInfo) throw new AppError('INVALID_CODE', 'This passkey could not be verified.');
  const cred = result.registrationInfo.credential;
  const label = name?.trim() || `Passkey added ${new Date().toISOString().slice(0, 10)}`;
  await db.query(
    `INSERT INTO webauthn_credentials (id, user_id, public_key, counter, transports, name) VALUES ($1, $2, $3, $4, $5, $6)`,
    [cred.id, userId, Buffer.from(cred.publicKey).toString('base64url'), cred.counter, cred.transports ?? [], label],
  );
  return { id: cred.id, name: label };
}

/** Options for signing in with a passkey: any discoverable passkey (passwordless), or the user's own (second step). */
export async function authenticationOptions(db: Queryable, rp: RelyingParty, forUser?: { userId: string; mfaChallengeId: string }) {
  const allow = forUser ? await db.query<CredentialRow>('SELECT * FROM webauthn_credentials WHERE user_id = $1', [forUser.userId]) : [];
  const { generateAuthenticationOptions } = await webauthnLibrary();
  const options = await generateAuthenticationOptions({
    rpID: rp.rpID,
    userVerification: 'preferred',
    allowCredentials: allow.map((c) => ({ id: c.id, transports: c.transports as AuthenticatorTransportFuture[] })),
  });
  const flowId = await saveChallenge(db, 'webauthn-auth', forUser?.userId ?? null, { challenge: options.challenge, mfaChallengeId: forUser?.mfaChallengeId });
  return { flowId, options };
}

/** Verifies a passkey assertion; returns the user it belongs to (and the MFA challenge it answers, if any). */
export async function verifyPasskey(db: Queryable, rp: RelyingParty, flowId: string, response: unknown) {
  const challenge = await takeChallenge(db, flowId, 'webauthn-auth');
  const assertion = response as AuthenticationResponseJSON;
  const [cred] = await db.query<CredentialRow>('SELECT * FROM webauthn_credentials WHERE id = $1', [String(assertion?.id ?? '')]);
  if (!cred || (challenge.user_id && cred.user_id !== challenge.user_id)) throw new AppError('INVALID_CODE', 'This passkey is not registered with OurChart.');
  const { verifyAuthenticationResponse } = await webauthnLibrary();
  const result = await verifyAuthenticationResponse({
    response: assertion,
    expectedChallenge: challenge.data.challenge,
    expectedOrigin: rp.origin,
    expectedRPID: rp.rpID,
    credential: { id: cred.id, publicKey: Buffer.from(cred.public_key, 'base64url'), counter: Number(cred.counter), transports: cred.transports as AuthenticatorTransportFuture[] },
    requireUserVerification: false,
  }).catch(() => ({ verified: false as const, authenticationInfo: undefined }));
  if (!result.verified) throw new AppError('INVALID_CODE', 'The passkey did not match. Please try again.');
  await db.query('UPDATE webauthn_credentials SET counter = $2, last_used_at = now() WHERE id = $1', [cred.id, result.authenticationInfo?.newCounter ?? Number(cred.counter)]);
  return { userId: cred.user_id, mfaChallengeId: challenge.data.mfaChallengeId };
}

export async function listPasskeys(db: Queryable, userId: string) {
  return db.query<{ id: string; name: string; created_at: Date; last_used_at: Date | null }>(
    'SELECT id, name, created_at, last_used_at FROM webauthn_credentials WHERE user_id = $1 ORDER BY created_at',
    [userId],
  );
}

export async function removePasskey(db: Queryable, userId: string, id: string): Promise<boolean> {
  const rows = await db.query('DELETE FROM webauthn_credentials WHERE user_id = $1 AND id = $2 RETURNING id', [userId, id]);
  return rows.length === 1;
}
