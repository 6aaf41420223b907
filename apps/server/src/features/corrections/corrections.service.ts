import { randomUUID } from 'node:crypto';
import type { Resource, Task } from '@medplum/fhirtypes';
import type { CorrectionList, CorrectionRequest, NewCorrection } from '@ourchart/contracts';
import type { AppContext } from '../../context.ts';
import type { PatientAccess } from '../../platform/access/patient-access.ts';
import { writeResources } from '../../platform/fhir-store/write.ts';
import { AppError } from '../../platform/http/errors.ts';
import {
  AMENDMENT_CODE, CORRECTABLE_TYPES, USER_SYSTEM, isCorrectionTask, itemDisplayName, newCorrectionTask, splitItem, toCorrectionItem,
  toCorrectionRequest, withDisagreement,
} from './correction-task.ts';
import { findCorrection, insertCorrection, markDisagreement } from './corrections.queries.ts';

type Deps = { ctx: AppContext; access: PatientAccess };

const ALREADY_OPEN = 'You already asked to correct this item. We will tell you when the care team answers; you can then ask again if you need to.';
const MAX_LISTED = '200';

/** Reads the item through PatientAccess: another patient's item, or one that cannot be corrected, is 404. */
async function readItem(access: PatientAccess, reference: string): Promise<Resource> {
  const { type, id } = splitItem(reference);
  if (!CORRECTABLE_TYPES.has(type)) throw new AppError('NOT_FOUND', 'We could not find that item in your record.');
  return access.read(type as Resource['resourceType'], id);
}

/** Writes one audit event about a request; never its text (PHI). */
async function auditTask(ctx: AppContext, access: PatientAccess, action: string, taskId: string, query: string) {
  await ctx.audit.record({
    actorId: access.actor.userId, actorRole: access.actor.role, patientId: access.patientId, action, entityType: 'Task', entityId: taskId,
    query, outcome: 'success', ip: access.actor.ip ?? null, requestId: access.actor.requestId ?? null,
  });
}

/**
 * A patient (or proxy) asks to correct one item of the record in context. The item must be in
 * the patient's compartment (404 otherwise); one open request per item (VERSION_CONFLICT, 409).
 * The Task and its workflow row are written in one transaction.
 */
export async function createCorrection({ ctx, access }: Deps, input: NewCorrection): Promise<CorrectionRequest> {
  const item = await readItem(access, input.item);
  const { type, id: itemId } = splitItem(input.item);
  const requester: Task['requester'] & object = access.relationship === 'self'
    ? { reference: `Patient/${access.patientId}` }
    : { type: 'RelatedPerson', identifier: { system: USER_SYSTEM, value: access.actor.userId }, display: `Proxy (${access.relationship})` };
  const task = { ...newCorrectionTask({ patientId: access.patientId, item, requester, whatIsWrong: input.whatIsWrong, shouldSay: input.shouldSay, now: new Date().toISOString() }), id: randomUUID() };
  const saved = await ctx.db.transaction(async (tx) => {
    const inserted = await insertCorrection(tx, { id: task.id, patientId: access.patientId, itemType: type, itemId, requestedBy: access.actor.userId });
    if (!inserted) throw new AppError('VERSION_CONFLICT', ALREADY_OPEN);
    const [written] = await writeResources(tx, [{ kind: 'put', resource: task }], ctx.keyring);
    return written!.resource as Task;
  });
  await auditTask(ctx, access, 'create', task.id, `item=${input.item}`);
  return toCorrectionRequest(saved);
}

/**
 * The requests of the patient in context, newest first; with `item`, only those attached to it
 * (and the item's name, read through PatientAccess so another patient's item is 404).
 */
export async function listCorrections({ access }: Deps, itemReference?: string): Promise<CorrectionList> {
  let item: CorrectionList['item'] = null;
  const query: [string, string][] = [['code', AMENDMENT_CODE], ['_sort', '-_lastUpdated'], ['_count', MAX_LISTED]];
  if (itemReference) {
    const resource = await readItem(access, itemReference);
    item = toCorrectionItem(itemReference, itemDisplayName(resource));
    query.push(['focus', itemReference]);
  }
  const tasks = await access.search<Task>('Task', query);
  const requests = tasks.resources.filter(isCorrectionTask).map((t) => toCorrectionRequest(t));
  // Newest request first (authoredOn is ISO-8601 UTC, so text order is time order).
  return { item, requests: requests.sort((a, b) => b.requestedAt.localeCompare(a.requestedAt) || a.id.localeCompare(b.id)) };
}

/** One of the patient's own requests, before anything else is checked (another patient's id is 404). */
export type OwnRequest = { task: Task; state: 'open' | 'accepted' | 'denied' };

/** Finds a request of the patient in context, read through PatientAccess; NOT_FOUND otherwise. */
export async function findOwnRequest({ ctx, access }: Deps, id: string): Promise<OwnRequest> {
  const task = await access.read<Task>('Task', id);
  const row = await findCorrection(ctx.db, id);
  if (!isCorrectionTask(task) || !row || row.patientId !== access.patientId) throw new AppError('NOT_FOUND', 'We could not find that correction request.');
  return { task, state: row.state };
}

/**
 * Attaches the patient's statement of disagreement to a denied request (HIPAA 164.526(d)(1)(iii)).
 * Only once per request; 409 while the request is open or when a statement is already there.
 */
export async function addDisagreement({ ctx, access }: Deps, { task, state }: OwnRequest, statement: string): Promise<CorrectionRequest> {
  const id = task.id!;
  if (state !== 'denied') throw new AppError('VERSION_CONFLICT', 'You can add a statement of disagreement only after a request was denied.');
  const saved = await ctx.db.transaction(async (tx) => {
    const at = await markDisagreement(tx, id);
    if (!at) throw new AppError('VERSION_CONFLICT', 'You already added a statement of disagreement to this request.');
    const [written] = await writeResources(tx, [{ kind: 'put', resource: withDisagreement(task, statement, at.toISOString()), ifMatch: Number(task.meta?.versionId) }], ctx.keyring);
    return written!.resource as Task;
  });
  await auditTask(ctx, access, 'update', id, 'part=statement-of-disagreement');
  return toCorrectionRequest(saved);
}
