import type { Queryable } from '../../platform/db/db.ts';

// All SQL of the scheduling slice. Availability is not PHI (no patient in it), so slot queries take
// the plain database; anything about a patient's appointments is reached through PatientAccess first.

export type SchedulingSettings = { timeZone: string; cancelCutoffHours: number; bookingHorizonDays: number; minNoticeMinutes: number };

export type VisitTypeRow = {
  id: string; name_en: string; name_es: string; description_en: string; description_es: string; duration_minutes: number;
  modality: 'in-person' | 'video'; booking: 'self' | 'request'; practitioner_ids: string[]; questionnaire_ids: string[];
  bring_en: string; bring_es: string; active: boolean; sort_order: number;
};

export type HoursRow = { practitioner_id: string; location_id: string; weekday: number; start_minute: number; end_minute: number };
export type ExceptionRow = { practitioner_id: string | null; day: string; start_minute: number | null; end_minute: number | null };

export type AppointmentRow = {
  id: string; patient_id: string; practitioner_id: string; location_id: string; visit_type_id: string;
  starts_at: Date; ends_at: Date; status: string; cancelled_at: Date | null; echeckin_completed_at: Date | null;
};

export async function loadSettings(db: Queryable): Promise<SchedulingSettings> {
  const [row] = await db.query<{ time_zone: string; cancel_cutoff_hours: number; booking_horizon_days: number; min_notice_minutes: number }>(
    'SELECT time_zone, cancel_cutoff_hours, booking_horizon_days, min_notice_minutes FROM scheduling_settings WHERE id = 1',
  );
  return {
    timeZone: row?.time_zone ?? 'America/Chicago',
    cancelCutoffHours: row?.cancel_cutoff_hours ?? 24,
    bookingHorizonDays: row?.booking_horizon_days ?? 60,
    minNoticeMinutes: row?.min_notice_minutes ?? 120,
  };
}

export async function findVisitType(db: Queryable, id: string): Promise<VisitTypeRow | undefined> {
  const [row] = await db.query<VisitTypeRow>('SELECT * FROM visit_types WHERE id = $1', [id]);
  return row;
}

export async function listVisitTypes(db: Queryable, options: { activeOnly: boolean }): Promise<VisitTypeRow[]> {
  return db.query<VisitTypeRow>(`SELECT * FROM visit_types ${options.activeOnly ? 'WHERE active' : ''} ORDER BY sort_order, id`);
}

/** Weekly hours of these clinicians (null: every clinician with hours). */
export async function hoursFor(db: Queryable, practitionerIds: string[] | null): Promise<HoursRow[]> {
  return db.query<HoursRow>(
    `SELECT practitioner_id, location_id, weekday, start_minute, end_minute FROM clinician_hours
      WHERE $1::text[] IS NULL OR practitioner_id = ANY($1::text[]) ORDER BY practitioner_id, weekday, start_minute`,
    [practitionerIds],
  );
}

/** Exceptions of these clinicians and clinic-wide closures between two clinic days (inclusive, YYYY-MM-DD). */
export async function exceptionsFor(db: Queryable, practitionerIds: string[], fromDay: string, toDay: string): Promise<ExceptionRow[]> {
  return db.query<ExceptionRow>(
    `SELECT practitioner_id, to_char(day, 'YYYY-MM-DD') AS day, start_minute, end_minute FROM schedule_exceptions
      WHERE day BETWEEN $2::date AND $3::date AND (practitioner_id IS NULL OR practitioner_id = ANY($1::text[]))`,
    [practitionerIds, fromDay, toDay],
  );
}

/** Booked 5-minute units of these clinicians in [from, to). */
export async function bookedUnitsFor(db: Queryable, practitionerIds: string[], from: Date, to: Date): Promise<{ practitioner_id: string; unit_start: Date; appointment_id: string }[]> {
  if (practitionerIds.length === 0) return [];
  return db.query<{ practitioner_id: string; unit_start: Date; appointment_id: string }>(
    `SELECT practitioner_id, unit_start, appointment_id FROM booked_units
      WHERE practitioner_id = ANY($1::text[]) AND unit_start >= $2 AND unit_start < $3`,
    [practitionerIds, from.toISOString(), to.toISOString()],
  );
}

export async function insertAppointment(tx: Queryable, a: {
  id: string; patientId: string; practitionerId: string; locationId: string; visitTypeId: string; startsAt: Date; endsAt: Date; status: string; bookedBy: string | null;
}): Promise<void> {
  await tx.query(
    `INSERT INTO appointments (id, patient_id, practitioner_id, location_id, visit_type_id, starts_at, ends_at, status, booked_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [a.id, a.patientId, a.practitionerId, a.locationId, a.visitTypeId, a.startsAt.toISOString(), a.endsAt.toISOString(), a.status, a.bookedBy],
  );
}

/**
 * Claims every 5-minute unit of [startsAt, endsAt) for the clinician. Two overlapping bookings
 * collide on the primary key (SQLSTATE 23505), which is how double booking is refused.
 */
export async function insertUnits(tx: Queryable, appointmentId: string, practitionerId: string, startsAt: Date, endsAt: Date): Promise<void> {
  const units: string[] = [];
  for (let t = startsAt.getTime(); t < endsAt.getTime(); t += 5 * 60_000) units.push(new Date(t).toISOString());
  await tx.query(
    `INSERT INTO booked_units (practitioner_id, unit_start, appointment_id)
     SELECT $1, u, $2 FROM unnest($3::timestamptz[]) AS u`,
    [practitionerId, appointmentId, units],
  );
}

export async function releaseUnits(tx: Queryable, appointmentId: string): Promise<void> {
  await tx.query('DELETE FROM booked_units WHERE appointment_id = $1', [appointmentId]);
}

/** Marks an appointment cancelled if it is still booked; false when it was not (already cancelled, or gone). */
export async function markCancelled(tx: Queryable, appointmentId: string, patientId: string): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE appointments SET status = 'cancelled', cancelled_at = now(), updated_at = now()
      WHERE id = $1 AND patient_id = $2 AND status IN ('booked', 'proposed') RETURNING id`,
    [appointmentId, patientId],
  );
  return rows.length === 1;
}

export async function findAppointment(db: Queryable, id: string): Promise<AppointmentRow | undefined> {
  const [row] = await db.query<AppointmentRow>('SELECT * FROM appointments WHERE id = $1', [id]);
  return row;
}

export async function appointmentsOfPatient(db: Queryable, patientId: string): Promise<AppointmentRow[]> {
  return db.query<AppointmentRow>('SELECT * FROM appointments WHERE patient_id = $1 ORDER BY starts_at', [patientId]);
}

/** True when the error is the booked_units primary key refusing a second booking of the same time. */
export function isSlotCollision(err: unknown): boolean {
  const e = err as { code?: string; constraint?: string; message?: string };
  // 40P01: two overlapping bookings that deadlocked; PostgreSQL aborted one, which lost the race.
  if (e?.code === '40P01') return true;
  return e?.code === '23505' && (e.constraint === 'booked_units_pkey' || /booked_units/.test(String(e.message)));
}

/** Where to send a patient's appointment emails: their own account, else nobody (the caller falls back to the actor). */
export async function accountEmailOf(db: Queryable, patientId: string): Promise<{ email: string; locale: 'en' | 'es' } | undefined> {
  const [row] = await db.query<{ email: string; locale: 'en' | 'es' }>(
    'SELECT email, locale FROM users WHERE patient_id = $1 AND disabled_at IS NULL', [patientId],
  );
  return row;
}

export async function userEmail(db: Queryable, userId: string): Promise<{ email: string; locale: 'en' | 'es' } | undefined> {
  const [row] = await db.query<{ email: string; locale: 'en' | 'es' }>('SELECT email, locale FROM users WHERE id = $1 AND disabled_at IS NULL', [userId]);
  return row;
}
