import type { DiagnosticReport, Observation } from '@medplum/fhirtypes';
import type { ResultList, ResultReport, Trend } from '@ourchart/contracts';
import type { PatientAccess } from '../../platform/access/patient-access.ts';
import type { SearchQuery } from '../../platform/fhir-store/search.ts';
import { splitReference } from '../../platform/fhir-store/indexer.ts';
import { conceptText } from '../../platform/fhir-store/display.ts';
import type { Queryable } from '../../platform/db/db.ts';
import { flagOf, isAbnormal, rangeOf, toResultValue } from './result-values.ts';
import { categoryOfObservation, categoryOfReport } from './release-category.ts';
import { isHeld } from './release-holds.ts';
import { loadReleaseState } from './release.queries.ts';

export type ResultFilter = { from?: string | undefined; to?: string | undefined; q?: string | undefined; locale?: 'en' | 'es' };

const MAX = '1000';

function dateQuery(filter: ResultFilter): SearchQuery {
  return [...(filter.from ? [['date', `ge${filter.from}`] as [string, string]] : []), ...(filter.to ? [['date', `le${filter.to}`] as [string, string]] : [])];
}

/**
 * Test results of the patient in context, newest first: each lab report with its values, and lab
 * values that stand alone. Mistaken entries are left out; corrected values carry what they were
 * before. Results the patient chose to hold until reviewed are left out and counted
 * (waitingForReview). Reads go through PatientAccess (compartment-limited, audited).
 */
export async function listResults({ access, db }: { access: PatientAccess; db: Queryable }, filter: ResultFilter): Promise<ResultList> {
  const [all, release] = await Promise.all([loadResultReports(access, filter), loadReleaseState(db, access.patientId)]);
  const released = all.filter((r) => !isHeld(r, release));
  const q = filter.q?.trim().toLowerCase();
  const shown = q ? released.filter((r) => r.name.toLowerCase().includes(q) || r.values.some((v) => v.name.toLowerCase().includes(q))) : released;
  return { reports: shown, waitingForReview: all.length - released.length };
}

/** Every report and stand-alone lab value of the patient in context, newest first, held or not. */
export async function loadResultReports(access: PatientAccess, filter: Omit<ResultFilter, 'q'>): Promise<ResultReport[]> {
  const [reports, observations] = await Promise.all([
    access.search<DiagnosticReport>('DiagnosticReport', [...dateQuery(filter), ['_sort', '-date'], ['_count', MAX]]),
    access.search<Observation>('Observation', [['category', 'laboratory'], ...dateQuery(filter), ['_sort', '-date'], ['_count', MAX]]),
  ]);
  const byId = new Map(observations.resources.map((o) => [o.id!, o]));
  const corrected = observations.resources.filter((o) => o.status === 'corrected' || o.status === 'amended');
  const previous = new Map(await Promise.all(corrected.map(async (o) => [o.id!, await access.previousVersion<Observation>('Observation', o.id!)] as const)));
  const used = new Set<string>();
  const out: ResultReport[] = [];
  for (const r of reports.resources) {
    if (r.status === 'entered-in-error') continue;
    const values = (r.result ?? [])
      .map((ref) => (ref.reference ? splitReference(ref.reference)?.targetId : undefined))
      .map((id) => (id ? byId.get(id) : undefined))
      .filter((o): o is Observation => !!o && o.status !== 'entered-in-error')
      .map((o) => {
        used.add(o.id!);
        return toResultValue(o, previous.get(o.id!), filter.locale);
      });
    out.push({
      id: r.id!, kind: 'report', name: conceptText(r.code) ?? 'Test results', status: r.status,
      effective: r.effectiveDateTime ?? r.effectivePeriod?.start ?? null, issued: r.issued ?? null,
      performer: r.performer?.[0]?.display ?? null, category: categoryOfReport(r), values, hasAbnormal: values.some(isAbnormal),
    });
  }
  for (const o of observations.resources) {
    if (used.has(o.id!) || o.status === 'entered-in-error') continue;
    const value = toResultValue(o, previous.get(o.id!), filter.locale);
    out.push({
      id: o.id!, kind: 'single', name: value.name, status: o.status, effective: value.effective, issued: o.issued ?? null,
      performer: o.performer?.[0]?.display ?? null, category: categoryOfObservation(o), values: [value], hasAbnormal: isAbnormal(value),
    });
  }
  return out.sort((a, b) => (b.effective ?? '').localeCompare(a.effective ?? ''));
}

/** Every numeric value of one test (by code) over time, oldest first, for the trend chart and its table. */
export async function getTrend({ access, db }: { access: PatientAccess; db: Queryable }, code: string): Promise<Trend> {
  const found = await access.search<Observation>('Observation', [['code', code], ['_sort', 'date'], ['_count', MAX]]);
  const held = await heldValueIds(access, db);
  const points = found.resources
    .filter((o) => typeof o.valueQuantity?.value === 'number' && o.status !== 'entered-in-error' && o.status !== 'cancelled' && !held.has(o.id!))
    .map((o) => {
      const range = rangeOf(o);
      return {
        observationId: o.id!,
        date: o.effectiveDateTime ?? o.effectivePeriod?.start ?? o.issued ?? '',
        value: o.valueQuantity!.value!,
        unit: o.valueQuantity?.unit ?? o.valueQuantity?.code ?? null,
        low: range?.low ?? null,
        high: range?.high ?? null,
        flag: flagOf(o),
        patientReported: (o.performer ?? []).some((p) => p.reference?.startsWith('Patient/')),
      };
    });
  const first = found.resources[0];
  return { code, name: first ? (conceptText(first.code) ?? code) : code, unit: points[0]?.unit ?? null, points };
}

/** Ids of values inside results held for review (none, without a query, when nothing is held). */
async function heldValueIds(access: PatientAccess, db: Queryable): Promise<Set<string>> {
  const release = await loadReleaseState(db, access.patientId);
  if (release.holds.size === 0) return new Set();
  const reports = await loadResultReports(access, {});
  return new Set(reports.filter((r) => isHeld(r, release)).flatMap((r) => r.values.map((v) => v.id)));
}
