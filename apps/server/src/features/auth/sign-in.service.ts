import { randomUUID } from 'node:crypto';
import type { SignInResult } from '@ourchart/contracts';
import type { AppContext } from '../../context.ts';
import { enabledMethods } from '../../platform/auth/mfa-status.ts';
import { newNumericCode } from '../../platform/auth/one-time-tokens.ts';
import { verifyPassword } from '../../platform/auth/passwords.ts';
import { useRecoveryCode } from '../../platform/auth/recovery-codes.ts';
import { tokenDigest } from '../../platform/auth/sessions.ts';
import { assertNotThrottled, clearFailures, emailKey, ipKey, recordFailure } from '../../platform/auth/throttle.ts';
import { verifyTotp } from '../../platform/auth/totp.ts';
import { findUserByEmail, getUser, type User } from '../../platform/auth/users.ts';
import { authenticationOptions, relyingParty, verifyPasskey } from '../../platform/auth/webauthn.ts';
import { AppError } from '../../platform/http/errors.ts';
import { enqueueMail } from '../../platform/mail/outbox.ts';
import { mail } from '../../platform/mail/templates.ts';
import { startSession, type Client } from './auth.service.ts';

const WRONG = 'Check your email and password and try again. If you forgot your password, choose "Forgot your password?".';
const MFA_MINUTES = 10;
const MAX_CODE_ATTEMPTS = 5;

export type SignInOutcome = { result: SignInResult; token?: string };

/**
 * Step one: email and password. A wrong password, an unknown email and a disabled account get the
 * same answer in about the same time. Failures are counted per email and per IP with backoff;
 * when an account locks, its owner is emailed once.
 */
export async function passwordSignIn(ctx: AppContext, input: { email: string; password: string }, client: Client): Promise<SignInOutcome> {
  const keys = [emailKey('sign-in', input.email), ipKey('sign-in', client.ip)];
  await assertNotThrottled(ctx.db, keys);
  const user = await findUserByEmail(ctx.db, input.email);
  const ok = await verifyPassword(user?.passwordHash, input.password);
  if (!user || !ok || user.disabled) {
    await failed(ctx, keys, user, client, 'password');
    throw new AppError('INVALID_CREDENTIALS', WRONG);
  }
  await clearFailures(ctx.db, [keys[0]!]);
  const methods = await enabledMethods(ctx.db, user.id);
  if (methods.length === 0) return finish(ctx, user, client, 'password');
  const challengeId = randomUUID();
  await ctx.db.query(
    `INSERT INTO auth_challenges (id, user_id, kind, expires_at) VALUES ($1, $2, 'mfa', now() + make_interval(mins => $3))`,
    [challengeId, user.id, MFA_MINUTES],
  );
  return { result: { status: 'mfa-required', challengeId, methods, maskedEmail: maskEmail(user.email) } };
}

async function finish(ctx: AppContext, user: User, client: Client, how: string): Promise<SignInOutcome> {
  const { token, me } = await startSession(ctx, user, client, how);
  return { token, result: { status: 'signed-in', me } };
}

async function failed(ctx: AppContext, keys: string[], user: User | undefined, client: Client, step: string) {
  const locked = await recordFailure(ctx.db, ctx.config.rateLimitScale, keys);
  await ctx.audit.record({ actorId: user?.id ?? null, actorRole: user?.role ?? null, patientId: null, action: 'sign-in', query: step, outcome: 'denied', ip: client.ip, requestId: client.requestId });
  const accountLock = locked.find((l) => l.key === keys[0] && l.notify);
  if (user && accountLock) {
    await enqueueMail(ctx.db, ctx.keyring, mail.accountLocked(user.email, user.locale, Math.round(accountLock.lockSeconds / 60)));
  }
}

type Challenge = { id: string; user_id: string; data: { emailCodeHash?: string }; attempts: number };

async function liveChallenge(ctx: AppContext, challengeId: string): Promise<{ challenge: Challenge; user: User }> {
  const [challenge] = await ctx.db.query<Challenge>(
    `SELECT id, user_id, data, attempts FROM auth_challenges WHERE id = $1 AND kind = 'mfa' AND consumed_at IS NULL AND expires_at > now()`,
    [challengeId],
  );
  const user = challenge && (await getUser(ctx.db, challenge.user_id));
  if (!challenge || !user || user.disabled) throw new AppError('MFA_REQUIRED', 'Your sign-in took too long. Please sign in again.');
  if (challenge.attempts >= MAX_CODE_ATTEMPTS) throw new AppError('RATE_LIMITED', 'Too many wrong codes. Please sign in again.');
  return { challenge, user };
}

/** Emails a 6-digit code for the second step (always offered, for people who cannot use an app). */
export async function sendSignInCode(ctx: AppContext, challengeId: string, client: Client): Promise<void> {
  await assertNotThrottled(ctx.db, [ipKey('code', client.ip)]);
  const { challenge, user } = await liveChallenge(ctx, challengeId);
  const code = newNumericCode();
  await ctx.db.transaction(async (tx) => {
    await tx.query(`UPDATE auth_challenges SET data = data || $2::jsonb WHERE id = $1`, [challenge.id, JSON.stringify({ emailCodeHash: tokenDigest(code) })]);
    await enqueueMail(tx, ctx.keyring, mail.signInCode(user.email, user.locale, code));
  });
}

/** Step two with a code: authenticator app, emailed code or recovery code. */
export async function verifySecondFactor(ctx: AppContext, input: { challengeId: string; method: 'totp' | 'email' | 'recovery'; code: string }, client: Client): Promise<SignInOutcome> {
  const { challenge, user } = await liveChallenge(ctx, input.challengeId);
  const keys = [`code:user:${user.id}`, ipKey('code', client.ip)];
  await assertNotThrottled(ctx.db, keys);
  let ok = false;
  if (input.method === 'totp') ok = await verifyTotp(ctx.db, ctx.keyring, user.id, input.code);
  else if (input.method === 'recovery') ok = await useRecoveryCode(ctx.db, user.id, input.code);
  else ok = !!challenge.data.emailCodeHash && tokenDigest(input.code.trim()) === challenge.data.emailCodeHash;
  if (!ok) {
    await ctx.db.query('UPDATE auth_challenges SET attempts = attempts + 1 WHERE id = $1', [challenge.id]);
    await failed(ctx, keys, user, client, input.method);
    throw new AppError('INVALID_CODE', input.method === 'recovery' ? 'That recovery code did not work or was already used.' : 'That code did not work. Check it and try again, or ask for a new one.');
  }
  await ctx.db.query('UPDATE auth_challenges SET consumed_at = now() WHERE id = $1', [challenge.id]);
  await clearFailures(ctx.db, [keys[0]!]);
  return finish(ctx, user, client, `mfa:${input.method}`);
}

/** Passkey options: passwordless (no challenge) or as the second step of a password sign-in. */
export async function passkeyOptions(ctx: AppContext, challengeId: string | undefined) {
  const rp = relyingParty(ctx.config.publicUrl);
  if (!challengeId) return authenticationOptions(ctx.db, rp);
  const { user } = await liveChallenge(ctx, challengeId);
  return authenticationOptions(ctx.db, rp, { userId: user.id, mfaChallengeId: challengeId });
}

/** Finishes a passkey sign-in. A passkey proves possession and (usually) a PIN or biometric, so it signs in alone. */
export async function passkeySignIn(ctx: AppContext, input: { flowId: string; response: unknown }, client: Client): Promise<SignInOutcome> {
  await assertNotThrottled(ctx.db, [ipKey('passkey', client.ip)]);
  const verified = await verifyPasskey(ctx.db, relyingParty(ctx.config.publicUrl), input.flowId, input.response).catch(async (err) => {
    await recordFailure(ctx.db, ctx.config.rateLimitScale, [ipKey('passkey', client.ip)]);
    throw err;
  });
  const user = await getUser(ctx.db, verified.userId);
  if (!user || user.disabled) throw new AppError('INVALID_CODE', 'This passkey is not registered with OurChart.');
  if (verified.mfaChallengeId) await ctx.db.query('UPDATE auth_challenges SET consumed_at = now() WHERE id = $1', [verified.mfaChallengeId]);
  return finish(ctx, user, client, 'passkey');
}

/** "a***@example.com": enough for a person to recognise their address. */
export function maskEmail(email: string): string {
  const [local = '', domain = ''] = email.split('@');
  return `${local.slice(0, 1)}***@${domain}`;
}
