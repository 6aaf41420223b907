import type { DiagnosticReport, Observation } from '@medplum/fhirtypes';
import type { Db } from '../../platform/db/db.ts';
import { notifyPatient } from '../../platform/notifications/notifications.ts';
import { categoryOfObservation, categoryOfReport } from './release-category.ts';
import { isHeld } from './release-holds.ts';
import { loadReleaseState, type ReleaseState } from './release.queries.ts';
import { readAnnounceMark, resultsWrittenBetween, saveAnnounceMark } from './announce.queries.ts';

/**
 * Results dated (issued, else taken) within this many days count as news when they arrive. Two
 * months leaves room for slow tests (cultures, pathology, send-out labs); loading years of
 * history (an import, the demo clinic) tells nobody about old results.
 */
export const NEWS_WINDOW_DAYS = 60;
/** Each sweep looks this far behind its mark: a write may commit after a later-stamped one. */
const OVERLAP_MS = 10 * 60_000;
const FINAL = new Set(['final', 'amended', 'corrected', 'appended']);

/**
 * Notifies patients (and their proxies) of new final results: every lab DiagnosticReport, and lab
 * Observation that stands alone, written since the last sweep, final, dated within the news
 * window, and not held for review (held results are announced when a clinician reviews them).
 * Idempotent (one notification per user and result), safe on several nodes at once, and it
 * catches up after a crash because the mark only moves after the notifications are written.
 * Called after imports, by the server every 30 seconds, and by anything that writes results.
 * Returns how many notifications it created.
 */
export async function announceNewResults(db: Db, now: Date = new Date()): Promise<number> {
  const mark = await readAnnounceMark(db);
  const { upTo, rows } = await resultsWrittenBetween(db, {
    after: mark ? new Date(mark.getTime() - OVERLAP_MS) : null,
    datedFrom: new Date(now.getTime() - NEWS_WINDOW_DAYS * 86_400_000).toISOString(),
  });
  if (!upTo) return 0;
  const states = new Map<string, ReleaseState>();
  let created = 0;
  for (const row of rows) {
    if (!FINAL.has(row.content.status ?? '')) continue;
    const state = states.get(row.patientId) ?? (await loadReleaseState(db, row.patientId));
    states.set(row.patientId, state);
    const isReport = row.resourceType === 'DiagnosticReport';
    const item = {
      kind: isReport ? ('report' as const) : ('single' as const), id: row.id, status: row.content.status ?? '',
      category: isReport ? categoryOfReport(row.content as DiagnosticReport) : categoryOfObservation(row.content as Observation),
      issued: row.content.issued ?? null, effective: row.content.effectiveDateTime ?? row.content.effectivePeriod?.start ?? null,
    };
    if (isHeld(item, state)) continue;
    created += await notifyPatient(db, row.patientId, { kind: 'result-available', entityType: row.resourceType, entityId: row.id });
  }
  await saveAnnounceMark(db, upTo);
  return created;
}

type Log = { error: (obj: object, msg: string) => void };

/** Sweeps now and every intervalMs until stopped; a failed sweep is logged and retried next time. */
export function startResultAnnouncer(db: Db, log: Log, intervalMs = 30_000): () => Promise<void> {
  let running: Promise<unknown> | null = null;
  const tick = () => {
    if (running) return;
    running = announceNewResults(db)
      .catch((err: unknown) => log.error({ err }, 'new-result notifications failed; retrying at the next sweep'))
      .finally(() => {
        running = null;
      });
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
