import { randomUUID } from 'node:crypto';
import { markItemNotificationsRead } from '../../platform/notifications/notifications.ts';
import type { Appointment, Practitioner } from '@medplum/fhirtypes';
import { DateTime } from 'luxon';
import type { AppointmentList, AppointmentView, CancelReason, VisitRequest, VisitRequestView } from '@ourchart/contracts';
import type { AppContext } from '../../context.ts';
import type { PatientAccess } from '../../platform/access/patient-access.ts';
import { patientDisplayName } from '../../platform/fhir-store/display.ts';
import { writeResources } from '../../platform/fhir-store/write.ts';
import { AppError } from '../../platform/http/errors.ts';
import { enqueueMail } from '../../platform/mail/outbox.ts';
import { appointmentMail } from './appointment-mail.ts';
import { cancelledAppointment, proposedAppointment } from './appointment-resource.ts';
import { clinicPhoneFor, toRequestView, toView, viewContext, type Locale } from './appointment-view.ts';
import { auditAppointment, bookAppointment, openingAfterCommit } from './booking.ts';
import { appointmentIcs } from './ics.ts';
import { placeOf, practitionerName } from './place.ts';
import { accountEmailOf, appointmentsOfPatient, findAppointment, findVisitType, markCancelled, releaseUnits, userEmail, type AppointmentRow } from './scheduling.queries.ts';

type Deps = { ctx: AppContext; access: PatientAccess; locale: Locale };

const NOT_FOUND = 'We could not find that appointment.';
const MAX_LISTED = '500';

/** The patient's visits: upcoming (soonest first), past and cancelled (newest first), and requests. */
export async function listAppointments({ ctx, access, locale }: Deps): Promise<AppointmentList> {
  const found = await access.search<Appointment>('Appointment', [['_count', MAX_LISTED]]);
  const rows = new Map((await appointmentsOfPatient(ctx.db, access.patientId)).map((r) => [r.id, r]));
  const vc = await viewContext(ctx, locale);
  const upcoming: AppointmentView[] = [];
  const past: AppointmentView[] = [];
  const requests: VisitRequestView[] = [];
  for (const a of found.resources) {
    const row = rows.get(a.id!);
    if (!row && !a.start) {
      requests.push(await toRequestView(vc, a));
      continue;
    }
    const view = await toView(vc, a, row);
    const active = ['booked', 'arrived', 'checked-in'].includes(view.status);
    (active && Date.parse(view.endsAt) > vc.now ? upcoming : past).push(view);
  }
  upcoming.sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  past.sort((a, b) => b.startsAt.localeCompare(a.startsAt));
  requests.sort((a, b) => (b.requestedAt ?? '').localeCompare(a.requestedAt ?? ''));
  // Seeing the list reads this user's reminders about the visits on it.
  for (const v of upcoming) await markItemNotificationsRead(ctx.db, access.actor.userId, 'Appointment', v.id);
  return { timeZone: vc.settings.timeZone, upcoming, past, requests };
}

/** A visit of the patient in context, read through PatientAccess (another patient's id is 404). */
export async function findOwnAppointment(ctx: AppContext, access: PatientAccess, id: string): Promise<{ resource: Appointment; row: AppointmentRow | undefined }> {
  const resource = await access.read<Appointment>('Appointment', id);
  const row = await findAppointment(ctx.db, id);
  if (row && row.patient_id !== access.patientId) throw new AppError('NOT_FOUND', NOT_FOUND);
  return { resource, row };
}

export async function getAppointment({ ctx, access, locale }: Deps, id: string): Promise<AppointmentView> {
  const { resource, row } = await findOwnAppointment(ctx, access, id);
  if (!row) throw new AppError('NOT_FOUND', NOT_FOUND);
  return toView(await viewContext(ctx, locale), resource, row);
}

/** Refuses a change after the cut-off, giving the clinic's phone number. */
async function assertChangeable(deps: Deps, row: AppointmentRow, what: 'cancel' | 'move'): Promise<void> {
  if (row.status !== 'booked') throw new AppError('VERSION_CONFLICT', 'This visit is no longer booked, so it cannot be changed.');
  const vc = await viewContext(deps.ctx, deps.locale);
  const cutoff = new Date(row.starts_at).getTime() - vc.settings.cancelCutoffHours * 3_600_000;
  if (Date.now() < cutoff) return;
  const phone = (await clinicPhoneFor(vc, row.location_id)) ?? 'the clinic';
  const verb = what === 'cancel' ? 'cancel' : 'move';
  throw new AppError('TOO_LATE_TO_CHANGE', `Visits can be changed online until ${vc.settings.cancelCutoffHours} hours before they start. To ${verb} this visit, please call ${phone}.`, {
    extra: { clinicPhone: phone === 'the clinic' ? null : phone },
  });
}

/**
 * Cancels a booked visit before the cut-off: frees its time (booked_units), marks it cancelled in
 * the table and the FHIR Appointment (with the reason code), queues an email, all in one
 * transaction; then offers the time to the waitlist.
 */
export async function cancelAppointment(deps: Deps, id: string, reason: CancelReason | undefined): Promise<AppointmentView> {
  const { ctx, access } = deps;
  const { resource, row } = await findOwnAppointment(ctx, access, id);
  if (!row) throw new AppError('NOT_FOUND', NOT_FOUND);
  await assertChangeable(deps, row, 'cancel');
  const vc = await viewContext(ctx, deps.locale);
  const location = await vc.location(row.location_id);
  const org = location?.managingOrganization?.reference ? await vc.organization(location.managingOrganization.reference.replace(/^Organization\//, '')) : undefined;
  const recipient = (await accountEmailOf(ctx.db, access.patientId)) ?? (await userEmail(ctx.db, access.actor.userId));
  const visitType = vc.visitTypes.get(row.visit_type_id);
  const saved = await ctx.db.transaction(async (tx) => {
    await releaseUnits(tx, id);
    if (!(await markCancelled(tx, id, access.patientId))) throw new AppError('VERSION_CONFLICT', 'This visit is no longer booked, so it cannot be changed.');
    const [written] = await writeResources(tx, [{ kind: 'put', resource: cancelledAppointment(resource, reason) }], ctx.keyring);
    if (recipient) {
      await enqueueMail(tx, ctx.keyring, appointmentMail({
        kind: 'cancelled', to: recipient.email, locale: recipient.locale, startsAt: new Date(row.starts_at), timeZone: vc.settings.timeZone,
        place: placeOf(location), video: visitType?.modality === 'video', clinicName: org?.name ?? '', link: `${ctx.config.publicUrl}/appointments`,
      }));
    }
    return written!.resource as Appointment;
  });
  await auditAppointment(ctx, access, 'update', id, `status=cancelled${reason ? `&reason=${reason}` : ''}`);
  await openingAfterCommit(ctx, row);
  return toView(await viewContext(ctx, deps.locale), saved, { ...row, status: 'cancelled', cancelled_at: new Date() });
}

/** Moves a booked visit to another free time: the new booking and the release of the old in one transaction. */
export async function rescheduleAppointment(deps: Deps, id: string, to: { practitionerId: string; locationId: string; startsAt: string }): Promise<AppointmentView> {
  const { ctx, access } = deps;
  const { row } = await findOwnAppointment(ctx, access, id);
  if (!row) throw new AppError('NOT_FOUND', NOT_FOUND);
  await assertChangeable(deps, row, 'move');
  const booked = await bookAppointment(ctx, access, { visitTypeId: row.visit_type_id, ...to }, { replacing: id });
  return getAppointment(deps, booked.id);
}

/**
 * Asks for a visit type that staff book (request-only): a FHIR Appointment with status proposed
 * and the preferred days as requestedPeriod; no table row and no time held. The clinic calls back.
 */
export async function requestVisit({ ctx, access, locale }: Deps, input: VisitRequest): Promise<VisitRequestView> {
  const visitType = await findVisitType(ctx.db, input.visitTypeId);
  if (!visitType || !visitType.active) throw new AppError('NOT_FOUND', 'We could not find that kind of visit.');
  if (visitType.booking !== 'request') throw new AppError('VALIDATION', 'You can book this kind of visit yourself. Choose a time instead.');
  if (input.practitionerId && visitType.practitioner_ids.length && !visitType.practitioner_ids.includes(input.practitionerId)) {
    throw new AppError('VALIDATION', 'Choose a clinician from the list.');
  }
  const vc = await viewContext(ctx, locale);
  const zone = vc.settings.timeZone;
  const from = DateTime.fromISO(input.preferredFrom, { zone }).startOf('day');
  const to = DateTime.fromISO(input.preferredTo, { zone }).endOf('day');
  if (!from.isValid || !to.isValid) throw new AppError('VALIDATION', 'Choose the days that work for you.');
  if (to.toMillis() < Date.now()) throw new AppError('VALIDATION', 'Choose days that are not in the past.');
  const patient = await access.readPatient();
  const practitioner = input.practitionerId ? await access.read<Practitioner>('Practitioner', input.practitionerId) : undefined;
  const resource = proposedAppointment({
    id: randomUUID(), visitType, from: from.toJSDate(), to: to.toJSDate(), created: new Date().toISOString(),
    patient: { reference: `Patient/${access.patientId}`, display: patientDisplayName(patient) },
    ...(practitioner ? { practitioner: { reference: `Practitioner/${practitioner.id}`, display: practitionerName(practitioner) } } : {}),
  });
  // Keep the wished-for days as clinic-local dates (with offset), so they read back as the same days.
  resource.requestedPeriod = [{ start: from.toISO({ suppressMilliseconds: true })!, end: to.startOf('second').toISO({ suppressMilliseconds: true })! }];
  const saved = await ctx.db.transaction(async (tx) => {
    const [written] = await writeResources(tx, [{ kind: 'put', resource }], ctx.keyring);
    return written!.resource as Appointment;
  });
  await auditAppointment(ctx, access, 'create', saved.id!, `visit-type=${visitType.id}&status=proposed`);
  return toRequestView(vc, saved);
}


/** The visit as an .ics file (time, place, clinic; nothing clinical). */
export async function appointmentCalendar(deps: Deps, id: string): Promise<string> {
  const view = await getAppointment(deps, id);
  const vc = await viewContext(deps.ctx, deps.locale);
  const { row } = await findOwnAppointment(deps.ctx, deps.access, id);
  const location = row ? await vc.location(row.location_id) : undefined;
  const orgId = location?.managingOrganization?.reference?.replace(/^Organization\//, '');
  const clinicName = (orgId ? (await vc.organization(orgId))?.name : undefined) ?? location?.name ?? '';
  return appointmentIcs(view, { clinicName, portalUrl: deps.ctx.config.publicUrl, locale: deps.locale });
}
