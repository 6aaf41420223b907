import type { ClinicSettings, SetupVisitType } from '@ourchart/contracts';
import type { Queryable } from '../../platform/db/db.ts';

// SQL of scheduling setup and the staff day view (migration 0009). Configuration holds no PHI;
// appointment rows carry ids only (names come from the FHIR store through PatientAccess).

export type HoursRow = { id: string; practitionerId: string; locationId: string; weekday: number; startMinute: number; endMinute: number };
export type ExceptionRow = { id: string; practitionerId: string | null; day: string; startMinute: number | null; endMinute: number | null; reason: string };
export type AppointmentRow = {
  id: string; patientId: string; practitionerId: string; locationId: string; visitTypeId: string;
  startsAt: Date; endsAt: Date; status: string; echeckinCompletedAt: Date | null;
};

type RawVisitType = {
  id: string; name_en: string; name_es: string; description_en: string; description_es: string; duration_minutes: number;
  modality: 'in-person' | 'video'; booking: 'self' | 'request'; practitioner_ids: string[]; questionnaire_ids: string[];
  bring_en: string; bring_es: string; active: boolean; sort_order: number;
};

const toVisitType = (r: RawVisitType): SetupVisitType => ({
  id: r.id, nameEn: r.name_en, nameEs: r.name_es, descriptionEn: r.description_en, descriptionEs: r.description_es,
  durationMinutes: r.duration_minutes, modality: r.modality, booking: r.booking, practitionerIds: r.practitioner_ids,
  questionnaireIds: r.questionnaire_ids, bringEn: r.bring_en, bringEs: r.bring_es, active: r.active, sortOrder: r.sort_order,
});

export async function readSettings(db: Queryable): Promise<ClinicSettings> {
  const [row] = await db.query<{ time_zone: string; cancel_cutoff_hours: number; booking_horizon_days: number; min_notice_minutes: number }>(
    'SELECT time_zone, cancel_cutoff_hours, booking_horizon_days, min_notice_minutes FROM scheduling_settings WHERE id = 1',
  );
  return {
    timeZone: row?.time_zone ?? 'America/Chicago', cancelCutoffHours: row?.cancel_cutoff_hours ?? 24,
    bookingHorizonDays: row?.booking_horizon_days ?? 60, minNoticeMinutes: row?.min_notice_minutes ?? 120,
  };
}

export async function writeSettings(tx: Queryable, s: ClinicSettings, userId: string | null): Promise<void> {
  await tx.query(
    `INSERT INTO scheduling_settings (id, time_zone, cancel_cutoff_hours, booking_horizon_days, min_notice_minutes, updated_by, updated_at)
     VALUES (1, $1, $2, $3, $4, $5, now())
     ON CONFLICT (id) DO UPDATE SET time_zone = $1, cancel_cutoff_hours = $2, booking_horizon_days = $3, min_notice_minutes = $4, updated_by = $5, updated_at = now()`,
    [s.timeZone, s.cancelCutoffHours, s.bookingHorizonDays, s.minNoticeMinutes, userId],
  );
}

export async function listVisitTypes(db: Queryable): Promise<SetupVisitType[]> {
  return (await db.query<RawVisitType>('SELECT * FROM visit_types ORDER BY sort_order, id')).map(toVisitType);
}

export async function findVisitType(db: Queryable, id: string): Promise<SetupVisitType | undefined> {
  const [row] = await db.query<RawVisitType>('SELECT * FROM visit_types WHERE id = $1', [id]);
  return row && toVisitType(row);
}

/** Inserts a visit type; false when the code is taken. `ifAbsent` is for the idempotent demo seed. */
export async function insertVisitType(tx: Queryable, v: SetupVisitType): Promise<boolean> {
  const rows = await tx.query(
    `INSERT INTO visit_types (id, name_en, name_es, description_en, description_es, duration_minutes, modality, booking,
                              practitioner_ids, questionnaire_ids, bring_en, bring_es, active, sort_order)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::text[], $10::text[], $11, $12, $13, $14)
     ON CONFLICT (id) DO NOTHING RETURNING id`,
    [v.id, v.nameEn, v.nameEs, v.descriptionEn, v.descriptionEs, v.durationMinutes, v.modality, v.booking,
      v.practitionerIds, v.questionnaireIds, v.bringEn, v.bringEs, v.active, v.sortOrder],
  );
  return rows.length === 1;
}

export async function updateVisitType(tx: Queryable, v: SetupVisitType): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE visit_types SET name_en = $2, name_es = $3, description_en = $4, description_es = $5, duration_minutes = $6, modality = $7,
            booking = $8, practitioner_ids = $9::text[], questionnaire_ids = $10::text[], bring_en = $11, bring_es = $12, active = $13,
            sort_order = $14, updated_at = now()
      WHERE id = $1 RETURNING id`,
    [v.id, v.nameEn, v.nameEs, v.descriptionEn, v.descriptionEs, v.durationMinutes, v.modality, v.booking,
      v.practitionerIds, v.questionnaireIds, v.bringEn, v.bringEs, v.active, v.sortOrder],
  );
  return rows.length === 1;
}

type RawHours = { id: string; practitioner_id: string; location_id: string; weekday: number; start_minute: number; end_minute: number };
const toHours = (r: RawHours): HoursRow => ({
  id: r.id, practitionerId: r.practitioner_id, locationId: r.location_id, weekday: Number(r.weekday), startMinute: Number(r.start_minute), endMinute: Number(r.end_minute),
});

export async function listHours(db: Queryable, practitionerId?: string): Promise<HoursRow[]> {
  const rows = await db.query<RawHours>(
    `SELECT id, practitioner_id, location_id, weekday, start_minute, end_minute FROM clinician_hours
      WHERE $1::text IS NULL OR practitioner_id = $1 ORDER BY practitioner_id, weekday, start_minute`,
    [practitionerId ?? null],
  );
  return rows.map(toHours);
}

export async function findHours(db: Queryable, id: string): Promise<HoursRow | undefined> {
  const [row] = await db.query<RawHours>('SELECT id, practitioner_id, location_id, weekday, start_minute, end_minute FROM clinician_hours WHERE id = $1', [id]);
  return row && toHours(row);
}

export async function insertHours(tx: Queryable, h: HoursRow): Promise<void> {
  await tx.query(
    'INSERT INTO clinician_hours (id, practitioner_id, location_id, weekday, start_minute, end_minute) VALUES ($1, $2, $3, $4, $5, $6)',
    [h.id, h.practitionerId, h.locationId, h.weekday, h.startMinute, h.endMinute],
  );
}

export async function deleteHours(tx: Queryable, id: string): Promise<boolean> {
  return (await tx.query('DELETE FROM clinician_hours WHERE id = $1 RETURNING id', [id])).length === 1;
}

type RawException = { id: string; practitioner_id: string | null; day: string; start_minute: number | null; end_minute: number | null; reason: string };
const toException = (r: RawException): ExceptionRow => ({
  id: r.id, practitionerId: r.practitioner_id, day: r.day, reason: r.reason,
  startMinute: r.start_minute === null ? null : Number(r.start_minute), endMinute: r.end_minute === null ? null : Number(r.end_minute),
});
const EXCEPTION_COLUMNS = "id, practitioner_id, to_char(day, 'YYYY-MM-DD') AS day, start_minute, end_minute, reason";

/** Exceptions on or after a clinic day, soonest first. */
export async function listExceptions(db: Queryable, fromDay: string): Promise<ExceptionRow[]> {
  const rows = await db.query<RawException>(`SELECT ${EXCEPTION_COLUMNS} FROM schedule_exceptions WHERE day >= $1::date ORDER BY day, start_minute NULLS FIRST, id`, [fromDay]);
  return rows.map(toException);
}

export async function findException(db: Queryable, id: string): Promise<ExceptionRow | undefined> {
  const [row] = await db.query<RawException>(`SELECT ${EXCEPTION_COLUMNS} FROM schedule_exceptions WHERE id = $1`, [id]);
  return row && toException(row);
}

export async function insertException(tx: Queryable, e: ExceptionRow, createdBy: string | null): Promise<void> {
  await tx.query(
    'INSERT INTO schedule_exceptions (id, practitioner_id, day, start_minute, end_minute, reason, created_by) VALUES ($1, $2, $3::date, $4, $5, $6, $7)',
    [e.id, e.practitionerId, e.day, e.startMinute, e.endMinute, e.reason, createdBy],
  );
}

export async function deleteException(tx: Queryable, id: string): Promise<boolean> {
  return (await tx.query('DELETE FROM schedule_exceptions WHERE id = $1 RETURNING id', [id])).length === 1;
}

type RawAppointment = {
  id: string; patient_id: string; practitioner_id: string; location_id: string; visit_type_id: string;
  starts_at: Date | string; ends_at: Date | string; status: string; echeckin_completed_at: Date | string | null;
};
const toAppointment = (r: RawAppointment): AppointmentRow => ({
  id: r.id, patientId: r.patient_id, practitionerId: r.practitioner_id, locationId: r.location_id, visitTypeId: r.visit_type_id,
  startsAt: new Date(r.starts_at), endsAt: new Date(r.ends_at), status: r.status,
  echeckinCompletedAt: r.echeckin_completed_at ? new Date(r.echeckin_completed_at) : null,
});
const APPOINTMENT_COLUMNS = 'id, patient_id, practitioner_id, location_id, visit_type_id, starts_at, ends_at, status, echeckin_completed_at';

/** Statuses that hold a clinician's time (booked_units exist for them). */
export const HOLDING_STATUSES = ['proposed', 'booked', 'arrived', 'checked-in'];

/**
 * Appointments that hold time in [from, to): of one clinician (or of everyone when null),
 * optionally at one location. Used to refuse setup changes that would strand them.
 */
export async function holdingAppointments(db: Queryable, q: { practitionerId: string | null; locationId?: string; from: Date; to: Date }): Promise<AppointmentRow[]> {
  const rows = await db.query<RawAppointment>(
    `SELECT ${APPOINTMENT_COLUMNS} FROM appointments
      WHERE status = ANY($1::text[]) AND starts_at < $3 AND ends_at > $2
        AND ($4::text IS NULL OR practitioner_id = $4) AND ($5::text IS NULL OR location_id = $5)
      ORDER BY starts_at`,
    [HOLDING_STATUSES, q.from.toISOString(), q.to.toISOString(), q.practitionerId, q.locationId ?? null],
  );
  return rows.map(toAppointment);
}

/** Every appointment (any status but cancelled) starting in [from, to), for the day view. */
export async function appointmentsBetween(db: Queryable, from: Date, to: Date, practitionerId: string | null): Promise<AppointmentRow[]> {
  const rows = await db.query<RawAppointment>(
    `SELECT ${APPOINTMENT_COLUMNS} FROM appointments
      WHERE starts_at >= $1 AND starts_at < $2 AND status <> 'cancelled' AND ($3::text IS NULL OR practitioner_id = $3)
      ORDER BY starts_at, practitioner_id, id`,
    [from.toISOString(), to.toISOString(), practitionerId],
  );
  return rows.map(toAppointment);
}

export async function findAppointmentRow(db: Queryable, id: string): Promise<AppointmentRow | undefined> {
  const [row] = await db.query<RawAppointment>(`SELECT ${APPOINTMENT_COLUMNS} FROM appointments WHERE id = $1`, [id]);
  return row && toAppointment(row);
}

/** Moves an appointment from one of `from` to `to`; false when its status changed meanwhile. */
export async function setAppointmentStatus(tx: Queryable, id: string, from: string[], to: string): Promise<boolean> {
  const rows = await tx.query(
    'UPDATE appointments SET status = $3, updated_at = now() WHERE id = $1 AND status = ANY($2::text[]) RETURNING id',
    [id, from, to],
  );
  return rows.length === 1;
}
