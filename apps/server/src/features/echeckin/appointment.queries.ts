import type { Queryable } from '../../platform/db/db.ts';

/**
 * What eCheck-in and questionnaires read of the scheduling tables (migration 0009, owned by the
 * scheduling slice): one appointment row, its visit type's questionnaires and "what to bring",
 * and the clinic time zone. Writes only appointments.echeckin_completed_at.
 */
export type CheckinAppointment = {
  id: string; patientId: string; practitionerId: string; locationId: string; visitTypeId: string;
  startsAt: Date; endsAt: Date; status: string; echeckinCompletedAt: Date | null;
};

type Raw = {
  id: string; patient_id: string; practitioner_id: string; location_id: string; visit_type_id: string;
  starts_at: Date | string; ends_at: Date | string; status: string; echeckin_completed_at: Date | string | null;
};

export async function findAppointmentRow(db: Queryable, id: string): Promise<CheckinAppointment | undefined> {
  const [r] = await db.query<Raw>(
    `SELECT id, patient_id, practitioner_id, location_id, visit_type_id, starts_at, ends_at, status, echeckin_completed_at FROM appointments WHERE id = $1`,
    [id],
  );
  return r && {
    id: r.id, patientId: r.patient_id, practitionerId: r.practitioner_id, locationId: r.location_id, visitTypeId: r.visit_type_id,
    startsAt: new Date(r.starts_at), endsAt: new Date(r.ends_at), status: r.status, echeckinCompletedAt: r.echeckin_completed_at ? new Date(r.echeckin_completed_at) : null,
  };
}

export type CheckinVisitType = { nameEn: string; nameEs: string; questionnaireIds: string[]; bringEn: string; bringEs: string };

export async function findCheckinVisitType(db: Queryable, id: string): Promise<CheckinVisitType | undefined> {
  const [r] = await db.query<{ name_en: string; name_es: string; questionnaire_ids: string[]; bring_en: string; bring_es: string }>(
    'SELECT name_en, name_es, questionnaire_ids, bring_en, bring_es FROM visit_types WHERE id = $1',
    [id],
  );
  return r && { nameEn: r.name_en, nameEs: r.name_es, questionnaireIds: r.questionnaire_ids ?? [], bringEn: r.bring_en, bringEs: r.bring_es };
}

export async function clinicTimeZone(db: Queryable): Promise<string> {
  const [r] = await db.query<{ time_zone: string }>('SELECT time_zone FROM scheduling_settings WHERE id = 1');
  return r?.time_zone ?? 'America/Chicago';
}

/** Marks the appointment's eCheck-in finished (once; the first time stands). */
export async function markEcheckinCompleted(tx: Queryable, id: string): Promise<void> {
  await tx.query('UPDATE appointments SET echeckin_completed_at = COALESCE(echeckin_completed_at, now()), updated_at = now() WHERE id = $1', [id]);
}
