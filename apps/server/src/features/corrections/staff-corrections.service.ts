import type { Patient, Task } from '@medplum/fhirtypes';
import type { CorrectionDecision, StaffCorrection } from '@ourchart/contracts';
import type { AppContext } from '../../context.ts';
import type { PatientAccess } from '../../platform/access/patient-access.ts';
import { activeBreakGlassGrants, breakGlassUntil } from '../../platform/access/staff-break-glass.ts';
import { careTeamPatientIds, isOnCareTeam } from '../../platform/access/staff-care-team.ts';
import type { User } from '../../platform/auth/users.ts';
import { patientDisplayName } from '../../platform/fhir-store/display.ts';
import { writeResources } from '../../platform/fhir-store/write.ts';
import { AppError } from '../../platform/http/errors.ts';
import { notifyPatient } from '../../platform/notifications/notifications.ts';
import { USER_SYSTEM, decidedTask, isCorrectionTask, toCorrectionRequest } from './correction-task.ts';
import { findCorrection, listByState, markDecided } from './corrections.queries.ts';

/** Opens one patient's record for the signed-in staff member (staffAccessFor, bound to the request). */
export type OpenRecord = (patientId: string, options?: { careTeamOnly?: boolean }) => Promise<PatientAccess>;
type Deps = { ctx: AppContext; user: User; client: { ip: string; requestId: string }; open: OpenRecord };

const LISTED = 200;
const NOT_FOUND = 'We could not find that correction request.';

/** Care team, or an unexpired emergency grant: who may see a patient's requests at all (else 404). */
async function mayOpen(ctx: AppContext, user: User, patientId: string): Promise<boolean> {
  return (await isOnCareTeam(ctx.store, user, patientId)) || (await breakGlassUntil(ctx.db, user.id, patientId)) !== null;
}

/**
 * The staff queue: open requests, or decided ones, newest first, of patients the staff member may
 * see (care team or break-the-glass). Each patient's record is opened through staffAccessFor, so
 * every disclosure is audited under the staff member's name.
 */
export async function listStaffQueue({ ctx, user, open }: Deps, status: 'open' | 'decided'): Promise<StaffCorrection[]> {
  // Candidates first (organization and care-team patients, emergency grants), so another clinic's
  // requests never crowd this one's out of the list; restricted charts are checked one by one below.
  const candidates = new Set([...(await careTeamPatientIds(ctx.store, user)), ...(await activeBreakGlassGrants(ctx.db, user.id)).keys()]);
  const rows = await listByState(ctx.db, status === 'open' ? ['open'] : ['accepted', 'denied'], [...candidates], LISTED);
  const byPatient = new Map<string, string[]>();
  for (const r of rows) byPatient.set(r.patientId, [...(byPatient.get(r.patientId) ?? []), r.id]);
  const found = new Map<string, StaffCorrection>();
  for (const [patientId, ids] of byPatient) {
    if (!(await mayOpen(ctx, user, patientId))) continue;
    const access = await open(patientId);
    const patient = await access.readPatient();
    const tasks = await access.search<Task>('Task', [['_id', ids.join(',')], ['_count', String(ids.length)]]);
    for (const task of tasks.resources.filter(isCorrectionTask)) {
      found.set(task.id!, { ...toCorrectionRequest(task), patient: { id: patientId, name: patientDisplayName(patient as Patient) } });
    }
  }
  return rows.map((r) => found.get(r.id)).filter((r): r is StaffCorrection => r !== undefined);
}

/** A request the staff member may decide, with its patient's record opened (care team only). */
export type DecidableRequest = { id: string; patientId: string; state: 'open' | 'accepted' | 'denied'; access: PatientAccess };

/**
 * Finds a request for a decision before the decision itself is read: outside the care team (and
 * without emergency access) the request does not exist (404, audited); break-the-glass holders
 * get FORBIDDEN, because emergency access is for reading.
 */
export async function findDecidable({ ctx, user, client, open }: Deps, id: string): Promise<DecidableRequest> {
  const row = await findCorrection(ctx.db, id);
  if (!row || !(await mayOpen(ctx, user, row.patientId))) {
    await ctx.audit.record({ actorId: user.id, actorRole: user.role, patientId: row?.patientId ?? null, action: 'update', entityType: 'Task', entityId: id, outcome: row ? 'denied' : 'not-found', ip: client.ip, requestId: client.requestId });
    throw new AppError('NOT_FOUND', NOT_FOUND);
  }
  return { id, patientId: row.patientId, state: row.state, access: await open(row.patientId, { careTeamOnly: true }) };
}

/**
 * Staff accept (the change is made in the EHR; they note what changed) or deny (with a reason the
 * patient sees). Decided once (409 after); the patient is notified in the same transaction.
 */
export async function decideCorrection({ ctx, user, client }: Deps, { id, patientId, state, access }: DecidableRequest, d: CorrectionDecision): Promise<StaffCorrection> {
  const [task, patient] = await Promise.all([access.read<Task>('Task', id), access.readPatient()]);
  if (state !== 'open') throw new AppError('VERSION_CONFLICT', 'This request was already decided.');
  const accept = d.decision === 'accept';
  const owner: Task['owner'] & object = user.practitionerId
    ? { reference: `Practitioner/${user.practitionerId}`, display: user.displayName }
    : { identifier: { system: USER_SYSTEM, value: user.id }, display: user.displayName };
  const next = decidedTask(task, { accept, reason: d.reason || null, changeNote: accept ? (d.changeNote || null) : null, owner, now: new Date().toISOString() });
  const saved = await ctx.db.transaction(async (tx) => {
    if (!(await markDecided(tx, id, accept ? 'accepted' : 'denied', user.id))) throw new AppError('VERSION_CONFLICT', 'This request was already decided.');
    const [written] = await writeResources(tx, [{ kind: 'put', resource: next, ifMatch: Number(task.meta?.versionId) }], ctx.keyring);
    await notifyPatient(tx, patientId, { kind: 'amendment-decided', entityType: 'Task', entityId: id });
    return written!.resource as Task;
  });
  await ctx.audit.record({
    actorId: user.id, actorRole: user.role, patientId, action: 'update', entityType: 'Task', entityId: id,
    query: `decision=${d.decision}`, outcome: 'success', ip: client.ip, requestId: client.requestId,
  });
  return { ...toCorrectionRequest(saved), patient: { id: patientId, name: patientDisplayName(patient) } };
}
