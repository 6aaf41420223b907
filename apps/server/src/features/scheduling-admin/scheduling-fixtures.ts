import { randomUUID } from 'node:crypto';
import type { Appointment } from '@medplum/fhirtypes';
import type { AppContext } from '../../context.ts';
import { insertVisitType } from './admin.queries.ts';
import { addDays, clinicInstant, clinicToday } from './clinic-time.ts';

/** Test fixtures for scheduling (integration tests only). Unique ids per call. */

export async function createClinician(ctx: AppContext, family = 'Rivera'): Promise<string> {
  const id = `pract-${randomUUID().slice(0, 8)}`;
  await ctx.store.update({ resourceType: 'Practitioner', id, active: true, name: [{ use: 'official', prefix: ['Dr.'], given: ['Alex'], family }] });
  return id;
}

export async function createLocation(ctx: AppContext, name = 'Test Clinic'): Promise<string> {
  const id = `loc-${randomUUID().slice(0, 8)}`;
  await ctx.store.update({ resourceType: 'Location', id, status: 'active', name });
  return id;
}

export async function createVisitTypeRow(ctx: AppContext, o: { practitionerIds?: string[]; minutes?: number } = {}): Promise<string> {
  const id = `vt-${randomUUID().slice(0, 8)}`;
  await insertVisitType(ctx.db, {
    id, nameEn: 'Test visit', nameEs: 'Consulta de prueba', descriptionEn: '', descriptionEs: '', durationMinutes: o.minutes ?? 20, modality: 'in-person',
    booking: 'self', practitionerIds: o.practitionerIds ?? [], questionnaireIds: [], bringEn: '', bringEs: '', active: true, sortOrder: 0,
  });
  return id;
}

/** The next clinic day (from tomorrow on) that falls on the weekday, YYYY-MM-DD. */
export function nextWeekday(zone: string, weekday: number): string {
  let day = addDays(clinicToday(zone), 1);
  while (new Date(`${day}T12:00:00Z`).getUTCDay() !== weekday) day = addDays(day, 1);
  return day;
}

/**
 * Books directly, the way the booking slice does (appointments row, booked_units rows and the FHIR
 * Appointment in one transaction), so this slice's tests do not depend on that slice's code.
 */
export async function insertAppointment(ctx: AppContext, a: {
  patientId: string; practitionerId: string; locationId: string; visitTypeId: string; zone: string; day: string; minute: number; minutes?: number; status?: string;
}): Promise<{ id: string; startsAt: Date; endsAt: Date }> {
  const id = randomUUID();
  const startsAt = clinicInstant(a.zone, a.day, a.minute);
  const endsAt = new Date(startsAt.getTime() + (a.minutes ?? 20) * 60_000);
  const status = a.status ?? 'booked';
  const resource: Appointment = {
    resourceType: 'Appointment', id, status: status as Appointment['status'], start: startsAt.toISOString(), end: endsAt.toISOString(),
    participant: [
      { actor: { reference: `Patient/${a.patientId}` }, status: 'accepted' },
      { actor: { reference: `Practitioner/${a.practitionerId}` }, status: 'accepted' },
      { actor: { reference: `Location/${a.locationId}` }, status: 'accepted' },
    ],
  };
  await ctx.store.update(resource);
  await ctx.db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO appointments (id, patient_id, practitioner_id, location_id, visit_type_id, starts_at, ends_at, status) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [id, a.patientId, a.practitionerId, a.locationId, a.visitTypeId, startsAt.toISOString(), endsAt.toISOString(), status],
    );
    const units: string[] = [];
    for (let t = startsAt.getTime(); t < endsAt.getTime(); t += 5 * 60_000) units.push(new Date(t).toISOString());
    await tx.query('INSERT INTO booked_units (practitioner_id, unit_start, appointment_id) SELECT $1, u, $2 FROM unnest($3::timestamptz[]) AS u', [a.practitionerId, id, units]);
  });
  return { id, startsAt, endsAt };
}
