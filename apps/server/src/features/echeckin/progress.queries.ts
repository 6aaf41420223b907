import type { EcheckinStep } from '@ourchart/contracts';
import type { Queryable } from '../../platform/db/db.ts';

/** eCheck-in progress per appointment (migration 0011). */
export type ProgressRow = {
  done: EcheckinStep[];
  insuranceChanged: boolean;
  insuranceNoteEnc: string | null;
  medicationReviewId: string | null;
  completedAt: Date | null;
};

type Raw = {
  demographics_at: Date | null; insurance_at: Date | null; medications_at: Date | null; questionnaires_at: Date | null;
  insurance_changed: boolean; insurance_note_enc: string | null; medication_review_id: string | null; completed_at: Date | string | null;
};

export async function findProgress(db: Queryable, appointmentId: string): Promise<ProgressRow> {
  const [r] = await db.query<Raw>(
    `SELECT demographics_at, insurance_at, medications_at, questionnaires_at, insurance_changed, insurance_note_enc, medication_review_id, completed_at
       FROM echeckin_progress WHERE appointment_id = $1`,
    [appointmentId],
  );
  if (!r) return { done: [], insuranceChanged: false, insuranceNoteEnc: null, medicationReviewId: null, completedAt: null };
  const done: EcheckinStep[] = [];
  if (r.demographics_at) done.push('demographics');
  if (r.insurance_at) done.push('insurance');
  if (r.medications_at) done.push('medications');
  if (r.questionnaires_at) done.push('questionnaires');
  return { done, insuranceChanged: r.insurance_changed, insuranceNoteEnc: r.insurance_note_enc, medicationReviewId: r.medication_review_id, completedAt: r.completed_at ? new Date(r.completed_at) : null };
}

type Patch =
  | { step: 'demographics' }
  | { step: 'insurance'; changed: boolean; noteEnc: string | null }
  | { step: 'medications'; reviewId: string }
  | { step: 'questionnaires' }
  | { step: 'complete' };

/** Records one finished step (creating the row on the first). */
export async function saveStep(tx: Queryable, appointmentId: string, patientId: string, userId: string, patch: Patch): Promise<void> {
  await tx.query(
    `INSERT INTO echeckin_progress (appointment_id, patient_id, updated_by) VALUES ($1, $2, $3) ON CONFLICT (appointment_id) DO NOTHING`,
    [appointmentId, patientId, userId],
  );
  const set = {
    demographics: ['demographics_at = now()', []],
    insurance: ['insurance_at = now(), insurance_changed = $3, insurance_note_enc = $4', patch.step === 'insurance' ? [patch.changed, patch.noteEnc] : []],
    medications: ['medications_at = now(), medication_review_id = $3', patch.step === 'medications' ? [patch.reviewId] : []],
    questionnaires: ['questionnaires_at = now()', []],
    complete: ['completed_at = COALESCE(completed_at, now())', []],
  }[patch.step] as [string, unknown[]];
  await tx.query(`UPDATE echeckin_progress SET ${set[0]}, updated_by = $2, updated_at = now() WHERE appointment_id = $1`, [appointmentId, userId, ...set[1]]);
}
