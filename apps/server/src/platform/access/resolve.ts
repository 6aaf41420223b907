import type { FastifyRequest } from 'fastify';
import type { PatientContext } from '@ourchart/contracts';
import type { Patient } from '@medplum/fhirtypes';
import type { AppContext } from '../../context.ts';
import { activeGrants, type User } from '../auth/users.ts';
import { requireAuth } from '../auth/request-auth.ts';
import { AppError } from '../http/errors.ts';
import { PatientAccess } from './patient-access.ts';
import { patientDisplayName } from '../fhir-store/display.ts';

/** Everyone this user may see a record for: their own first, then active proxy grants. */
export async function patientContexts(ctx: AppContext, user: User): Promise<PatientContext[]> {
  const out: PatientContext[] = [];
  const name = async (id: string) => {
    const row = await ctx.store.readRow('Patient', id);
    return row && !row.deleted ? patientDisplayName(row.resource as Patient) : '';
  };
  if (user.patientId) out.push({ id: user.patientId, name: await name(user.patientId), relationship: 'self' });
  for (const g of await activeGrants(ctx.db, user.id)) out.push({ id: g.patientId, name: await name(g.patientId), relationship: g.relationship });
  return out;
}

/**
 * Builds the PatientAccess for this request. `patientId` defaults to the user's own record; any
 * other id must be covered by an active proxy grant, otherwise NOT_FOUND (never 403: ids leak nothing).
 */
export async function patientAccessFor(ctx: AppContext, request: FastifyRequest, patientId?: string): Promise<PatientAccess> {
  const { user } = requireAuth(request);
  const actor = { userId: user.id, role: user.role, ip: request.ip, requestId: request.id };
  const targetId = patientId ?? user.patientId;
  if (!targetId) throw new AppError('NOT_FOUND', 'There is no patient record linked to this account.');
  let relationship: PatientAccess['relationship'] | undefined = targetId === user.patientId ? 'self' : undefined;
  if (!relationship) relationship = (await activeGrants(ctx.db, user.id)).find((g) => g.patientId === targetId)?.relationship;
  if (!relationship) {
    await ctx.audit.record({ actorId: user.id, actorRole: user.role, patientId: targetId, action: 'access', entityType: 'Patient', entityId: targetId, outcome: 'denied', ip: request.ip, requestId: request.id });
    throw new AppError('NOT_FOUND', 'We could not find that record.');
  }
  return new PatientAccess({ store: ctx.store, audit: ctx.audit, actor, patientId: targetId, relationship });
}
