import { randomUUID } from 'node:crypto';
import type { AllergyIntolerance, MedicationRequest, Patient, Task } from '@medplum/fhirtypes';
import type { StaffRefill } from '@ourchart/contracts';
import type { AppContext } from '../../context.ts';
import type { PatientAccess } from '../../platform/access/patient-access.ts';
import { careTeamPatientIds, isOnCareTeam } from '../../platform/access/staff-care-team.ts';
import type { User } from '../../platform/auth/users.ts';
import { patientDisplayName } from '../../platform/fhir-store/display.ts';
import { writeResources } from '../../platform/fhir-store/write.ts';
import { AppError } from '../../platform/http/errors.ts';
import { notifyPatient } from '../../platform/notifications/notifications.ts';
import { isPoolMember, poolsOfUser } from '../messaging/messaging.queries.ts';
import { isActiveClinical, toAllergyItem, toMedicationRecord } from '../records/record-items.ts';
import { USER_SYSTEM, decidedRefillTask, isRefillTask, medicineName, renewedPrescription, toRefillRequest, withStaffNote } from './refill-task.ts';
import { findRefill, listForPools, markDecided } from './refills.queries.ts';

/** Opens one patient's record for the signed-in staff member (staffAccessFor, bound to the request). */
export type OpenRecord = (patientId: string, options?: { careTeamOnly?: boolean }) => Promise<PatientAccess>;
export type StaffDeps = { ctx: AppContext; user: User; client: { ip: string; requestId: string }; open: OpenRecord };

/** Who works the refill queue: clinicians decide; nurses deny or leave notes for the prescriber. */
export const REFILL_STAFF_ROLES = ['clinician', 'nurse'] as const;
const LISTED = 200;
const NOT_FOUND = 'We could not find that refill request.';
const DECIDED = 'This refill request was already answered. Reload the list to see the answer.';

async function audit({ ctx, user, client }: StaffDeps, a: { action: string; patientId: string | null; entityId: string | null; query: string; outcome?: 'success' | 'denied' | 'not-found' }) {
  await ctx.audit.record({
    actorId: user.id, actorRole: user.role, patientId: a.patientId, action: a.action, entityType: 'Task', entityId: a.entityId,
    query: a.query, outcome: a.outcome ?? 'success', ip: client.ip, requestId: client.requestId,
  });
}

/** What a prescriber needs beside a request: the prescription as written, allergies, current medicines. */
async function withContext(access: PatientAccess, task: Task, patient: Patient, canApprove: boolean, chart: { allergies: StaffRefill['allergies']; activeMedications: string[] }): Promise<StaffRefill> {
  const request = toRefillRequest(task);
  const prescription = await access.read<MedicationRequest>('MedicationRequest', request.medication.id).then(toMedicationRecord, () => null);
  return {
    ...request,
    patient: { id: access.patientId, name: patientDisplayName(patient) },
    prescription: {
      authoredOn: prescription?.authoredOn ?? null, prescriber: prescription?.prescriber ?? null,
      instructions: prescription?.instructions ?? null, refills: prescription?.refills ?? null,
    },
    ...chart,
    staffNotes: (task.note ?? []).map((n) => ({ author: n.authorReference?.display ?? n.authorString ?? 'Staff', text: n.text, at: n.time ?? '' })),
    canApprove,
  };
}

async function chartOf(access: PatientAccess): Promise<{ allergies: StaffRefill['allergies']; activeMedications: string[] }> {
  const [allergies, meds] = await Promise.all([
    access.search<AllergyIntolerance>('AllergyIntolerance', [['_count', '100']]),
    access.search<MedicationRequest>('MedicationRequest', [['status', 'active'], ['_count', '100']]),
  ]);
  return {
    allergies: allergies.resources.map(toAllergyItem).filter((a) => isActiveClinical(a.clinicalStatus))
      .map((a) => ({ substance: a.substance, criticality: a.criticality })),
    activeMedications: meds.resources.map(medicineName).sort((a, b) => a.localeCompare(b)),
  };
}

/**
 * The refill queue: open (or answered) requests routed to the pools the staff member belongs to,
 * of patients on their care team, newest first. Each record is opened through staffAccessFor, so
 * every disclosure is audited under the staff member's name.
 */
export async function listRefillQueue(deps: StaffDeps, status: 'open' | 'decided'): Promise<StaffRefill[]> {
  const { ctx, user, open } = deps;
  const pools = await poolsOfUser(ctx.db, user.id);
  if (pools.length === 0) return [];
  const patients = await careTeamPatientIds(ctx.store, user);
  const rows = await listForPools(ctx.db, pools.map((p) => p.id), status === 'open' ? ['open'] : ['approved', 'denied'], patients, LISTED);
  const byPatient = new Map<string, string[]>();
  for (const r of rows) byPatient.set(r.patientId, [...(byPatient.get(r.patientId) ?? []), r.id]);
  const found = new Map<string, StaffRefill>();
  for (const [patientId, ids] of byPatient) {
    // Restricted charts can drop out of the care team between the two reads: skip, never fail the whole queue.
    if (!(await isOnCareTeam(ctx.store, user, patientId))) continue;
    const access = await open(patientId, { careTeamOnly: true });
    const [patient, chart, tasks] = await Promise.all([
      access.readPatient(), chartOf(access), access.search<Task>('Task', [['_id', ids.join(',')], ['_count', String(ids.length)]]),
    ]);
    for (const task of tasks.resources.filter(isRefillTask)) found.set(task.id!, await withContext(access, task, patient, user.role === 'clinician', chart));
  }
  await audit(deps, { action: 'search', patientId: null, entityId: null, query: `refills=${status}` });
  return rows.map((r) => found.get(r.id)).filter((r): r is StaffRefill => r !== undefined);
}

/** A request the staff member may act on, with its patient's record opened (care team only). */
export type ActionableRefill = { id: string; patientId: string; state: 'open' | 'approved' | 'denied'; access: PatientAccess };

/**
 * Finds a request before anything else is read: outside its pool or the patient's care team the
 * request does not exist (404, audited).
 */
export async function findActionable(deps: StaffDeps, id: string): Promise<ActionableRefill> {
  const { ctx, user } = deps;
  const row = await findRefill(ctx.db, id);
  if (!row || !(await isPoolMember(ctx.db, row.poolId, user.id)) || !(await isOnCareTeam(ctx.store, user, row.patientId))) {
    await audit(deps, { action: 'update', patientId: row?.patientId ?? null, entityId: id, query: 'refill', outcome: row ? 'denied' : 'not-found' });
    throw new AppError('NOT_FOUND', NOT_FOUND);
  }
  return { id, patientId: row.patientId, state: row.state, access: await deps.open(row.patientId, { careTeamOnly: true }) };
}

const authorOf = (user: User): Task['requester'] & object => (user.practitionerId
  ? { reference: `Practitioner/${user.practitionerId}`, display: user.displayName }
  : { identifier: { system: USER_SYSTEM, value: user.id }, display: user.displayName });

async function decided(deps: StaffDeps, target: ActionableRefill, task: Task): Promise<StaffRefill> {
  const [patient, chart] = await Promise.all([target.access.readPatient(), chartOf(target.access)]);
  return withContext(target.access, task, patient, deps.user.role === 'clinician', chart);
}

/**
 * A clinician approves: one transaction writes the renewed MedicationRequest (validated by the
 * store like every write), marks the old one completed, completes the Task and notifies the
 * patient. Nurses get FORBIDDEN with what they can do instead; a second decision 409.
 */
export async function approveRefill(deps: StaffDeps, target: ActionableRefill): Promise<StaffRefill> {
  const { ctx, user } = deps;
  if (user.role !== 'clinician') {
    await audit(deps, { action: 'update', patientId: target.patientId, entityId: target.id, query: 'decision=approve;role', outcome: 'denied' });
    throw new AppError('FORBIDDEN', 'Only a clinician can approve a refill. You can deny it with a reason or leave a note for the prescriber.');
  }
  const task = await target.access.read<Task>('Task', target.id);
  if (target.state !== 'open') throw new AppError('VERSION_CONFLICT', DECIDED);
  const old = await target.access.read<MedicationRequest>('MedicationRequest', toRefillRequest(task).medication.id);
  const now = new Date().toISOString();
  const renewed = renewedPrescription(old, { id: randomUUID(), now, requester: user.practitionerId ? { reference: `Practitioner/${user.practitionerId}`, display: user.displayName } : undefined });
  const completed: MedicationRequest = { ...old, status: 'completed', statusReason: { text: 'Renewed after a refill request' } };
  const saved = await ctx.db.transaction(async (tx) => {
    if (!(await markDecided(tx, target.id, { state: 'approved', userId: user.id, renewedId: renewed.id! }))) throw new AppError('VERSION_CONFLICT', DECIDED);
    const written = await writeResources(tx, [
      { kind: 'put', resource: renewed },
      { kind: 'put', resource: completed, ifMatch: Number(old.meta?.versionId) },
      { kind: 'put', resource: decidedRefillTask(task, { approve: true, reason: null, renewedId: renewed.id!, now }), ifMatch: Number(task.meta?.versionId) },
    ], ctx.keyring);
    await notifyPatient(tx, target.patientId, { kind: 'refill-decided', entityType: 'Task', entityId: target.id });
    return written[2]!.resource as Task;
  });
  await audit(deps, { action: 'update', patientId: target.patientId, entityId: target.id, query: `decision=approve;renewed=MedicationRequest/${renewed.id}` });
  return decided(deps, target, saved);
}

/** Deny with a reason the patient reads (clinicians and nurses). One transaction with the notification. */
export async function denyRefill(deps: StaffDeps, target: ActionableRefill, reason: string): Promise<StaffRefill> {
  const { ctx, user } = deps;
  const task = await target.access.read<Task>('Task', target.id);
  if (target.state !== 'open') throw new AppError('VERSION_CONFLICT', DECIDED);
  const now = new Date().toISOString();
  const saved = await ctx.db.transaction(async (tx) => {
    if (!(await markDecided(tx, target.id, { state: 'denied', userId: user.id, renewedId: null }))) throw new AppError('VERSION_CONFLICT', DECIDED);
    const [written] = await writeResources(tx, [
      { kind: 'put', resource: decidedRefillTask(task, { approve: false, reason, renewedId: null, now }), ifMatch: Number(task.meta?.versionId) },
    ], ctx.keyring);
    await notifyPatient(tx, target.patientId, { kind: 'refill-decided', entityType: 'Task', entityId: target.id });
    return written!.resource as Task;
  });
  await audit(deps, { action: 'update', patientId: target.patientId, entityId: target.id, query: 'decision=deny' });
  return decided(deps, target, saved);
}

/** A note for the team on an open request (how nurses hand a request to the prescriber). */
export async function addStaffNote(deps: StaffDeps, target: ActionableRefill, note: string): Promise<StaffRefill> {
  const { ctx, user } = deps;
  const task = await target.access.read<Task>('Task', target.id);
  if (target.state !== 'open') throw new AppError('VERSION_CONFLICT', DECIDED);
  const [written] = await ctx.db.transaction((tx) => writeResources(tx, [
    { kind: 'put', resource: withStaffNote(task, { author: authorOf(user), text: note, now: new Date().toISOString() }), ifMatch: Number(task.meta?.versionId) },
  ], ctx.keyring));
  await audit(deps, { action: 'update', patientId: target.patientId, entityId: target.id, query: 'part=staff-note' });
  return decided(deps, target, written!.resource as Task);
}
