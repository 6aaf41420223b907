import type { Queryable } from '../../platform/db/db.ts';

/** Rows of insurance updates (migration 0018). Details, photos and reasons are ciphertext here. */
export type UpdateRow = {
  id: string; patientId: string; coverageId: string | null; detailsEnc: string; frontType: string; backType: string;
  state: 'pending' | 'accepted' | 'rejected'; reasonEnc: string | null; resultCoverageId: string | null; createdAt: Date; decidedAt: Date | null;
};

type Raw = {
  id: string; patient_id: string; coverage_id: string | null; details_enc: string; front_type: string; back_type: string;
  state: UpdateRow['state']; reason_enc: string | null; result_coverage_id: string | null; created_at: Date | string; decided_at: Date | string | null;
};

const COLUMNS = 'id, patient_id, coverage_id, details_enc, front_type, back_type, state, reason_enc, result_coverage_id, created_at, decided_at';
const toRow = (r: Raw): UpdateRow => ({
  id: r.id, patientId: r.patient_id, coverageId: r.coverage_id, detailsEnc: r.details_enc, frontType: r.front_type, backType: r.back_type,
  state: r.state, reasonEnc: r.reason_enc, resultCoverageId: r.result_coverage_id, createdAt: new Date(r.created_at), decidedAt: r.decided_at ? new Date(r.decided_at) : null,
});

export type NewUpdate = {
  id: string; patientId: string; coverageId: string | null; detailsEnc: string;
  frontType: string; frontEnc: string; backType: string; backEnc: string; submittedBy: string;
};

/** Inserts a pending update; false when one is already pending for the patient (partial unique index). */
export async function insertUpdate(db: Queryable, u: NewUpdate): Promise<boolean> {
  const rows = await db.query(
    `INSERT INTO insurance_updates (id, patient_id, coverage_id, details_enc, front_type, front_enc, back_type, back_enc, submitted_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (patient_id) WHERE state = 'pending' DO NOTHING RETURNING id`,
    [u.id, u.patientId, u.coverageId, u.detailsEnc, u.frontType, u.frontEnc, u.backType, u.backEnc, u.submittedBy],
  );
  return rows.length === 1;
}

export async function findUpdate(db: Queryable, id: string): Promise<UpdateRow | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const [row] = await db.query<Raw>(`SELECT ${COLUMNS} FROM insurance_updates WHERE id = $1`, [id]);
  return row && toRow(row);
}

export async function updatesOfPatient(db: Queryable, patientId: string, limit: number): Promise<UpdateRow[]> {
  const rows = await db.query<Raw>(`SELECT ${COLUMNS} FROM insurance_updates WHERE patient_id = $1 ORDER BY created_at DESC, id LIMIT $2`, [patientId, limit]);
  return rows.map(toRow);
}

/** Pending (or decided) updates of these patients, oldest pending first / newest decided first. */
export async function updatesInQueue(db: Queryable, pending: boolean, patientIds: string[], limit: number): Promise<UpdateRow[]> {
  const rows = await db.query<Raw>(
    `SELECT ${COLUMNS} FROM insurance_updates WHERE ${pending ? "state = 'pending'" : "state <> 'pending'"} AND patient_id = ANY($1::text[])
      ORDER BY ${pending ? 'created_at ASC' : 'decided_at DESC'}, id LIMIT $2`,
    [patientIds, limit],
  );
  return rows.map(toRow);
}

/** The encrypted photo of one side. */
export async function photoOf(db: Queryable, id: string, side: 'front' | 'back'): Promise<{ type: string; enc: string } | undefined> {
  const [row] = await db.query<{ type: string; enc: string }>(
    side === 'front' ? 'SELECT front_type AS type, front_enc AS enc FROM insurance_updates WHERE id = $1' : 'SELECT back_type AS type, back_enc AS enc FROM insurance_updates WHERE id = $1',
    [id],
  );
  return row;
}

/** Closes a pending update; false when it was no longer pending (someone decided first). */
export async function markReviewed(db: Queryable, id: string, d: { state: 'accepted' | 'rejected'; userId: string; reasonEnc: string | null; resultCoverageId: string | null }): Promise<boolean> {
  const rows = await db.query(
    `UPDATE insurance_updates SET state = $2, decided_by = $3, decided_at = now(), reason_enc = $4, result_coverage_id = $5 WHERE id = $1 AND state = 'pending' RETURNING id`,
    [id, d.state, d.userId, d.reasonEnc, d.resultCoverageId],
  );
  return rows.length === 1;
}
