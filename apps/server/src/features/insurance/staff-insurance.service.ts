import { randomUUID } from 'node:crypto';
import type { Coverage, Patient } from '@medplum/fhirtypes';
import type { FastifyRequest } from 'fastify';
import { InsuranceUpdateInput, type StaffInsuranceUpdate } from '@ourchart/contracts';
import type { AppContext } from '../../context.ts';
import type { PatientAccess } from '../../platform/access/patient-access.ts';
import { staffAccessFor } from '../../platform/access/staff-access.ts';
import { careTeamPatientIds, isOnCareTeam } from '../../platform/access/staff-care-team.ts';
import type { User } from '../../platform/auth/users.ts';
import { patientDisplayName } from '../../platform/fhir-store/display.ts';
import { writeResources, type WriteOp } from '../../platform/fhir-store/write.ts';
import { AppError } from '../../platform/http/errors.ts';
import { notifyPatient } from '../../platform/notifications/notifications.ts';
import { seal, unseal } from './card-photos.ts';
import { coverageFromUpdate, currentCoverage, endedCoverage, toCoverageView } from './coverage-resource.ts';
import { coveragesOf, toInsuranceUpdate, today } from './insurance.service.ts';
import { findUpdate, markReviewed, photoOf, updatesInQueue, type UpdateRow } from './insurance.queries.ts';

/** Opens one patient's record for the signed-in staff member (staffAccessFor, bound to the request). */
export type OpenRecord = (patientId: string, options?: { careTeamOnly?: boolean }) => Promise<PatientAccess>;
export type StaffDeps = { ctx: AppContext; user: User; client: { ip: string; requestId: string }; open: OpenRecord };

/** The staff dependencies of one request (also used by features/assistance). */
export function staffDepsFor(ctx: AppContext, request: FastifyRequest, user: User): StaffDeps {
  return { ctx, user, client: { ip: request.ip, requestId: request.id }, open: (patientId, options) => staffAccessFor(ctx, request, patientId, options) };
}

/** Who reviews insurance updates: the front desk and billing staff (role staff) and administrators. */
export const INSURANCE_STAFF_ROLES = ['staff', 'admin'] as const;
const LISTED = 200;
const NOT_FOUND = 'We could not find that insurance update.';
const DECIDED = 'This insurance update was already reviewed. Reload the list to see the answer.';

export type StaffAuditEntry = { action: string; patientId: string | null; entityId: string | null; query: string; outcome?: 'success' | 'denied' | 'not-found' };

/** Audits what a staff member did with a billing work item (InsuranceUpdate, AssistanceApplication). */
export async function staffAudit({ ctx, user, client }: StaffDeps, entityType: string, a: StaffAuditEntry) {
  await ctx.audit.record({
    actorId: user.id, actorRole: user.role, patientId: a.patientId, action: a.action, entityType, entityId: a.entityId,
    query: a.query, outcome: a.outcome ?? 'success', ip: client.ip, requestId: client.requestId,
  });
}

const audit = (deps: StaffDeps, a: StaffAuditEntry) => staffAudit(deps, 'InsuranceUpdate', a);

function staffView(ctx: AppContext, row: UpdateRow, patient: Patient, coverages: Coverage[]): StaffInsuranceUpdate {
  const current = currentCoverage(coverages, row.patientId, today());
  return {
    ...toInsuranceUpdate(ctx.keyring, row),
    patient: { id: row.patientId, name: patientDisplayName(patient) },
    currentCoverage: current ? toCoverageView(current, today()) : null,
    frontType: row.frontType, backType: row.backType,
  };
}

/**
 * The review queue: pending (or reviewed) updates of patients on the staff member's care team.
 * Each record is opened through staffAccessFor, so every disclosure is audited under their name.
 */
export async function listInsuranceQueue(deps: StaffDeps, pending: boolean): Promise<StaffInsuranceUpdate[]> {
  const { ctx, user, open } = deps;
  const patients = await careTeamPatientIds(ctx.store, user);
  const rows = await updatesInQueue(ctx.db, pending, patients, LISTED);
  const out: StaffInsuranceUpdate[] = [];
  const opened = new Map<string, { patient: Patient; coverages: Coverage[] }>();
  for (const row of rows) {
    let record = opened.get(row.patientId);
    if (!record) {
      if (!(await isOnCareTeam(ctx.store, user, row.patientId))) continue;
      const access = await open(row.patientId, { careTeamOnly: true });
      record = { patient: await access.readPatient(), coverages: await coveragesOf(access) };
      opened.set(row.patientId, record);
    }
    out.push(staffView(ctx, row, record.patient, record.coverages));
  }
  await audit(deps, { action: 'search', patientId: null, entityId: out.map((u) => u.id).join(',') || null, query: `insurance-updates=${pending ? 'pending' : 'decided'}` });
  return out;
}

/** An update the staff member may act on, with its patient's record opened (care team only). */
export type ReviewTarget = { row: UpdateRow; access: PatientAccess };

/** Finds an update before anything else is read: outside the staff member's care team it does not exist (404, audited). */
export async function findReviewable(deps: StaffDeps, id: string): Promise<ReviewTarget> {
  const { ctx, user } = deps;
  const row = await findUpdate(ctx.db, id);
  if (!row || !(await isOnCareTeam(ctx.store, user, row.patientId))) {
    await audit(deps, { action: 'read', patientId: row?.patientId ?? null, entityId: id, query: 'insurance-update', outcome: row ? 'denied' : 'not-found' });
    throw new AppError('NOT_FOUND', NOT_FOUND);
  }
  return { row, access: await deps.open(row.patientId, { careTeamOnly: true }) };
}

/** One card photo, decrypted, for staff only; every view is audited. */
export async function cardPhoto(deps: StaffDeps, target: ReviewTarget, side: 'front' | 'back'): Promise<{ contentType: string; bytes: Buffer }> {
  const photo = await photoOf(deps.ctx.db, target.row.id, side);
  if (!photo) throw new AppError('NOT_FOUND', NOT_FOUND);
  await audit(deps, { action: 'read', patientId: target.row.patientId, entityId: target.row.id, query: `part=card-photo-${side}` });
  return { contentType: photo.type, bytes: unseal.photo(deps.ctx.keyring, target.row.id, side, photo.enc) };
}

/**
 * Accept: in one transaction the update is marked accepted and the Coverage written through the
 * store (validated like every write): a new version of the current Coverage for the same payer, or
 * a new Coverage with the old one ended. The patient is notified in the same transaction.
 */
export async function acceptUpdate(deps: StaffDeps, target: ReviewTarget): Promise<StaffInsuranceUpdate> {
  const { ctx, user } = deps;
  const { row, access } = target;
  if (row.state !== 'pending') throw new AppError('VERSION_CONFLICT', DECIDED);
  const input = InsuranceUpdateInput.parse(JSON.parse(unseal.details(ctx.keyring, row.id, row.detailsEnc)));
  const coverages = await coveragesOf(access);
  const day = today();
  const old = currentCoverage(coverages, row.patientId, day);
  const { coverage, replaces } = coverageFromUpdate({ newId: randomUUID(), patientId: row.patientId, old, input, today: day });
  const ops: WriteOp[] = [{ kind: 'put', resource: coverage, ...(coverage.id === old?.id ? { ifMatch: Number(old!.meta?.versionId) } : {}) }];
  if (replaces && old) ops.push({ kind: 'put', resource: endedCoverage(old, day), ifMatch: Number(old.meta?.versionId) });
  const saved = await ctx.db.transaction(async (tx) => {
    if (!(await markReviewed(tx, row.id, { state: 'accepted', userId: user.id, reasonEnc: null, resultCoverageId: coverage.id! }))) throw new AppError('VERSION_CONFLICT', DECIDED);
    const written = await writeResources(tx, ops, ctx.keyring);
    await notifyPatient(tx, row.patientId, { kind: 'insurance-reviewed', entityType: 'InsuranceUpdate', entityId: row.id });
    return written.map((w) => w.resource as Coverage);
  });
  await audit(deps, { action: 'update', patientId: row.patientId, entityId: row.id, query: `decision=accept;coverage=Coverage/${coverage.id}${replaces ? `;ended=Coverage/${old!.id}` : ''}` });
  const after = coverages.filter((c) => !saved.some((s) => s.id === c.id)).concat(saved);
  return staffView(ctx, { ...row, state: 'accepted', decidedAt: new Date(), resultCoverageId: coverage.id! }, await access.readPatient(), after);
}

/** Reject with a reason the patient reads; one transaction with the notification. */
export async function rejectUpdate(deps: StaffDeps, target: ReviewTarget, reason: string): Promise<StaffInsuranceUpdate> {
  const { ctx, user } = deps;
  const { row, access } = target;
  if (row.state !== 'pending') throw new AppError('VERSION_CONFLICT', DECIDED);
  const reasonEnc = seal.reason(ctx.keyring, row.id, reason);
  await ctx.db.transaction(async (tx) => {
    if (!(await markReviewed(tx, row.id, { state: 'rejected', userId: user.id, reasonEnc, resultCoverageId: null }))) throw new AppError('VERSION_CONFLICT', DECIDED);
    await notifyPatient(tx, row.patientId, { kind: 'insurance-reviewed', entityType: 'InsuranceUpdate', entityId: row.id });
  });
  await audit(deps, { action: 'update', patientId: row.patientId, entityId: row.id, query: 'decision=reject' });
  return staffView(ctx, { ...row, state: 'rejected', decidedAt: new Date(), reasonEnc }, await access.readPatient(), await coveragesOf(access));
}
