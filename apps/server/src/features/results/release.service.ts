import type { HeldResults, ReleasePreferences, ResultCategory } from '@ourchart/contracts';
import type { PatientAccess } from '../../platform/access/patient-access.ts';
import type { AuditLog } from '../../platform/audit/audit-log.ts';
import type { Db } from '../../platform/db/db.ts';
import { AppError } from '../../platform/http/errors.ts';
import { markItemNotificationsRead, notifyPatient } from '../../platform/notifications/notifications.ts';
import { isHeld, itemKey } from './release-holds.ts';
import { insertReview, loadReleaseState, saveHolds } from './release.queries.ts';
import { loadResultReports } from './results.service.ts';

const CATEGORIES: ResultCategory[] = ['laboratory', 'imaging', 'pathology', 'other'];

type Deps = { access: PatientAccess; db: Db; audit: AuditLog };

/** The patient's choice, per category, to hold results until a clinician has reviewed them. */
export async function getReleasePreferences({ access, db }: Pick<Deps, 'access' | 'db'>): Promise<ReleasePreferences> {
  const { holds } = await loadReleaseState(db, access.patientId);
  return { hold: Object.fromEntries(CATEGORIES.map((c) => [c, holds.has(c)])) as ReleasePreferences['hold'] };
}

/**
 * Saves the patient's holds (the patient or a proxy with access). A hold covers results dated
 * from now on; turning it off releases held results at once. Audited as an update.
 */
export async function setReleasePreferences({ access, db, audit }: Deps, prefs: ReleasePreferences): Promise<ReleasePreferences> {
  await db.transaction((tx) => saveHolds(tx, access.patientId, access.actor.userId, prefs.hold));
  await audit.record({
    actorId: access.actor.userId, actorRole: access.actor.role, patientId: access.patientId, action: 'update',
    entityType: 'ResultRelease', entityId: access.patientId, query: CATEGORIES.filter((c) => prefs.hold[c]).join(',') || 'none',
    outcome: 'success', ip: access.actor.ip ?? null, requestId: access.actor.requestId ?? null,
  });
  return getReleasePreferences({ access, db });
}

/** Results held for review and not reviewed yet, oldest first (for the care team). */
export async function listHeldResults({ access, db }: Pick<Deps, 'access' | 'db'>): Promise<HeldResults> {
  const [reports, release] = await Promise.all([loadResultReports(access, {}), loadReleaseState(db, access.patientId)]);
  const held = reports.filter((r) => isHeld(r, release)).reverse();
  return {
    results: held.map((r) => ({
      entityType: r.kind === 'report' ? 'DiagnosticReport' : 'Observation', id: r.id, name: r.name, category: r.category, effective: r.effective,
    })),
  };
}

/**
 * A clinician or nurse on the care team marks one result reviewed (staff access, care team only,
 * checked by the route). The first review is kept. A result that was held is released, and the
 * patient and their proxies are notified in the same transaction. Answers what is still held.
 */
export async function markResultReviewed({ access, db, audit }: Deps, item: string): Promise<HeldResults> {
  const [entityType, entityId] = item.split('/') as ['DiagnosticReport' | 'Observation', string];
  const [reports, release] = await Promise.all([loadResultReports(access, {}), loadReleaseState(db, access.patientId)]);
  const report = reports.find((r) => itemKey(r) === item);
  // A result outside this patient's record, or not a result at all, does not exist here.
  if (!report) throw new AppError('NOT_FOUND', 'We could not find that result for this patient.');
  const wasHeld = isHeld(report, release);
  await db.transaction(async (tx) => {
    const first = await insertReview(tx, { entityType, entityId, patientId: access.patientId, userId: access.actor.userId });
    if (first && wasHeld) await notifyPatient(tx, access.patientId, { kind: 'result-available', entityType, entityId });
  });
  await audit.record({
    actorId: access.actor.userId, actorRole: access.actor.role, patientId: access.patientId, action: 'review',
    entityType, entityId, outcome: 'success', ip: access.actor.ip ?? null, requestId: access.actor.requestId ?? null,
  });
  return listHeldResults({ access, db });
}

/** The patient (or proxy) opened a result: its notifications for this user are read. */
export async function markResultOpened({ access, db }: Pick<Deps, 'access' | 'db'>, item: string): Promise<void> {
  const [entityType, entityId] = item.split('/') as [string, string];
  await markItemNotificationsRead(db, access.actor.userId, entityType, entityId);
}
