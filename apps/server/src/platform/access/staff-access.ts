import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.ts';
import type { AuditOutcome } from '../audit/audit-log.ts';
import { hasSecondFactor, mfaRequiredFor } from '../auth/mfa-status.ts';
import { requireAuth } from '../auth/request-auth.ts';
import type { User } from '../auth/users.ts';
import { AppError } from '../http/errors.ts';
import { PatientAccess } from './patient-access.ts';
import { breakGlassUntil } from './staff-break-glass.ts';
import { isOnCareTeam } from './staff-care-team.ts';

export const STAFF_ROLES: ReadonlySet<string> = new Set(['clinician', 'nurse', 'staff', 'admin']);

type Check = { ctx: AppContext; request: FastifyRequest; user: User };

async function audit({ ctx, request, user }: Check, outcome: AuditOutcome, what: { action?: string; patientId?: string | null; query?: string | null; entityType?: string }) {
  await ctx.audit.record({
    actorId: user.id, actorRole: user.role, patientId: what.patientId ?? null, action: what.action ?? 'access',
    entityType: what.entityType ?? (what.patientId ? 'Patient' : null), entityId: what.patientId ?? null, query: what.query ?? null,
    outcome, ip: request.ip, requestId: request.id,
  });
}

/**
 * The signed-in staff member, or an error: 401 when signed out; 404 for patients (the staff
 * workspace does not exist for them); MFA_ENROLLMENT_REQUIRED (403) for staff without a second
 * factor where one is required. Refusals of signed-in users are audited. `roles` narrows further
 * (FORBIDDEN for other staff).
 */
export async function requireStaff(ctx: AppContext, request: FastifyRequest, options: { roles?: readonly string[]; patientId?: string } = {}): Promise<User> {
  const { user } = requireAuth(request);
  const check = { ctx, request, user };
  if (!STAFF_ROLES.has(user.role)) {
    await audit(check, 'denied', { patientId: options.patientId, query: 'not-staff', entityType: 'StaffWorkspace' });
    throw new AppError('NOT_FOUND', 'We could not find that.');
  }
  if (options.roles && !options.roles.includes(user.role)) {
    await audit(check, 'denied', { patientId: options.patientId, query: 'role', entityType: 'StaffWorkspace' });
    throw new AppError('FORBIDDEN', 'Your role does not allow this.');
  }
  if (mfaRequiredFor(user, ctx.config.demoMode) && !(await hasSecondFactor(ctx.db, user.id))) {
    await audit(check, 'denied', { patientId: options.patientId, query: 'mfa-enrollment-required', entityType: 'StaffWorkspace' });
    throw new AppError('MFA_ENROLLMENT_REQUIRED', 'Set up an authenticator app or a passkey under Account security, then try again.');
  }
  return user;
}

/**
 * Staff access to one patient's record through the same PatientAccess door patients use.
 * 'care-team' when the patient is on the user's care team (see staff-care-team.ts), else
 * 'break-glass' while the user holds an unexpired emergency grant, else BREAK_GLASS_REQUIRED (403).
 * A patient id that does not exist is NOT_FOUND. `careTeamOnly` refuses break-glass holders
 * (FORBIDDEN): emergency access is for reading, not for issuing codes or linking accounts.
 * Every decision is audited (action 'access').
 */
export async function staffAccessFor(ctx: AppContext, request: FastifyRequest, patientId: string, options: { careTeamOnly?: boolean } = {}): Promise<PatientAccess> {
  const user = await requireStaff(ctx, request, { patientId });
  const check = { ctx, request, user };
  const row = await ctx.store.readRow('Patient', patientId);
  if (!row || row.deleted) {
    await audit(check, 'not-found', { patientId });
    throw new AppError('NOT_FOUND', 'We could not find that patient.');
  }
  const access = (relationship: 'care-team' | 'break-glass') =>
    new PatientAccess({ store: ctx.store, audit: ctx.audit, actor: { userId: user.id, role: user.role, ip: request.ip, requestId: request.id }, patientId, relationship });
  if (await isOnCareTeam(ctx.store, user, patientId)) {
    await audit(check, 'success', { patientId, query: 'relationship=care-team' });
    return access('care-team');
  }
  if (options.careTeamOnly) {
    await audit(check, 'denied', { patientId, query: 'care-team-only' });
    throw new AppError('FORBIDDEN', "Only the patient's care team can do this.");
  }
  if (await breakGlassUntil(ctx.db, user.id, patientId)) {
    await audit(check, 'success', { patientId, query: 'relationship=break-glass' });
    return access('break-glass');
  }
  await audit(check, 'denied', { patientId, query: 'break-glass-required' });
  throw new AppError('BREAK_GLASS_REQUIRED', 'This patient is not on your care team. To open the record in an emergency, give a reason; it is recorded and your practice administrator is told.');
}
