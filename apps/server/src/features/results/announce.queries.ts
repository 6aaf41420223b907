import type { Queryable } from '../../platform/db/db.ts';

// SQL of the new-result sweep (announce.ts) and its high-water mark (migration 0006).

type ResultContent = {
  status?: string; issued?: string; effectiveDateTime?: string; effectivePeriod?: { start?: string };
  category?: { coding?: { system?: string; code?: string }[] }[];
};
export type WrittenResult = { resourceType: 'DiagnosticReport' | 'Observation'; id: string; patientId: string; content: ResultContent };

export async function readAnnounceMark(db: Queryable): Promise<Date | null> {
  const [row] = await db.query<{ last_updated: Date | string }>('SELECT last_updated FROM result_announce_mark WHERE id = 1');
  return row ? new Date(row.last_updated) : null;
}

/** Moves the mark forward (never back: another node may have gone further). */
export async function saveAnnounceMark(db: Queryable, upTo: Date): Promise<void> {
  await db.query(
    `INSERT INTO result_announce_mark (id, last_updated) VALUES (1, $1)
     ON CONFLICT (id) DO UPDATE SET last_updated = GREATEST(result_announce_mark.last_updated, EXCLUDED.last_updated)`,
    [upTo],
  );
}

/**
 * Results written after `after` (all when null) up to the newest write now: lab reports of any
 * category, and laboratory Observations that no report lists (a report announces its values),
 * dated on or after `datedFrom`. upTo is null when nothing of the kind was ever written.
 * The date test compares ISO text, which is exact for same-offset values and off by at most
 * a time-zone offset otherwise: fine for a window of weeks.
 */
export async function resultsWrittenBetween(db: Queryable, range: { after: Date | null; datedFrom: string }): Promise<{ upTo: Date | null; rows: WrittenResult[] }> {
  const [top] = await db.query<{ upto: Date | string | null }>(
    "SELECT max(last_updated) AS upto FROM resources WHERE resource_type IN ('DiagnosticReport', 'Observation')",
  );
  if (!top?.upto) return { upTo: null, rows: [] };
  const upTo = new Date(top.upto);
  const rows = await db.query<{ resource_type: WrittenResult['resourceType']; id: string; patient_id: string; content: ResultContent }>(
    `SELECT r.resource_type, r.id, r.patient_id, r.content FROM resources r
      WHERE r.resource_type IN ('DiagnosticReport', 'Observation') AND r.patient_id IS NOT NULL AND NOT r.deleted
        AND ($1::timestamptz IS NULL OR r.last_updated > $1::timestamptz) AND r.last_updated <= $2::timestamptz
        AND COALESCE(r.content->>'issued', r.content->>'effectiveDateTime', r.content#>>'{effectivePeriod,start}') >= $3
        AND (r.resource_type = 'DiagnosticReport' OR (
          r.content @> '{"category":[{"coding":[{"code":"laboratory"}]}]}'
          AND NOT EXISTS (SELECT 1 FROM search_reference s
                           WHERE s.resource_type = 'DiagnosticReport' AND s.code = 'result' AND s.target_type = 'Observation' AND s.target_id = r.id)))
      ORDER BY r.last_updated, r.id`,
    [range.after, upTo, range.datedFrom],
  );
  return { upTo, rows: rows.map((r) => ({ resourceType: r.resource_type, id: r.id, patientId: r.patient_id, content: r.content })) };
}
