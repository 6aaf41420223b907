import type { Queryable } from '../../platform/db/db.ts';

/** Workflow rows of correction requests (migration 0008). No free text here: that lives in the Task. */
export type CorrectionRow = {
  id: string; patientId: string; itemType: string; itemId: string; state: 'open' | 'accepted' | 'denied';
  createdAt: Date; disagreementAt: Date | null;
};

type Raw = { id: string; patient_id: string; item_type: string; item_id: string; state: CorrectionRow['state']; created_at: Date | string; disagreement_at: Date | string | null };

const COLUMNS = 'id, patient_id, item_type, item_id, state, created_at, disagreement_at';
const toRow = (r: Raw): CorrectionRow => ({
  id: r.id, patientId: r.patient_id, itemType: r.item_type, itemId: r.item_id, state: r.state,
  createdAt: new Date(r.created_at), disagreementAt: r.disagreement_at ? new Date(r.disagreement_at) : null,
});

export async function findCorrection(db: Queryable, id: string): Promise<CorrectionRow | undefined> {
  const [row] = await db.query<Raw>(`SELECT ${COLUMNS} FROM correction_requests WHERE id = $1`, [id]);
  return row && toRow(row);
}

/** Inserts an open request; false when another open request for the item won a race (unique index). */
export async function insertCorrection(db: Queryable, r: { id: string; patientId: string; itemType: string; itemId: string; requestedBy: string }): Promise<boolean> {
  const rows = await db.query(
    `INSERT INTO correction_requests (id, patient_id, item_type, item_id, requested_by) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (patient_id, item_type, item_id) WHERE state = 'open' DO NOTHING RETURNING id`,
    [r.id, r.patientId, r.itemType, r.itemId, r.requestedBy],
  );
  return rows.length === 1;
}

/** Closes an open request; false when it was no longer open (someone decided first). */
export async function markDecided(db: Queryable, id: string, state: 'accepted' | 'denied', userId: string): Promise<boolean> {
  const rows = await db.query(
    `UPDATE correction_requests SET state = $2, decided_by = $3, decided_at = now() WHERE id = $1 AND state = 'open' RETURNING id`,
    [id, state, userId],
  );
  return rows.length === 1;
}

/** Records that a statement of disagreement was added; false unless denied and without one. */
export async function markDisagreement(db: Queryable, id: string): Promise<Date | null> {
  const [row] = await db.query<{ disagreement_at: Date | string }>(
    `UPDATE correction_requests SET disagreement_at = now() WHERE id = $1 AND state = 'denied' AND disagreement_at IS NULL RETURNING disagreement_at`,
    [id],
  );
  return row ? new Date(row.disagreement_at) : null;
}

/** The newest requests in these states of these patients (the staff member's candidates). */
export async function listByState(db: Queryable, states: CorrectionRow['state'][], patientIds: string[], limit: number): Promise<CorrectionRow[]> {
  const rows = await db.query<Raw>(
    `SELECT ${COLUMNS} FROM correction_requests WHERE state = ANY($1::text[]) AND patient_id = ANY($2::text[]) ORDER BY created_at DESC, id LIMIT $3`,
    [states, patientIds, limit],
  );
  return rows.map(toRow);
}
