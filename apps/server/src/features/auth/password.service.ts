import type { AppContext } from '../../context.ts';
import { consumeToken, findLiveToken, newLinkToken, revokeTokens, storeToken } from '../../platform/auth/one-time-tokens.ts';
import { assertAcceptablePassword } from '../../platform/auth/password-policy.ts';
import { hashPassword, verifyPassword } from '../../platform/auth/passwords.ts';
import { revokeUserSessions } from '../../platform/auth/sessions.ts';
import { assertNotThrottled, emailKey, ipKey, recordFailure } from '../../platform/auth/throttle.ts';
import { findUserByEmail, getUser, type User } from '../../platform/auth/users.ts';
import { AppError } from '../../platform/http/errors.ts';
import { enqueueMail } from '../../platform/mail/outbox.ts';
import { mail } from '../../platform/mail/templates.ts';
import type { Client } from './auth.service.ts';

const RESET_MINUTES = 30;

/**
 * Emails a single-use reset link (30 minutes) when the address has an account. The answer is the
 * same either way. Requests are throttled per address and per IP.
 */
export async function requestPasswordReset(ctx: AppContext, email: string, client: Client): Promise<void> {
  const keys = [emailKey('reset', email), ipKey('reset', client.ip)];
  await assertNotThrottled(ctx.db, keys);
  await recordFailure(ctx.db, ctx.config.rateLimitScale, keys); // every request counts: limits how many emails one address can be sent
  const user = await findUserByEmail(ctx.db, email);
  if (!user || user.disabled) return;
  const token = newLinkToken();
  await ctx.db.transaction(async (tx) => {
    await revokeTokens(tx, 'password-reset', { userId: user.id });
    await storeToken(tx, { kind: 'password-reset', secret: token, minutes: RESET_MINUTES, userId: user.id, email: user.email });
    await enqueueMail(tx, ctx.keyring, mail.passwordReset(user.email, user.locale, `${ctx.config.publicUrl}/reset-password?token=${token}`));
  });
  await ctx.audit.record({ actorId: user.id, actorRole: user.role, patientId: null, action: 'password-reset-request', outcome: 'success', ip: client.ip, requestId: client.requestId });
}

/** Sets a new password from a reset link and signs the account out everywhere. */
export async function completePasswordReset(ctx: AppContext, input: { token: string; password: string }, client: Client): Promise<void> {
  const keys = [ipKey('reset-complete', client.ip)];
  await assertNotThrottled(ctx.db, keys);
  const user = await ctx.db.transaction(async (tx) => {
    const token = await findLiveToken(tx, 'password-reset', input.token);
    const owner = token?.user_id ? await getUser(tx, token.user_id) : undefined;
    if (!token || !owner) return undefined;
    await assertAcceptablePassword(input.password, owner.email);
    await consumeToken(tx, token.id);
    await setPassword(ctx, tx, owner, input.password);
    return owner;
  });
  if (!user) {
    await recordFailure(ctx.db, ctx.config.rateLimitScale, keys);
    throw new AppError('INVALID_CODE', 'This reset link has expired or was already used. Ask for a new one from the sign-in page.');
  }
  await ctx.audit.record({ actorId: user.id, actorRole: user.role, patientId: null, action: 'password-reset', outcome: 'success', ip: client.ip, requestId: client.requestId });
}

/** Changes the password of a signed-in user who knows the current one; other devices are signed out. */
export async function changePassword(ctx: AppContext, user: User, sessionId: string, input: { currentPassword: string; newPassword: string }, client: Client) {
  await assertPassword(ctx, user, input.currentPassword, client);
  await assertAcceptablePassword(input.newPassword, user.email, 'newPassword');
  await ctx.db.transaction((tx) => setPassword(ctx, tx, user, input.newPassword, sessionId));
  await ctx.audit.record({ actorId: user.id, actorRole: user.role, patientId: null, action: 'password-change', outcome: 'success', ip: client.ip, requestId: client.requestId });
}

async function setPassword(ctx: AppContext, tx: Parameters<Parameters<AppContext['db']['transaction']>[0]>[0], user: User, password: string, keepSessionId?: string) {
  const hash = await hashPassword(password);
  await tx.query('UPDATE users SET password_hash = $2, password_changed_at = now() WHERE id = $1', [user.id, hash]);
  await revokeUserSessions(tx, user.id, keepSessionId);
  await enqueueMail(tx, ctx.keyring, mail.securityChange(user.email, user.locale, 'password'));
}

/** Re-checks the password before a sensitive change (MFA, email, password); throttled like sign-in. */
export async function assertPassword(ctx: AppContext, user: User, password: string, client: Client): Promise<void> {
  const keys = [emailKey('sign-in', user.email), ipKey('sign-in', client.ip)];
  await assertNotThrottled(ctx.db, keys);
  if (!(await verifyPassword(user.passwordHash, password))) {
    await recordFailure(ctx.db, ctx.config.rateLimitScale, keys);
    throw new AppError('INVALID_CREDENTIALS', 'That password is not right. Try again.', { errors: [{ path: 'password', message: 'Wrong password' }] });
  }
}
