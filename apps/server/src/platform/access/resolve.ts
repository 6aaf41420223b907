import type { FastifyRequest } from 'fastify';
import type { PatientContext } from '@ourchart/contracts';
import type { Patient } from '@medplum/fhirtypes';
import type { AppContext } from '../../context.ts';
import { activeGrants, type User } from '../auth/users.ts';
import { requireAuth } from '../auth/request-auth.ts';
import { AppError } from '../http/errors.ts';
import { auditQuery, PatientAccess, type Actor, type ResourceFilter } from './patient-access.ts';
import { patientDisplayName } from '../fhir-store/display.ts';
import { proxyViewOf } from './proxy-grants.ts';
import { FEATURES, type Feature, type ProxyView } from './proxy-policy.ts';
import { featureOfRoute } from './route-features.ts';

/** Everyone this user may see a record for: their own first, then active proxy grants. */
export async function patientContexts(ctx: AppContext, user: User): Promise<PatientContext[]> {
  const out: PatientContext[] = [];
  const name = async (id: string) => {
    const row = await ctx.store.readRow('Patient', id);
    return row && !row.deleted ? patientDisplayName(row.resource as Patient) : '';
  };
  if (user.patientId) out.push({ id: user.patientId, name: await name(user.patientId), relationship: 'self', features: [...FEATURES] });
  for (const g of await activeGrants(ctx.db, user.id)) {
    const view = await proxyViewOf(ctx.db, g);
    if (view.endedByAge || view.features.size === 0) continue;
    out.push({ id: g.patientId, name: await name(g.patientId), relationship: g.relationship, features: FEATURES.filter((f) => view.features.has(f)) });
  }
  return out;
}

/** Header the web app sends with the record chosen in "Viewing record of" (a `?patient=` parameter wins). */
export const PATIENT_HEADER = 'x-ourchart-patient';

function patientInContext(request: FastifyRequest): string | undefined {
  const value = request.headers[PATIENT_HEADER];
  if (typeof value !== 'string' || value === '') return undefined;
  if (!/^[A-Za-z0-9\-.]{1,64}$/.test(value)) throw new AppError('VALIDATION', 'The record chosen in "Viewing record of" is not valid. Choose it again.');
  return value;
}

/**
 * Builds the PatientAccess for this request. `patientId` defaults to the user's own record; any
 * other id must be covered by an active proxy grant, otherwise NOT_FOUND (never 403: ids leak nothing).
 * The route's feature (route-features.ts, or `requires` where one route serves another feature) must
 * be covered by a proxy's grant at the patient's age, else FORBIDDEN with a sentence saying so.
 */
export async function patientAccessFor(ctx: AppContext, request: FastifyRequest, patientId?: string, options: { requires?: Feature } = {}): Promise<PatientAccess> {
  const { user } = requireAuth(request);
  const actor = { userId: user.id, role: user.role, ip: request.ip, requestId: request.id };
  const targetId = patientId ?? patientInContext(request) ?? user.patientId;
  if (!targetId) throw new AppError('NOT_FOUND', 'There is no patient record linked to this account.');
  const access = await accessForUser(ctx, { user, actor, patientId: targetId });
  // Unclassified routes count as the health record: the strictest common case.
  const feature = options.requires ?? featureOfRoute(request.routeOptions.url) ?? 'record';
  if (feature !== 'by-type') await access.require(feature);
  return access;
}

/**
 * The rule every door shares (the portal with a session, an app with a SMART token): a user sees
 * their own record, or another's through an active proxy grant whose features at the patient's age
 * are not empty; anything else is audited as denied and answered NOT_FOUND. Grants are read on
 * every call, so a revoked grant or a birthday cuts off sessions and apps at once. `filter` adds an
 * app's scopes.
 */
export async function accessForUser(ctx: AppContext, o: { user: User; actor: Actor; patientId: string; filter?: ResourceFilter }): Promise<PatientAccess> {
  const { user, actor, patientId: targetId } = o;
  let relationship: PatientAccess['relationship'] | undefined = targetId === user.patientId ? 'self' : undefined;
  let view: ProxyView | undefined;
  if (!relationship) {
    const grant = (await activeGrants(ctx.db, user.id)).find((g) => g.patientId === targetId);
    if (grant) view = await proxyViewOf(ctx.db, grant);
    if (grant && !view?.endedByAge) relationship = grant.relationship;
  }
  if (!relationship) {
    await ctx.audit.record({
      actorId: user.id, actorRole: user.role, patientId: targetId, action: 'access', entityType: 'Patient', entityId: targetId, outcome: 'denied',
      query: auditQuery(actor, undefined), ip: actor.ip ?? null, requestId: actor.requestId ?? null,
    });
    throw new AppError('NOT_FOUND', 'We could not find that record.');
  }
  return new PatientAccess({
    store: ctx.store, audit: ctx.audit, actor, patientId: targetId, relationship,
    ...(view ? { features: view.features, hidesPatientsOwnMessages: view.hidesPatientsOwnMessages } : {}),
    ...(o.filter ? { filter: o.filter } : {}),
  });
}
