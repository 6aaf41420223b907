import type { Me } from '@ourchart/contracts';
import type { AppContext } from '../../context.ts';
import { patientContexts } from '../../platform/access/resolve.ts';
import { verifyPassword } from '../../platform/auth/passwords.ts';
import { createSession, revokeSession } from '../../platform/auth/sessions.ts';
import { findUserByEmail, type User } from '../../platform/auth/users.ts';
import { hasSecondFactor, mfaRequiredFor } from '../../platform/auth/mfa-status.ts';
import { AppError } from '../../platform/http/errors.ts';

type Client = { ip: string; userAgent?: string | undefined; requestId: string };

/**
 * Password sign-in. A wrong password, an unknown email and a disabled account all get the same
 * answer in about the same time, so the form does not reveal who has an account.
 */
export async function signIn(ctx: AppContext, input: { email: string; password: string }, client: Client) {
  const user = await findUserByEmail(ctx.db, input.email);
  const ok = await verifyPassword(user?.passwordHash, input.password);
  if (!user || !ok || user.disabled) {
    await ctx.audit.record({ actorId: user?.id ?? null, actorRole: user?.role ?? null, patientId: null, action: 'sign-in', outcome: 'denied', ip: client.ip, requestId: client.requestId });
    throw new AppError('INVALID_CREDENTIALS', 'Check your email and password and try again. If you forgot your password, ask your clinic to reset it.');
  }
  const { token, session } = await createSession(ctx.db, user.id, { idleSeconds: ctx.config.sessionIdleSeconds, maxSeconds: ctx.config.sessionMaxSeconds }, client);
  await ctx.audit.record({ actorId: user.id, actorRole: user.role, patientId: null, action: 'sign-in', entityType: 'Session', entityId: session.id, outcome: 'success', ip: client.ip, requestId: client.requestId });
  return { token, me: await describeUser(ctx, user) };
}

export async function signOut(ctx: AppContext, auth: { user: User; session: { id: string } }, client: Client) {
  await revokeSession(ctx.db, auth.session.id);
  await ctx.audit.record({ actorId: auth.user.id, actorRole: auth.user.role, patientId: null, action: 'sign-out', entityType: 'Session', entityId: auth.session.id, outcome: 'success', ip: client.ip, requestId: client.requestId });
}

/** The signed-in user as the web app sees them. */
export async function describeUser(ctx: AppContext, user: User): Promise<Me> {
  const patients = user.status === 'active' ? await patientContexts(ctx, user) : [];
  const mfaEnabled = await hasSecondFactor(ctx.db, user.id);
  return {
    id: user.id,
    email: user.email,
    role: user.role,
    displayName: user.displayName,
    patient: patients.find((p) => p.relationship === 'self') ?? null,
    patients,
    idleTimeoutSeconds: ctx.config.sessionIdleSeconds,
    accountStatus: user.status,
    mfaEnabled,
    mfaEnrollmentNeeded: !mfaEnabled && mfaRequiredFor(user, ctx.config.demoMode),
  };
}
