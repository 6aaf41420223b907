import type { Queryable } from '../../platform/db/db.ts';

/** Rows of financial assistance applications (migration 0018); the answers live in the QuestionnaireResponse. */
export type ApplicationRow = {
  id: string; patientId: string; responseId: string; poolId: string; state: 'submitted' | 'approved' | 'denied';
  discountPercent: number | null; reasonEnc: string | null; createdAt: Date; decidedAt: Date | null;
};

type Raw = {
  id: string; patient_id: string; response_id: string; pool_id: string; state: ApplicationRow['state'];
  discount_percent: number | null; reason_enc: string | null; created_at: Date | string; decided_at: Date | string | null;
};

const COLUMNS = 'id, patient_id, response_id, pool_id, state, discount_percent, reason_enc, created_at, decided_at';
const toRow = (r: Raw): ApplicationRow => ({
  id: r.id, patientId: r.patient_id, responseId: r.response_id, poolId: r.pool_id, state: r.state,
  discountPercent: r.discount_percent === null ? null : Number(r.discount_percent), reasonEnc: r.reason_enc,
  createdAt: new Date(r.created_at), decidedAt: r.decided_at ? new Date(r.decided_at) : null,
});

/** Inserts a submitted application; false when one is already waiting for the patient (partial unique index). */
export async function insertApplication(db: Queryable, a: { id: string; patientId: string; responseId: string; poolId: string; submittedBy: string }): Promise<boolean> {
  const rows = await db.query(
    `INSERT INTO assistance_applications (id, patient_id, response_id, pool_id, submitted_by) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (patient_id) WHERE state = 'submitted' DO NOTHING RETURNING id`,
    [a.id, a.patientId, a.responseId, a.poolId, a.submittedBy],
  );
  return rows.length === 1;
}

export async function findApplication(db: Queryable, id: string): Promise<ApplicationRow | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const [row] = await db.query<Raw>(`SELECT ${COLUMNS} FROM assistance_applications WHERE id = $1`, [id]);
  return row && toRow(row);
}

export async function applicationsOfPatient(db: Queryable, patientId: string, limit: number): Promise<ApplicationRow[]> {
  const rows = await db.query<Raw>(`SELECT ${COLUMNS} FROM assistance_applications WHERE patient_id = $1 ORDER BY created_at DESC, id LIMIT $2`, [patientId, limit]);
  return rows.map(toRow);
}

/** Waiting (or decided) applications routed to these pools, of these patients. */
export async function applicationsForPools(db: Queryable, poolIds: string[], waiting: boolean, patientIds: string[], limit: number): Promise<ApplicationRow[]> {
  const rows = await db.query<Raw>(
    `SELECT ${COLUMNS} FROM assistance_applications WHERE pool_id = ANY($1::text[]) AND ${waiting ? "state = 'submitted'" : "state <> 'submitted'"}
        AND patient_id = ANY($2::text[]) ORDER BY ${waiting ? 'created_at ASC' : 'decided_at DESC'}, id LIMIT $3`,
    [poolIds, patientIds, limit],
  );
  return rows.map(toRow);
}

/** Records the decision; false when the application was no longer waiting (someone decided first). */
export async function markDecided(db: Queryable, id: string, d: { state: 'approved' | 'denied'; userId: string; discountPercent: number | null; reasonEnc: string | null }): Promise<boolean> {
  const rows = await db.query(
    `UPDATE assistance_applications SET state = $2, decided_by = $3, decided_at = now(), discount_percent = $4, reason_enc = $5
      WHERE id = $1 AND state = 'submitted' RETURNING id`,
    [id, d.state, d.userId, d.discountPercent, d.reasonEnc],
  );
  return rows.length === 1;
}
