import type { Patient } from '@medplum/fhirtypes';
import { assertOldEnoughForOwnAccount } from '../../platform/access/proxy-grants.ts';
import type { z } from 'zod';
import type { PendingEnrollment } from '@ourchart/contracts';
import type { AppContext } from '../../context.ts';
import type { PatientAccess } from '../../platform/access/patient-access.ts';
import type { User } from '../../platform/auth/users.ts';
import { AppError } from '../../platform/http/errors.ts';
import { linkSignup, patientAccountExists, pendingSignup, pendingSignups } from './enrollment.queries.ts';

type Client = { ip: string; requestId: string };

/** Self-signups whose details matched no single record, waiting for staff. Audited. */
export async function listEnrollments({ ctx, user, client }: { ctx: AppContext; user: User; client: Client }): Promise<z.infer<typeof PendingEnrollment>[]> {
  const rows = await pendingSignups(ctx.db);
  await ctx.audit.record({ actorId: user.id, actorRole: user.role, patientId: null, action: 'search', entityType: 'Enrollment', query: `results=${rows.length}`, outcome: 'success', ip: client.ip, requestId: client.requestId });
  return rows.map((r) => ({
    userId: r.id,
    email: r.email,
    givenName: r.signup_details?.givenName ?? '',
    familyName: r.signup_details?.familyName ?? '',
    birthDate: r.signup_details?.birthDate ?? '',
    createdAt: new Date(r.created_at).toISOString(),
  }));
}

/**
 * Links a pending self-signup to the patient in `access` (which staffAccessFor gives only to the
 * patient's care team) and activates the account. Refused when the signup is not pending (404),
 * when the patient already has an account, or when the birth dates differ: linking the wrong
 * person would show them someone else's record, so a mismatch needs an activation code instead.
 */
export async function linkEnrollment({ ctx, access }: { ctx: AppContext; access: PatientAccess }, userId: string): Promise<void> {
  const patient = await access.readPatient();
  await assertOldEnoughForOwnAccount(ctx.db, access.patientId);
  const outcome = await ctx.db.transaction(async (tx) => {
    const signup = await pendingSignup(tx, userId);
    if (!signup) return 'no-signup' as const;
    if (await patientAccountExists(tx, access.patientId)) return 'has-account' as const;
    if (signup.signup_details?.birthDate !== (patient as Patient).birthDate) return 'birth-date' as const;
    await linkSignup(tx, userId, access.patientId);
    return 'linked' as const;
  });
  await ctx.audit.record({
    actorId: access.actor.userId, actorRole: access.actor.role, patientId: access.patientId, action: 'link-account', entityType: 'User', entityId: userId,
    outcome: outcome === 'linked' ? 'success' : outcome === 'no-signup' ? 'not-found' : 'denied', ip: access.actor.ip ?? null, requestId: access.actor.requestId ?? null,
  });
  if (outcome === 'no-signup') throw new AppError('NOT_FOUND', 'That sign-up is not waiting to be linked.');
  if (outcome === 'has-account') throw new AppError('VALIDATION', 'This patient already has an OurChart account. Check you chose the right record.');
  if (outcome === 'birth-date') {
    throw new AppError('VALIDATION', 'The date of birth on the sign-up does not match this record. Check you chose the right person, or give the patient an activation code instead.');
  }
}
