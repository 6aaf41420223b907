import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../context.ts';

/**
 * A small clinic for scheduling tests, unique per call: an Organization, a Location with an address
 * and phone, a Practitioner, a visit type and weekly hours. Returns the ids.
 */
export async function buildClinic(ctx: AppContext, options: {
  weekdays?: number[]; startMinute?: number; endMinute?: number; durationMinutes?: number; booking?: 'self' | 'request'; modality?: 'in-person' | 'video';
  practitionerId?: string; locationId?: string; nameEn?: string;
} = {}) {
  const tag = randomUUID().slice(0, 8);
  const organizationId = `org-${tag}`;
  const locationId = options.locationId ?? `loc-${tag}`;
  const practitionerId = options.practitionerId ?? `pract-${tag}`;
  const visitTypeId = `vt-${tag}`;
  await ctx.store.update({ resourceType: 'Organization', id: organizationId, name: `Clinic ${tag}`, telecom: [{ system: 'phone', value: '+1-555-010-9000' }] });
  if (!options.locationId) {
    await ctx.store.update({
      resourceType: 'Location', id: locationId, status: 'active', name: `Main Street Clinic ${tag}`,
      address: { line: ['12 Main Street'], city: 'Riverbend', state: 'MN', postalCode: '55401' },
      telecom: [{ system: 'phone', value: '+1-555-010-4242' }], managingOrganization: { reference: `Organization/${organizationId}` },
    });
  }
  if (!options.practitionerId) {
    await ctx.store.update({ resourceType: 'Practitioner', id: practitionerId, name: [{ prefix: ['Dr.'], given: ['Rita'], family: `Lopez${tag}` }] });
  }
  await ctx.db.query(
    `INSERT INTO visit_types (id, name_en, name_es, duration_minutes, modality, booking, practitioner_ids, bring_en, bring_es)
     VALUES ($1, $2, $3, $4, $5, $6, $7, 'Your medicines.', 'Sus medicinas.')`,
    [visitTypeId, options.nameEn ?? `Check-up ${tag}`, `Chequeo ${tag}`, options.durationMinutes ?? 20, options.modality ?? 'in-person', options.booking ?? 'self', [practitionerId]],
  );
  for (const weekday of options.weekdays ?? [1, 2, 3, 4, 5]) {
    await ctx.db.query(
      'INSERT INTO clinician_hours (id, practitioner_id, location_id, weekday, start_minute, end_minute) VALUES ($1, $2, $3, $4, $5, $6)',
      [randomUUID(), practitionerId, locationId, weekday, options.startMinute ?? 540, options.endMinute ?? 720],
    );
  }
  return { organizationId, locationId, practitionerId, visitTypeId };
}

/** A second visit type for the same clinician (e.g. a longer one that overlaps). */
export async function addVisitType(ctx: AppContext, practitionerId: string, durationMinutes: number, extra: { modality?: 'in-person' | 'video'; booking?: 'self' | 'request' } = {}) {
  const id = `vt-${randomUUID().slice(0, 8)}`;
  await ctx.db.query(
    `INSERT INTO visit_types (id, name_en, name_es, duration_minutes, modality, booking, practitioner_ids) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [id, `Visit ${id}`, `Visita ${id}`, durationMinutes, extra.modality ?? 'in-person', extra.booking ?? 'self', [practitionerId]],
  );
  return id;
}

export async function setSchedulingSettings(ctx: AppContext, s: { minNoticeMinutes?: number; bookingHorizonDays?: number; cancelCutoffHours?: number; timeZone?: string }) {
  await ctx.db.query(
    `UPDATE scheduling_settings SET min_notice_minutes = COALESCE($1, min_notice_minutes), booking_horizon_days = COALESCE($2, booking_horizon_days),
            cancel_cutoff_hours = COALESCE($3, cancel_cutoff_hours), time_zone = COALESCE($4, time_zone) WHERE id = 1`,
    [s.minNoticeMinutes ?? null, s.bookingHorizonDays ?? null, s.cancelCutoffHours ?? null, s.timeZone ?? null],
  );
}

/**
 * A booked visit (table row, booked units and FHIR Appointment) for a patient, written straight in
 * (no hours needed): the authorization matrix aims /api/appointments/:id routes at its id.
 */
export async function seedAppointmentFor(ctx: AppContext, patientId: string): Promise<string[]> {
  const c = await buildClinic(ctx);
  const id = randomUUID();
  const startsAt = new Date(Date.now() + 10 * 86_400_000);
  startsAt.setUTCMinutes(0, 0, 0);
  const endsAt = new Date(startsAt.getTime() + 20 * 60_000);
  await ctx.db.query(
    `INSERT INTO appointments (id, patient_id, practitioner_id, location_id, visit_type_id, starts_at, ends_at, status) VALUES ($1, $2, $3, $4, $5, $6, $7, 'booked')`,
    [id, patientId, c.practitionerId, c.locationId, c.visitTypeId, startsAt.toISOString(), endsAt.toISOString()],
  );
  await ctx.store.update({
    resourceType: 'Appointment', id, status: 'booked', start: startsAt.toISOString(), end: endsAt.toISOString(), minutesDuration: 20,
    participant: [
      { actor: { reference: `Patient/${patientId}` }, status: 'accepted' },
      { actor: { reference: `Practitioner/${c.practitionerId}` }, status: 'accepted' },
      { actor: { reference: `Location/${c.locationId}` }, status: 'accepted' },
    ],
  });
  return [id];
}
