import type { ResultReport } from '@ourchart/contracts';
import type { ReleaseState } from './release.queries.ts';

/** "DiagnosticReport/<id>" or "Observation/<id>": how reviews and notifications name a result. */
export function itemKey(report: Pick<ResultReport, 'kind' | 'id'>): `${'DiagnosticReport' | 'Observation'}/${string}` {
  return `${report.kind === 'report' ? 'DiagnosticReport' : 'Observation'}/${report.id}`;
}

const NEVER_HELD = new Set(['cancelled', 'entered-in-error']);

/**
 * True when the patient holds this result's category, the result is dated (issued, else taken)
 * on or after the hold began, and no clinician has reviewed it. The date rule means turning a
 * hold on never hides results that were already there to see; an undated result is not held.
 */
export function isHeld(report: Pick<ResultReport, 'kind' | 'id' | 'category' | 'status' | 'issued' | 'effective'>, state: ReleaseState): boolean {
  const since = state.holds.get(report.category);
  if (!since || NEVER_HELD.has(report.status) || state.reviewed.has(itemKey(report))) return false;
  const date = report.issued ?? report.effective;
  if (!date) return false;
  const at = Date.parse(date);
  return !Number.isNaN(at) && at >= Date.parse(since);
}
