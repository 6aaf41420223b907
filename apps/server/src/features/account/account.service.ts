import type { AccountSecurity, SessionInfo } from '@ourchart/contracts';
import type { AppContext } from '../../context.ts';
import { hasSecondFactor, mfaRequiredFor } from '../../platform/auth/mfa-status.ts';
import { consumeToken, findLiveToken, newNumericCode, revokeTokens, storeToken } from '../../platform/auth/one-time-tokens.ts';
import { recoveryCodesLeft, regenerateRecoveryCodes } from '../../platform/auth/recovery-codes.ts';
import { describeDevice, listSessions, revokeOwnSession, revokeUserSessions } from '../../platform/auth/sessions.ts';
import { assertNotThrottled, recordFailure } from '../../platform/auth/throttle.ts';
import { removeTotp, startTotp, verifyTotp } from '../../platform/auth/totp.ts';
import { findUserByEmail, normalizeEmail, type User } from '../../platform/auth/users.ts';
import { listPasskeys, registerPasskey, registrationOptions, relyingParty, removePasskey } from '../../platform/auth/webauthn.ts';
import { AppError } from '../../platform/http/errors.ts';
import { enqueueMail } from '../../platform/mail/outbox.ts';
import { mail } from '../../platform/mail/templates.ts';
import type { Client } from '../auth/auth.service.ts';
import { assertPassword } from '../auth/password.service.ts';

type Who = { ctx: AppContext; user: User; client: Client };

async function audit({ ctx, user, client }: Who, action: string, detail?: string) {
  await ctx.audit.record({ actorId: user.id, actorRole: user.role, patientId: null, action, query: detail ?? null, outcome: 'success', ip: client.ip, requestId: client.requestId });
}

/** Second factors, recovery codes and whether staff still must enroll. */
export async function getSecurity({ ctx, user }: Who): Promise<AccountSecurity> {
  const [totp] = await ctx.db.query<{ confirmed: boolean }>('SELECT confirmed_at IS NOT NULL AS confirmed FROM mfa_totp WHERE user_id = $1', [user.id]);
  const [flags] = await ctx.db.query<{ mfa_email_enabled: boolean }>('SELECT mfa_email_enabled FROM users WHERE id = $1', [user.id]);
  const passkeys = await listPasskeys(ctx.db, user.id);
  const required = mfaRequiredFor(user, ctx.config.demoMode);
  return {
    email: user.email,
    totp: totp?.confirmed ?? false,
    emailCodes: flags?.mfa_email_enabled ?? false,
    passkeys: passkeys.map((p) => ({ id: p.id, name: p.name, createdAt: new Date(p.created_at).toISOString(), lastUsedAt: p.last_used_at ? new Date(p.last_used_at).toISOString() : null })),
    recoveryCodesLeft: await recoveryCodesLeft(ctx.db, user.id),
    mfaRequired: required,
    mfaEnrollmentNeeded: required && !(await hasSecondFactor(ctx.db, user.id)),
  };
}

export async function beginTotp(who: Who) {
  return startTotp(who.ctx.db, who.ctx.keyring, who.user);
}

/** Confirms the app with a first code. The first second factor also creates the recovery codes. */
export async function confirmTotp(who: Who, code: string): Promise<string[]> {
  const { ctx, user } = who;
  await assertNotThrottled(ctx.db, [`code:user:${user.id}`]);
  const hadFactor = await hasSecondFactor(ctx.db, user.id);
  if (!(await verifyTotp(ctx.db, ctx.keyring, user.id, code, true))) {
    await recordFailure(ctx.db, ctx.config.rateLimitScale, [`code:user:${user.id}`]);
    throw new AppError('INVALID_CODE', 'That code did not work. Check the time on your phone is right, and enter the newest code from the app.');
  }
  const codes = hadFactor ? [] : await regenerateRecoveryCodes(ctx.db, user.id);
  await enqueueMail(ctx.db, ctx.keyring, mail.securityChange(user.email, user.locale, 'mfa'));
  await audit(who, 'mfa-change', 'totp-added');
  return codes;
}

export async function deleteTotp(who: Who, password: string) {
  await assertPassword(who.ctx, who.user, password, who.client);
  await removeTotp(who.ctx.db, who.user.id);
  await enqueueMail(who.ctx.db, who.ctx.keyring, mail.securityChange(who.user.email, who.user.locale, 'mfa'));
  await audit(who, 'mfa-change', 'totp-removed');
}

export async function passkeyRegistrationOptions(who: Who) {
  return registrationOptions(who.ctx.db, relyingParty(who.ctx.config.publicUrl), who.user);
}

export async function addPasskey(who: Who, response: unknown, name: string | undefined) {
  const hadFactor = await hasSecondFactor(who.ctx.db, who.user.id);
  const passkey = await registerPasskey(who.ctx.db, relyingParty(who.ctx.config.publicUrl), who.user.id, response, name);
  const recoveryCodes = hadFactor ? null : await regenerateRecoveryCodes(who.ctx.db, who.user.id);
  await enqueueMail(who.ctx.db, who.ctx.keyring, mail.securityChange(who.user.email, who.user.locale, 'mfa'));
  await audit(who, 'mfa-change', 'passkey-added');
  const [row] = (await listPasskeys(who.ctx.db, who.user.id)).filter((p) => p.id === passkey.id);
  return {
    passkey: { id: passkey.id, name: passkey.name, createdAt: new Date(row!.created_at).toISOString(), lastUsedAt: null },
    recoveryCodes,
  };
}

export async function deletePasskey(who: Who, id: string, password: string) {
  await assertPassword(who.ctx, who.user, password, who.client);
  if (!(await removePasskey(who.ctx.db, who.user.id, id))) throw new AppError('NOT_FOUND', 'That passkey was not found.');
  await enqueueMail(who.ctx.db, who.ctx.keyring, mail.securityChange(who.user.email, who.user.locale, 'mfa'));
  await audit(who, 'mfa-change', 'passkey-removed');
}

export async function newRecoveryCodes(who: Who, password: string): Promise<string[]> {
  await assertPassword(who.ctx, who.user, password, who.client);
  const codes = await regenerateRecoveryCodes(who.ctx.db, who.user.id);
  await audit(who, 'mfa-change', 'recovery-codes-regenerated');
  return codes;
}

export async function setEmailCodes(who: Who, enabled: boolean, password: string) {
  await assertPassword(who.ctx, who.user, password, who.client);
  await who.ctx.db.query('UPDATE users SET mfa_email_enabled = $2 WHERE id = $1', [who.user.id, enabled]);
  await enqueueMail(who.ctx.db, who.ctx.keyring, mail.securityChange(who.user.email, who.user.locale, 'mfa'));
  await audit(who, 'mfa-change', enabled ? 'email-codes-on' : 'email-codes-off');
}

/** Email change, step one: a code goes to the NEW address; nothing changes until it comes back. */
export async function requestEmailChange(who: Who, newEmail: string, password: string) {
  const { ctx, user } = who;
  await assertPassword(ctx, user, password, who.client);
  if (normalizeEmail(newEmail) === normalizeEmail(user.email)) throw new AppError('VALIDATION', 'That is already your email.', { errors: [{ path: 'newEmail', message: 'Same email' }] });
  const code = newNumericCode();
  await ctx.db.transaction(async (tx) => {
    await revokeTokens(tx, 'email-change', { userId: user.id });
    await storeToken(tx, { kind: 'email-change', secret: `${user.id}:${code}`, minutes: 30, userId: user.id, email: newEmail });
    // Sent even when the address belongs to another account, so the answer reveals nothing; the change is refused at step two.
    await enqueueMail(tx, ctx.keyring, mail.emailChangeCode(newEmail, user.locale, code));
  });
}

/** Email change, step two: the code proves the new address; the old address is told. */
export async function confirmEmailChange(who: Who, code: string) {
  const { ctx, user } = who;
  await assertNotThrottled(ctx.db, [`code:user:${user.id}`]);
  const changed = await ctx.db.transaction(async (tx) => {
    const token = await findLiveToken(tx, 'email-change', `${user.id}:${code.trim()}`);
    if (!token?.email) return null;
    if (await findUserByEmail(tx, token.email)) {
      throw new AppError('VALIDATION', 'That email is already used by another account. Choose a different email.');
    }
    await consumeToken(tx, token.id);
    await tx.query('UPDATE users SET email = $2, email_normalized = $3, email_verified_at = now() WHERE id = $1', [user.id, token.email, normalizeEmail(token.email)]);
    await enqueueMail(tx, ctx.keyring, mail.securityChange(user.email, user.locale, 'email'));
    return token.email;
  });
  if (!changed) {
    await recordFailure(ctx.db, ctx.config.rateLimitScale, [`code:user:${user.id}`]);
    throw new AppError('INVALID_CODE', 'That code did not work or has expired. Ask for a new one.');
  }
  await audit(who, 'email-change');
}

export async function sessionsOf({ ctx, user }: Who, currentSessionId: string): Promise<SessionInfo[]> {
  const rows = await listSessions(ctx.db, user.id, { idleSeconds: ctx.config.sessionIdleSeconds, maxSeconds: ctx.config.sessionMaxSeconds });
  return rows.map((s) => ({
    id: s.id,
    current: s.id === currentSessionId,
    createdAt: new Date(s.created_at).toISOString(),
    lastSeenAt: new Date(s.last_seen_at).toISOString(),
    ip: s.ip,
    device: describeDevice(s.user_agent),
  }));
}

export async function signOutOthers(who: Who, currentSessionId: string): Promise<number> {
  const count = await revokeUserSessions(who.ctx.db, who.user.id, currentSessionId);
  await audit(who, 'sign-out-others', String(count));
  return count;
}

export async function signOutSession(who: Who, sessionId: string) {
  if (!(await revokeOwnSession(who.ctx.db, who.user.id, sessionId))) throw new AppError('NOT_FOUND', 'That session was not found or has already ended.');
  await audit(who, 'sign-out-session');
}
