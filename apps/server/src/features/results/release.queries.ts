import type { ResultCategory } from '@ourchart/contracts';
import type { Queryable } from '../../platform/db/db.ts';

// SQL for result release (migration 0006): hold preferences and clinician reviews.

export type ReleaseState = {
  /** Held categories with the moment the hold began (ISO). */
  holds: Map<ResultCategory, string>;
  /** Reviewed results as "DiagnosticReport/<id>" or "Observation/<id>". */
  reviewed: Set<string>;
};

const iso = (d: Date | string) => new Date(d).toISOString();

/** A patient's holds and the reviews of their results. */
export async function loadReleaseState(db: Queryable, patientId: string): Promise<ReleaseState> {
  const holds = await db.query<{ category: ResultCategory; held_since: Date | string }>(
    'SELECT category, held_since FROM result_release_preferences WHERE patient_id = $1', [patientId],
  );
  const reviews = await db.query<{ entity_type: string; entity_id: string }>(
    'SELECT entity_type, entity_id FROM result_reviews WHERE patient_id = $1', [patientId],
  );
  return {
    holds: new Map(holds.map((h) => [h.category, iso(h.held_since)])),
    reviewed: new Set(reviews.map((r) => `${r.entity_type}/${r.entity_id}`)),
  };
}

/** Turns holds on (keeping when an existing hold began) and off, per category. */
export async function saveHolds(tx: Queryable, patientId: string, userId: string, hold: Record<ResultCategory, boolean>): Promise<void> {
  for (const [category, on] of Object.entries(hold)) {
    if (on) {
      await tx.query(
        `INSERT INTO result_release_preferences (patient_id, category, updated_by) VALUES ($1, $2, $3)
         ON CONFLICT (patient_id, category) DO NOTHING`,
        [patientId, category, userId],
      );
    } else {
      await tx.query('DELETE FROM result_release_preferences WHERE patient_id = $1 AND category = $2', [patientId, category]);
    }
  }
}

/** Records a clinician's review; false when the result had been reviewed already. */
export async function insertReview(
  tx: Queryable,
  review: { entityType: 'DiagnosticReport' | 'Observation'; entityId: string; patientId: string; userId: string },
): Promise<boolean> {
  const rows = await tx.query(
    `INSERT INTO result_reviews (entity_type, entity_id, patient_id, reviewed_by) VALUES ($1, $2, $3, $4)
     ON CONFLICT (entity_type, entity_id) DO NOTHING RETURNING entity_id`,
    [review.entityType, review.entityId, review.patientId, review.userId],
  );
  return rows.length > 0;
}
