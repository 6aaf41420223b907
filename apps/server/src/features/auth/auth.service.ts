import type { Me } from '@ourchart/contracts';
import type { AppContext } from '../../context.ts';
import { patientContexts } from '../../platform/access/resolve.ts';
import { createSession, revokeSession } from '../../platform/auth/sessions.ts';
import type { User } from '../../platform/auth/users.ts';
import { enabledMethods, hasSecondFactor, mfaRequiredFor } from '../../platform/auth/mfa-status.ts';
import { demoOutboxEnabled, OUTBOX_ROLES } from '../outbox/outbox.service.ts';

export type Client = { ip: string; userAgent?: string | undefined; requestId: string };

/** Opens a session for a user who has passed every sign-in step, and audits it. */
export async function startSession(ctx: AppContext, user: User, client: Client, how: string) {
  const { token, session } = await createSession(ctx.db, user.id, { idleSeconds: ctx.config.sessionIdleSeconds, maxSeconds: ctx.config.sessionMaxSeconds }, client);
  await ctx.audit.record({ actorId: user.id, actorRole: user.role, patientId: null, action: 'sign-in', entityType: 'Session', entityId: session.id, query: how, outcome: 'success', ip: client.ip, requestId: client.requestId });
  return { token, me: await describeUser(ctx, user) };
}

export async function signOut(ctx: AppContext, auth: { user: User; session: { id: string } }, client: Client) {
  await revokeSession(ctx.db, auth.session.id);
  await ctx.audit.record({ actorId: auth.user.id, actorRole: auth.user.role, patientId: null, action: 'sign-out', entityType: 'Session', entityId: auth.session.id, outcome: 'success', ip: client.ip, requestId: client.requestId });
}

/** The signed-in user as the web app sees them. */
export async function describeUser(ctx: AppContext, user: User): Promise<Me> {
  const patients = user.status === 'active' ? await patientContexts(ctx, user) : [];
  const [methods, strongFactor] = await Promise.all([enabledMethods(ctx.db, user.id), hasSecondFactor(ctx.db, user.id)]);
  return {
    id: user.id,
    email: user.email,
    role: user.role,
    displayName: user.displayName,
    patient: patients.find((p) => p.relationship === 'self') ?? null,
    patients,
    idleTimeoutSeconds: ctx.config.sessionIdleSeconds,
    accountStatus: user.status,
    mfaEnabled: methods.length > 0,
    mfaEnrollmentNeeded: !strongFactor && mfaRequiredFor(user, ctx.config.demoMode),
    mailOutbox: demoOutboxEnabled(ctx) && (OUTBOX_ROLES as readonly string[]).includes(user.role),
  };
}
