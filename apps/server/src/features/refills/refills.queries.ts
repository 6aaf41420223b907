import type { Queryable } from '../../platform/db/db.ts';

/** Workflow rows of refill requests (migration 0016). No free text here: that lives in the Task. */
export type RefillRow = {
  id: string; patientId: string; medicationRequestId: string; poolId: string; state: 'open' | 'approved' | 'denied'; createdAt: Date;
};

type Raw = { id: string; patient_id: string; medication_request_id: string; pool_id: string; state: RefillRow['state']; created_at: Date | string };

const COLUMNS = 'id, patient_id, medication_request_id, pool_id, state, created_at';
const toRow = (r: Raw): RefillRow => ({
  id: r.id, patientId: r.patient_id, medicationRequestId: r.medication_request_id, poolId: r.pool_id, state: r.state, createdAt: new Date(r.created_at),
});

export async function findRefill(db: Queryable, id: string): Promise<RefillRow | undefined> {
  const [row] = await db.query<Raw>(`SELECT ${COLUMNS} FROM refill_requests WHERE id = $1`, [id]);
  return row && toRow(row);
}

/** Inserts an open request; false when another open request for the prescription won (partial unique index). */
export async function insertRefill(db: Queryable, r: { id: string; patientId: string; medicationRequestId: string; poolId: string; requestedBy: string }): Promise<boolean> {
  const rows = await db.query(
    `INSERT INTO refill_requests (id, patient_id, medication_request_id, pool_id, requested_by) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (patient_id, medication_request_id) WHERE state = 'open' DO NOTHING RETURNING id`,
    [r.id, r.patientId, r.medicationRequestId, r.poolId, r.requestedBy],
  );
  return rows.length === 1;
}

/** Closes an open request; false when it was no longer open (someone decided first). */
export async function markDecided(db: Queryable, id: string, d: { state: 'approved' | 'denied'; userId: string; renewedId: string | null }): Promise<boolean> {
  const rows = await db.query(
    `UPDATE refill_requests SET state = $2, decided_by = $3, decided_at = now(), renewed_medication_id = $4 WHERE id = $1 AND state = 'open' RETURNING id`,
    [id, d.state, d.userId, d.renewedId],
  );
  return rows.length === 1;
}

/** Open (or decided) requests routed to these pools, of these patients, newest first. */
export async function listForPools(db: Queryable, poolIds: string[], states: RefillRow['state'][], patientIds: string[], limit: number): Promise<RefillRow[]> {
  const rows = await db.query<Raw>(
    `SELECT ${COLUMNS} FROM refill_requests WHERE pool_id = ANY($1::text[]) AND state = ANY($2::text[]) AND patient_id = ANY($3::text[])
      ORDER BY created_at DESC, id LIMIT $4`,
    [poolIds, states, patientIds, limit],
  );
  return rows.map(toRow);
}

export async function preferredPharmacy(db: Queryable, patientId: string): Promise<string | null> {
  const [row] = await db.query<{ pharmacy_id: string }>('SELECT pharmacy_id FROM refill_pharmacy_choices WHERE patient_id = $1', [patientId]);
  return row?.pharmacy_id ?? null;
}

export async function rememberPharmacy(db: Queryable, patientId: string, pharmacyId: string, userId: string): Promise<void> {
  await db.query(
    `INSERT INTO refill_pharmacy_choices (patient_id, pharmacy_id, updated_by) VALUES ($1, $2, $3)
     ON CONFLICT (patient_id) DO UPDATE SET pharmacy_id = EXCLUDED.pharmacy_id, updated_by = EXCLUDED.updated_by, updated_at = now()`,
    [patientId, pharmacyId, userId],
  );
}
