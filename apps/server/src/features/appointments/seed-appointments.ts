import type { Appointment, Location, Patient, Practitioner } from '@medplum/fhirtypes';
import { DateTime } from 'luxon';
import type { AppContext } from '../../context.ts';
import { patientDisplayName } from '../../platform/fhir-store/display.ts';
import { writeResources } from '../../platform/fhir-store/write.ts';
import { bookedAppointment } from './appointment-resource.ts';
import { planReminders } from '../reminders/plan.ts';
import { practitionerName } from './place.ts';
import { findVisitType, insertUnits, loadSettings } from './scheduling.queries.ts';

const SEED_KEY = 'demo_appointments_seed';

type Spec = {
  id: string; patientId: string; visitTypeId: string; practitionerId: string; locationId: string;
  /** Days from the seed date; moved forward to the next day the clinician works when needed. */
  days: number; minute: number; workdays: number[]; status: 'booked' | 'fulfilled';
};

const PATEL_DAYS = [1, 2, 3, 4, 5];
/** Dr. Patel also sees patients on Saturday mornings (seed-scheduling.ts). */
const PATEL_DAYS_WITH_SATURDAY = [1, 2, 3, 4, 5, 6];
const MENSAH_DAYS = [1, 2, 3, 4];

/**
 * Ana's physical on the next day Dr. Patel works after the seed date (at most 2 days later, so
 * eCheck-in, open from 3 days before, is always open in the demo and its e2e), at 10:00; later
 * visits, and some history.
 */
export const DEMO_APPOINTMENTS: Spec[] = [
  { id: 'demo-appointment-ana-physical', patientId: 'demo-patient-ana', visitTypeId: 'annual-physical', practitionerId: 'demo-practitioner-patel', locationId: 'demo-location-main', days: 1, minute: 600, workdays: PATEL_DAYS_WITH_SATURDAY, status: 'booked' },
  { id: 'demo-appointment-ana-follow-up', patientId: 'demo-patient-ana', visitTypeId: 'follow-up', practitionerId: 'demo-practitioner-patel', locationId: 'demo-location-main', days: 36, minute: 560, workdays: PATEL_DAYS, status: 'booked' },
  { id: 'demo-appointment-ethan-well-child', patientId: 'demo-patient-ethan', visitTypeId: 'well-child', practitionerId: 'demo-practitioner-mensah', locationId: 'demo-location-westside', days: 10, minute: 570, workdays: MENSAH_DAYS, status: 'booked' },
  { id: 'demo-appointment-ana-past-follow-up', patientId: 'demo-patient-ana', visitTypeId: 'follow-up', practitionerId: 'demo-practitioner-patel', locationId: 'demo-location-main', days: -42, minute: 840, workdays: PATEL_DAYS, status: 'fulfilled' },
  { id: 'demo-appointment-ana-past-sick', patientId: 'demo-patient-ana', visitTypeId: 'sick-visit', practitionerId: 'demo-practitioner-patel', locationId: 'demo-location-main', days: -120, minute: 540, workdays: PATEL_DAYS, status: 'fulfilled' },
  { id: 'demo-appointment-david-past-sick', patientId: 'demo-patient-david', visitTypeId: 'sick-visit', practitionerId: 'demo-practitioner-patel', locationId: 'demo-location-main', days: -25, minute: 620, workdays: PATEL_DAYS, status: 'fulfilled' },
];

/** The instant of a spec: seed date + days, moved to the next working weekday, at the wall-clock minute. */
export function demoAppointmentStart(spec: Pick<Spec, 'days' | 'minute' | 'workdays'>, anchorDate: string, timeZone: string): Date {
  let day = DateTime.fromISO(anchorDate, { zone: timeZone }).startOf('day').plus({ days: spec.days });
  while (!spec.workdays.includes(day.weekday % 7)) day = day.plus({ days: 1 });
  return day.set({ hour: Math.floor(spec.minute / 60), minute: spec.minute % 60 }).toJSDate();
}

/**
 * Books the demo visits once (after the scheduling seed, whose visit types they use): fixed ids,
 * ON CONFLICT, a marker row, one transaction. Skips a visit whose visit type or people are missing.
 */
export async function seedDemoAppointments(ctx: AppContext, anchorDate: string): Promise<void> {
  if ((await ctx.db.query('SELECT 1 FROM app_settings WHERE key = $1', [SEED_KEY])).length > 0) return;
  const settings = await loadSettings(ctx.db);
  const planned: { spec: Spec; startsAt: Date; endsAt: Date; resource: Appointment }[] = [];
  for (const spec of DEMO_APPOINTMENTS) {
    const visitType = await findVisitType(ctx.db, spec.visitTypeId);
    const patient = (await ctx.store.readRow('Patient', spec.patientId))?.resource as Patient | undefined;
    const practitioner = (await ctx.store.readRow('Practitioner', spec.practitionerId))?.resource as Practitioner | undefined;
    const location = (await ctx.store.readRow('Location', spec.locationId))?.resource as Location | undefined;
    if (!visitType || !patient || !practitioner || !location) continue;
    const startsAt = demoAppointmentStart(spec, anchorDate, settings.timeZone);
    const endsAt = new Date(startsAt.getTime() + visitType.duration_minutes * 60_000);
    const resource = {
      ...bookedAppointment({
        id: spec.id, visitType, startsAt, endsAt, created: DateTime.fromISO(anchorDate).minus({ days: 60 }).toISO()!,
        patient: { reference: `Patient/${spec.patientId}`, display: patientDisplayName(patient) },
        practitioner: { reference: `Practitioner/${spec.practitionerId}`, display: practitionerName(practitioner) },
        location: { reference: `Location/${spec.locationId}`, display: location.name ?? '' },
      }),
      status: spec.status,
    };
    planned.push({ spec, startsAt, endsAt, resource });
  }
  await ctx.db.transaction(async (tx) => {
    for (const { spec, startsAt, endsAt } of planned) {
      const inserted = await tx.query(
        `INSERT INTO appointments (id, patient_id, practitioner_id, location_id, visit_type_id, starts_at, ends_at, status)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (id) DO NOTHING RETURNING id`,
        [spec.id, spec.patientId, spec.practitionerId, spec.locationId, spec.visitTypeId, startsAt.toISOString(), endsAt.toISOString(), spec.status],
      );
      if (inserted.length > 0 && spec.status === 'booked') {
        await insertUnits(tx, spec.id, spec.practitionerId, startsAt, endsAt);
        await planReminders(tx, { id: spec.id, startsAt });
      }
    }
    await writeResources(tx, planned.map((p) => ({ kind: 'put' as const, resource: p.resource })), ctx.keyring);
    await tx.query('INSERT INTO app_settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING', [SEED_KEY, JSON.stringify({ anchorDate })]);
  });
}
