import { randomUUID } from 'node:crypto';
import type { Appointment, Location, Organization, Practitioner } from '@medplum/fhirtypes';
import type { AppContext } from '../../context.ts';
import type { Queryable } from '../../platform/db/db.ts';
import type { PatientAccess } from '../../platform/access/patient-access.ts';
import { writeResources } from '../../platform/fhir-store/write.ts';
import { patientDisplayName } from '../../platform/fhir-store/display.ts';
import { AppError } from '../../platform/http/errors.ts';
import { enqueueMail } from '../../platform/mail/outbox.ts';
import { planReminders } from '../reminders/plan.ts';
import { offerOpening } from '../waitlist/opening.ts';
import { appointmentMail } from './appointment-mail.ts';
import { bookedAppointment, cancelledAppointment } from './appointment-resource.ts';
import { placeOf, practitionerName } from './place.ts';
import {
  accountEmailOf, bookedUnitsFor, exceptionsFor, findAppointment, findVisitType, hoursFor, insertAppointment, insertUnits, isSlotCollision,
  loadSettings, markCancelled, releaseUnits, userEmail, type AppointmentRow,
} from './scheduling.queries.ts';
import { computeSlots, unitKey, type Slot } from './slots.ts';
import { DateTime } from 'luxon';

export type { Slot } from './slots.ts';

export type FreeSlotQuery = { visitTypeId: string; practitionerId?: string; locationId?: string; from: Date; to: Date };
export type BookingInput = { visitTypeId: string; practitionerId: string; locationId: string; startsAt: string };
export type Booked = { id: string; startsAt: string; endsAt: string };

const DAY_MS = 86_400_000;

/**
 * Free times for a visit type between `from` and `to` (start times), for its clinicians (or one),
 * at their locations (or one): weekly hours minus exceptions and clinic closures minus booked time,
 * no earlier than the minimum notice and no later than the booking horizon. Request-only and
 * inactive visit types have none. Not PHI: no patient is involved.
 */
export async function freeSlots(ctx: AppContext, q: FreeSlotQuery, options: { ignoreAppointmentId?: string } = {}): Promise<Slot[]> {
  const visitType = await findVisitType(ctx.db, q.visitTypeId);
  if (!visitType || !visitType.active || visitType.booking !== 'self') return [];
  const settings = await loadSettings(ctx.db);
  const now = Date.now();
  const earliest = new Date(Math.max(q.from.getTime(), now + settings.minNoticeMinutes * 60_000));
  const latest = new Date(Math.min(q.to.getTime(), now + settings.bookingHorizonDays * DAY_MS));
  if (earliest > latest) return [];
  // An empty list on the visit type means "any clinician with hours".
  let practitioners: string[] | null = visitType.practitioner_ids.length ? visitType.practitioner_ids : null;
  if (q.practitionerId) {
    if (practitioners && !practitioners.includes(q.practitionerId)) return [];
    practitioners = [q.practitionerId];
  }
  const hours = (await hoursFor(ctx.db, practitioners)).filter((h) => !q.locationId || h.location_id === q.locationId);
  const who = [...new Set(hours.map((h) => h.practitioner_id))];
  if (who.length === 0) return [];
  const zoneDay = (d: Date) => DateTime.fromJSDate(d, { zone: settings.timeZone }).toISODate()!;
  const exceptions = await exceptionsFor(ctx.db, who, zoneDay(earliest), zoneDay(latest));
  const units = await bookedUnitsFor(ctx.db, who, earliest, new Date(latest.getTime() + visitType.duration_minutes * 60_000));
  const booked = new Set(units.filter((u) => u.appointment_id !== options.ignoreAppointmentId).map((u) => unitKey(u.practitioner_id, new Date(u.unit_start).getTime())));
  return computeSlots({ timeZone: settings.timeZone, durationMinutes: visitType.duration_minutes, hours, exceptions, booked, earliest, latest });
}

/** Up to three other free times near the one that was taken: same clinician first, then anyone. */
export async function alternativesTo(ctx: AppContext, input: BookingInput, after: Date): Promise<Slot[]> {
  const window = { visitTypeId: input.visitTypeId, from: after, to: new Date(after.getTime() + 14 * DAY_MS) };
  const taken = (s: Slot) => s.startsAt === new Date(input.startsAt).toISOString() && s.practitionerId === input.practitionerId;
  const same = (await freeSlots(ctx, { ...window, practitionerId: input.practitionerId, locationId: input.locationId })).filter((s) => !taken(s));
  if (same.length >= 3) return same.slice(0, 3);
  const others = (await freeSlots(ctx, window)).filter((s) => !taken(s) && !same.some((x) => x.startsAt === s.startsAt && x.practitionerId === s.practitionerId));
  return [...same, ...others].slice(0, 3);
}

async function slotTaken(ctx: AppContext, input: BookingInput): Promise<AppError> {
  const at = new Date(input.startsAt);
  const slots = await alternativesTo(ctx, input, new Date(Math.max(Date.now(), at.getTime() - 2 * 3_600_000)));
  // Named, so the page can offer them as they are (clinic data, not PHI).
  const name = async (type: string, id: string) => (await ctx.store.readRow(type, id))?.resource;
  const alternatives = [];
  for (const s of slots) {
    alternatives.push({
      ...s,
      practitionerName: practitionerName((await name('Practitioner', s.practitionerId)) as Practitioner | undefined),
      locationName: ((await name('Location', s.locationId)) as Location | undefined)?.name ?? '',
    });
  }
  return new AppError('SLOT_TAKEN', 'That time was just taken. Please pick another time.', { extra: { alternatives } });
}

/**
 * Books a visit for the patient in context, in ONE transaction: the appointments row, one
 * booked_units row per 5 minutes (the primary key refuses any overlap, even between two nodes at
 * the same instant), the FHIR Appointment, the reminder plan and the confirmation email. A time
 * that is not free answers 409 SLOT_TAKEN with up to three alternatives (`alternatives` in the
 * problem body). `replacing`: an appointment of the same patient that is cancelled in the same
 * transaction (reschedule, or accepting an earlier time from the waitlist); its time is offered to
 * the waitlist after commit.
 */
export async function bookAppointment(
  ctx: AppContext, access: PatientAccess, input: BookingInput,
  options: {
    replacing?: string;
    /** More writes that must commit with the booking or not at all (accepting a waitlist offer). */
    alsoInTransaction?: (tx: Queryable, booked: { id: string; startsAt: Date; endsAt: Date }) => Promise<void>;
  } = {},
): Promise<Booked> {
  const visitType = await findVisitType(ctx.db, input.visitTypeId);
  if (!visitType || !visitType.active) throw new AppError('NOT_FOUND', 'We could not find that kind of visit.');
  if (visitType.booking !== 'self') throw new AppError('VALIDATION', 'This kind of visit cannot be booked online. Send a request and the clinic will call you.');
  const startsAt = new Date(input.startsAt);
  if (Number.isNaN(startsAt.getTime())) throw new AppError('VALIDATION', 'Choose a time from the list.');
  const endsAt = new Date(startsAt.getTime() + visitType.duration_minutes * 60_000);

  let replaced: { row: AppointmentRow; resource: Appointment } | undefined;
  if (options.replacing) {
    const resource = await access.read<Appointment>('Appointment', options.replacing);
    const row = await findAppointment(ctx.db, options.replacing);
    if (!row || row.patient_id !== access.patientId) throw new AppError('NOT_FOUND', 'We could not find that appointment.');
    if (row.status !== 'booked') throw new AppError('VERSION_CONFLICT', 'This visit is no longer booked, so it cannot be moved.');
    replaced = { row, resource };
  }

  const offered = await freeSlots(ctx, { visitTypeId: visitType.id, practitionerId: input.practitionerId, locationId: input.locationId, from: startsAt, to: startsAt },
    replaced ? { ignoreAppointmentId: replaced.row.id } : {});
  if (!offered.some((s) => s.startsAt === startsAt.toISOString())) throw await slotTaken(ctx, input);

  const patient = await access.readPatient();
  const practitioner = await access.read<Practitioner>('Practitioner', input.practitionerId);
  const location = await access.read<Location>('Location', input.locationId);
  const organization = location.managingOrganization?.reference?.startsWith('Organization/')
    ? (await ctx.store.readRow('Organization', location.managingOrganization.reference.slice('Organization/'.length)))?.resource as Organization | undefined
    : undefined;
  const recipient = (await accountEmailOf(ctx.db, access.patientId)) ?? (await userEmail(ctx.db, access.actor.userId));
  const settings = await loadSettings(ctx.db);

  const id = randomUUID();
  const resource = bookedAppointment({
    id, visitType, startsAt, endsAt, created: new Date().toISOString(),
    patient: { reference: `Patient/${access.patientId}`, display: patientDisplayName(patient) },
    practitioner: { reference: `Practitioner/${input.practitionerId}`, display: practitionerName(practitioner) },
    location: { reference: `Location/${input.locationId}`, display: location.name ?? '' },
  });
  try {
    await ctx.db.transaction(async (tx) => {
      if (replaced) {
        await releaseUnits(tx, replaced.row.id);
        if (!(await markCancelled(tx, replaced.row.id, access.patientId))) throw new AppError('VERSION_CONFLICT', 'This visit is no longer booked, so it cannot be moved.');
        await writeResources(tx, [{ kind: 'put', resource: cancelledAppointment(replaced.resource, 'rescheduled') }], ctx.keyring);
      }
      await insertAppointment(tx, {
        id, patientId: access.patientId, practitionerId: input.practitionerId, locationId: input.locationId, visitTypeId: visitType.id,
        startsAt, endsAt, status: 'booked', bookedBy: access.actor.userId,
      });
      await insertUnits(tx, id, input.practitionerId, startsAt, endsAt);
      await writeResources(tx, [{ kind: 'put', resource }], ctx.keyring);
      await planReminders(tx, { id, startsAt });
      await options.alsoInTransaction?.(tx, { id, startsAt, endsAt });
      if (recipient) {
        await enqueueMail(tx, ctx.keyring, appointmentMail({
          kind: replaced ? 'moved' : 'booked', to: recipient.email, locale: recipient.locale, startsAt, timeZone: settings.timeZone,
          place: placeOf(location), video: visitType.modality === 'video', clinicName: organization?.name ?? '',
          link: `${ctx.config.publicUrl}/appointments`,
        }));
      }
    });
  } catch (err) {
    if (isSlotCollision(err)) throw await slotTaken(ctx, input);
    throw err;
  }
  await auditAppointment(ctx, access, 'create', id, `visit-type=${visitType.id}${replaced ? `&replaces=${replaced.row.id}` : ''}`);
  if (replaced) {
    await auditAppointment(ctx, access, 'update', replaced.row.id, 'status=cancelled&reason=rescheduled');
    await openingAfterCommit(ctx, replaced.row);
  }
  return { id, startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString() };
}

/** Tells the waitlist about freed time; a waitlist failure never undoes the patient's change. */
export async function openingAfterCommit(ctx: AppContext, row: AppointmentRow): Promise<void> {
  try {
    await offerOpening(ctx, { practitionerId: row.practitioner_id, locationId: row.location_id, startsAt: new Date(row.starts_at), endsAt: new Date(row.ends_at) });
  } catch {
    // offerOpening promises not to throw; this is a second fence, not an expected path.
  }
}

/** One audit event about an appointment (ids and codes only, never free text). */
export async function auditAppointment(ctx: AppContext, access: PatientAccess, action: string, id: string, query: string): Promise<void> {
  await ctx.audit.record({
    actorId: access.actor.userId, actorRole: access.actor.role, patientId: access.patientId, action, entityType: 'Appointment', entityId: id,
    query, outcome: 'success', ip: access.actor.ip ?? null, requestId: access.actor.requestId ?? null,
  });
}
