import { randomUUID } from 'node:crypto';
import { notifyUser } from '../../platform/notifications/notifications.ts';
import { poolMembers } from '../messaging/messaging.queries.ts';
import type { MedicationRequest, Task } from '@medplum/fhirtypes';
import type { NewRefillRequest, PharmacyChoices, RefillList, RefillRequest } from '@ourchart/contracts';
import type { AppContext } from '../../context.ts';
import type { PatientAccess } from '../../platform/access/patient-access.ts';
import type { Queryable } from '../../platform/db/db.ts';
import { writeResources } from '../../platform/fhir-store/write.ts';
import { AppError } from '../../platform/http/errors.ts';
import { listPools, type PoolRow } from '../messaging/messaging.queries.ts';
import { findPharmacy, listPharmacies } from './pharmacies.ts';
import { REFILL_CODE, POOL_SYSTEM, USER_SYSTEM, isRefillTask, medicineName, newRefillTask, toRefillRequest } from './refill-task.ts';
import { insertRefill, preferredPharmacy, rememberPharmacy } from './refills.queries.ts';

type Deps = { ctx: AppContext; access: PatientAccess };

const LISTED = '200';

/** The 409 a second request for the same prescription gets (also when two requests race). */
export const alreadyAsked = (medicine: string) => `You already asked for a refill of ${medicine}. We will tell you when the care team answers.`;

async function audit(ctx: AppContext, access: PatientAccess, action: string, entityId: string | null, query: string) {
  await ctx.audit.record({
    actorId: access.actor.userId, actorRole: access.actor.role, patientId: access.patientId, action, entityType: 'Task', entityId,
    query, outcome: 'success', ip: access.actor.ip ?? null, requestId: access.actor.requestId ?? null,
  });
}

const practitionerIdOf = (reference: string | undefined) => /^(?:.*\/)?Practitioner\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/.*)?$/.exec(reference ?? '')?.[1] ?? null;

/**
 * Who answers a refill: the messaging pool whose practitioner wrote the prescription
 * (MedicationRequest.requester), else the default care-team pool.
 */
export async function routeRefill(db: Queryable, medication: MedicationRequest): Promise<PoolRow> {
  const pools = await listPools(db);
  const prescriber = practitionerIdOf(medication.requester?.reference);
  const own = prescriber ? pools.find((p) => p.kind === 'care-team' && p.practitionerId === prescriber) : undefined;
  const pool = own ?? pools.find((p) => p.kind === 'care-team' && p.isDefault) ?? pools.find((p) => p.kind === 'care-team');
  if (!pool) throw new Error('No care-team message pool exists (migration 0013 creates one).');
  return pool;
}

/**
 * The patient (or a proxy with the refills scope) asks for a refill of one ACTIVE prescription of
 * the record in context. Another patient's prescription is 404 (PatientAccess), a stopped or
 * completed one 400, an unknown pharmacy 400, and a second request while one is open 409 (the
 * partial unique index decides between racing requests). The Task, its workflow row and the
 * remembered pharmacy are written in one transaction.
 */
export async function requestRefill({ ctx, access }: Deps, input: NewRefillRequest): Promise<RefillRequest> {
  await access.require('refills');
  const medication = await access.read<MedicationRequest>('MedicationRequest', input.medicationRequestId);
  const medicine = medicineName(medication);
  if (medication.status !== 'active') {
    throw new AppError('VALIDATION', `${medicine} is not a current prescription, so it cannot be refilled. Ask your care team in a message if you still need it.`);
  }
  const pharmacy = await findPharmacy(ctx.store, input.pharmacyId);
  if (!pharmacy) throw new AppError('VALIDATION', 'We could not find that pharmacy. Choose one from the list.');
  const pool = await routeRefill(ctx.db, medication);
  const requester: Task['requester'] & object = access.relationship === 'self'
    ? { reference: `Patient/${access.patientId}` }
    : { type: 'RelatedPerson', identifier: { system: USER_SYSTEM, value: access.actor.userId }, display: `Proxy (${access.relationship})` };
  const owner: Task['owner'] & object = pool.practitionerId
    ? { reference: `Practitioner/${pool.practitionerId}`, display: pool.nameEn }
    : { identifier: { system: POOL_SYSTEM, value: pool.id }, display: pool.nameEn };
  const task = newRefillTask({ id: randomUUID(), patientId: access.patientId, medication, requester, owner, pharmacy, note: input.note, now: new Date().toISOString() });
  const saved = await ctx.db.transaction(async (tx) => {
    const inserted = await insertRefill(tx, { id: task.id!, patientId: access.patientId, medicationRequestId: medication.id!, poolId: pool.id, requestedBy: access.actor.userId });
    if (!inserted) throw new AppError('VERSION_CONFLICT', alreadyAsked(medicine));
    await rememberPharmacy(tx, access.patientId, pharmacy.id, access.actor.userId);
    const [written] = await writeResources(tx, [{ kind: 'put', resource: task }], ctx.keyring);
    // The prescriber's team hears of it at once (in-app; the kind names no medicine).
    for (const member of await poolMembers(tx, pool.id)) {
      await notifyUser(tx, member.id, access.patientId, { kind: 'refill-waiting', entityType: 'Task', entityId: task.id! });
    }
    return written!.resource as Task;
  });
  await audit(ctx, access, 'create', task.id!, `focus=MedicationRequest/${medication.id};pool=${pool.id}`);
  return toRefillRequest(saved);
}

/** The refill requests of the record in context, newest first (read through PatientAccess). */
export async function listRefills({ access }: Deps): Promise<RefillList> {
  await access.require('refills');
  const tasks = await access.search<Task>('Task', [['code', REFILL_CODE], ['_sort', '-_lastUpdated'], ['_count', LISTED]]);
  const requests = tasks.resources.filter(isRefillTask).map(toRefillRequest);
  return { requests: requests.sort((a, b) => b.requestedAt.localeCompare(a.requestedAt) || a.id.localeCompare(b.id)) };
}

/** The pharmacies to choose from, with the one this patient chose last time. */
export async function pharmacyChoices({ ctx, access }: Deps): Promise<PharmacyChoices> {
  await access.require('refills');
  const pharmacies = await listPharmacies(ctx.store);
  const preferred = await preferredPharmacy(ctx.db, access.patientId);
  await audit(ctx, access, 'read', null, 'part=preferred-pharmacy');
  return { pharmacies, preferredPharmacyId: preferred && pharmacies.some((p) => p.id === preferred) ? preferred : null };
}
