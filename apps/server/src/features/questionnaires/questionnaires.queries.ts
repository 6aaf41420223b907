import { randomUUID } from 'node:crypto';
import type { CareAlertKind } from '@ourchart/contracts';
import type { Queryable } from '../../platform/db/db.ts';

/** Workflow rows of questionnaire responses and care alerts (migration 0011). No answers here. */

export type ResponseRow = {
  id: string; patientId: string; questionnaireId: string; contextId: string; status: 'in-progress' | 'completed';
  score: number | null; updatedAt: Date; completedAt: Date | null;
};
type RawResponse = {
  id: string; patient_id: string; questionnaire_id: string; context_id: string; status: ResponseRow['status'];
  score: number | null; updated_at: Date | string; completed_at: Date | string | null;
};
const RESPONSE_COLUMNS = 'id, patient_id, questionnaire_id, context_id, status, score, updated_at, completed_at';
const toResponse = (r: RawResponse): ResponseRow => ({
  id: r.id, patientId: r.patient_id, questionnaireId: r.questionnaire_id, contextId: r.context_id, status: r.status,
  score: r.score, updatedAt: new Date(r.updated_at), completedAt: r.completed_at ? new Date(r.completed_at) : null,
});

/** The patient's current response to a questionnaire in a context: the draft, else the newest completed one. */
export async function currentResponse(db: Queryable, patientId: string, questionnaireId: string, contextId: string): Promise<ResponseRow | undefined> {
  const [row] = await db.query<RawResponse>(
    `SELECT ${RESPONSE_COLUMNS} FROM questionnaire_responses WHERE patient_id = $1 AND questionnaire_id = $2 AND context_id = $3
      ORDER BY (status = 'in-progress') DESC, updated_at DESC LIMIT 1`,
    [patientId, questionnaireId, contextId],
  );
  return row && toResponse(row);
}

/** The draft row, locked for this transaction, or undefined. */
export async function lockDraft(tx: Queryable, patientId: string, questionnaireId: string, contextId: string): Promise<ResponseRow | undefined> {
  const [row] = await tx.query<RawResponse>(
    `SELECT ${RESPONSE_COLUMNS} FROM questionnaire_responses WHERE patient_id = $1 AND questionnaire_id = $2 AND context_id = $3 AND status = 'in-progress' FOR UPDATE`,
    [patientId, questionnaireId, contextId],
  );
  return row && toResponse(row);
}

/** Inserts a draft row; false when another draft won a race (the partial unique index). */
export async function insertDraft(tx: Queryable, r: { id: string; patientId: string; questionnaireId: string; contextId: string; userId: string }): Promise<boolean> {
  const rows = await tx.query(
    `INSERT INTO questionnaire_responses (id, patient_id, questionnaire_id, context_id, status, created_by) VALUES ($1, $2, $3, $4, 'in-progress', $5)
     ON CONFLICT (patient_id, questionnaire_id, context_id) WHERE status = 'in-progress' DO NOTHING RETURNING id`,
    [r.id, r.patientId, r.questionnaireId, r.contextId, r.userId],
  );
  return rows.length === 1;
}

export async function touchDraft(tx: Queryable, id: string): Promise<void> {
  await tx.query(`UPDATE questionnaire_responses SET updated_at = now() WHERE id = $1`, [id]);
}

/** Completes a response row (inserting it when there was no draft). */
export async function markCompleted(tx: Queryable, r: { id: string; patientId: string; questionnaireId: string; contextId: string; userId: string; score: number | null }): Promise<void> {
  await tx.query(
    `INSERT INTO questionnaire_responses (id, patient_id, questionnaire_id, context_id, status, score, created_by, completed_at)
     VALUES ($1, $2, $3, $4, 'completed', $5, $6, now())
     ON CONFLICT (id) DO UPDATE SET status = 'completed', score = EXCLUDED.score, completed_at = now(), updated_at = now()`,
    [r.id, r.patientId, r.questionnaireId, r.contextId, r.score, r.userId],
  );
}

/** Completed responses of a patient, newest first. */
export async function completedResponses(db: Queryable, patientId: string, limit = 50): Promise<ResponseRow[]> {
  const rows = await db.query<RawResponse>(
    `SELECT ${RESPONSE_COLUMNS} FROM questionnaire_responses WHERE patient_id = $1 AND status = 'completed' ORDER BY completed_at DESC, id LIMIT $2`,
    [patientId, limit],
  );
  return rows.map(toResponse);
}

/** Statuses of a patient's responses to several questionnaires in one context. */
export async function statusesInContext(db: Queryable, patientId: string, contextId: string): Promise<Map<string, ResponseRow['status']>> {
  const rows = await db.query<{ questionnaire_id: string; status: ResponseRow['status'] }>(
    `SELECT questionnaire_id, status FROM questionnaire_responses WHERE patient_id = $1 AND context_id = $2`,
    [patientId, contextId],
  );
  const out = new Map<string, ResponseRow['status']>();
  for (const r of rows) if (out.get(r.questionnaire_id) !== 'completed') out.set(r.questionnaire_id, r.status);
  return out;
}

// ---- care alerts

export type AlertRow = {
  id: string; patientId: string; responseId: string; appointmentId: string | null; practitionerId: string | null; kind: CareAlertKind;
  score: number; flagId: string; createdAt: Date; acknowledgedAt: Date | null; acknowledgedBy: string | null; acknowledgedByName: string | null;
};
type RawAlert = {
  id: string; patient_id: string; response_id: string; appointment_id: string | null; practitioner_id: string | null; kind: CareAlertKind;
  score: number; flag_id: string; created_at: Date | string; acknowledged_at: Date | string | null; acknowledged_by: string | null; acknowledged_by_name: string | null;
};
const toAlert = (r: RawAlert): AlertRow => ({
  id: r.id, patientId: r.patient_id, responseId: r.response_id, appointmentId: r.appointment_id, practitionerId: r.practitioner_id, kind: r.kind,
  score: r.score, flagId: r.flag_id, createdAt: new Date(r.created_at), acknowledgedAt: r.acknowledged_at ? new Date(r.acknowledged_at) : null,
  acknowledgedBy: r.acknowledged_by, acknowledgedByName: r.acknowledged_by_name,
});
const ALERT_SELECT = `SELECT a.id, a.patient_id, a.response_id, a.appointment_id, a.practitioner_id, a.kind, a.score, a.flag_id, a.created_at,
  a.acknowledged_at, a.acknowledged_by, u.display_name AS acknowledged_by_name FROM care_alerts a LEFT JOIN users u ON u.id = a.acknowledged_by`;

export async function insertAlert(tx: Queryable, a: { patientId: string; responseId: string; appointmentId: string | null; practitionerId: string | null; kind: CareAlertKind; score: number; flagId: string }): Promise<string> {
  const id = randomUUID();
  await tx.query(
    `INSERT INTO care_alerts (id, patient_id, response_id, appointment_id, practitioner_id, kind, score, flag_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [id, a.patientId, a.responseId, a.appointmentId, a.practitionerId, a.kind, a.score, a.flagId],
  );
  return id;
}

export async function findAlert(db: Queryable, id: string): Promise<AlertRow | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const [row] = await db.query<RawAlert>(`${ALERT_SELECT} WHERE a.id = $1`, [id]);
  return row && toAlert(row);
}

/** Open or acknowledged alerts of these patients, newest first. */
export async function listAlerts(db: Queryable, acknowledged: boolean, patientIds: string[], limit: number): Promise<AlertRow[]> {
  const rows = await db.query<RawAlert>(
    `${ALERT_SELECT} WHERE (a.acknowledged_at IS NOT NULL) = $1 AND a.patient_id = ANY($2::text[]) ORDER BY a.created_at DESC, a.id LIMIT $3`,
    [acknowledged, patientIds, limit],
  );
  return rows.map(toAlert);
}

/** Acknowledges an open alert; false when someone already did. */
export async function acknowledgeAlert(tx: Queryable, id: string, userId: string): Promise<boolean> {
  const rows = await tx.query(`UPDATE care_alerts SET acknowledged_at = now(), acknowledged_by = $2 WHERE id = $1 AND acknowledged_at IS NULL RETURNING id`, [id, userId]);
  return rows.length === 1;
}

/** The user accounts of a practitioner (the clinician of an appointment). */
export async function usersOfPractitioner(db: Queryable, practitionerId: string): Promise<string[]> {
  const rows = await db.query<{ id: string }>(`SELECT id FROM users WHERE practitioner_id = $1`, [practitionerId]);
  return rows.map((r) => r.id);
}
