import type { Appointment, Patient } from '@medplum/fhirtypes';
import type { SetupVisitType, StaffDayAppointment, StaffDaySchedule, StaffStatusChange } from '@ourchart/contracts';
import type { AppContext } from '../../context.ts';
import type { PatientAccess } from '../../platform/access/patient-access.ts';
import { activeBreakGlassGrants, breakGlassUntil } from '../../platform/access/staff-break-glass.ts';
import { careTeamPatientIds, isOnCareTeam } from '../../platform/access/staff-care-team.ts';
import type { User } from '../../platform/auth/users.ts';
import { patientDisplayName } from '../../platform/fhir-store/display.ts';
import { writeResources } from '../../platform/fhir-store/write.ts';
import { AppError } from '../../platform/http/errors.ts';
import { appointmentsBetween, findAppointmentRow, listVisitTypes, readSettings, setAppointmentStatus, type AppointmentRow } from './admin.queries.ts';
import { clinicDayBounds, clinicTime, clinicToday, isCalendarDay } from './clinic-time.ts';
import { cliniciansAndLocations } from './setup.service.ts';

/** Opens one patient's record for the signed-in staff member (staffAccessFor, bound to the request). */
export type OpenRecord = (patientId: string, options?: { careTeamOnly?: boolean }) => Promise<PatientAccess>;
export type DayDeps = { ctx: AppContext; user: User; client: { ip: string; requestId: string }; open: OpenRecord };

const NOT_FOUND = 'We could not find that appointment.';

/** Where each action may start from: check in and no-show from booked (or eCheck-in's checked-in); undo from either result. */
const FROM: Record<StaffStatusChange['status'], string[]> = {
  arrived: ['booked', 'checked-in'],
  noshow: ['booked', 'checked-in'],
  booked: ['arrived', 'noshow'],
};

function toEntry(a: AppointmentRow, zone: string, patientName: string, visitTypes: Map<string, SetupVisitType>): StaffDayAppointment {
  const vt = visitTypes.get(a.visitTypeId);
  return {
    id: a.id, practitionerId: a.practitionerId, locationId: a.locationId,
    startsAt: a.startsAt.toISOString(), endsAt: a.endsAt.toISOString(), start: clinicTime(zone, a.startsAt), end: clinicTime(zone, a.endsAt),
    patient: { id: a.patientId, name: patientName },
    visitType: { id: a.visitTypeId, nameEn: vt?.nameEn ?? a.visitTypeId, nameEs: vt?.nameEs ?? a.visitTypeId },
    status: a.status as StaffDayAppointment['status'],
    echeckinDone: a.echeckinCompletedAt !== null,
  };
}

/** Care team, or an unexpired emergency grant: who may see a patient's appointments at all. */
async function mayOpen(ctx: AppContext, user: User, patientId: string): Promise<boolean> {
  return (await isOnCareTeam(ctx.store, user, patientId)) || (await breakGlassUntil(ctx.db, user.id, patientId)) !== null;
}

/**
 * One clinic day's appointments (all clinicians, or one), soonest first. Only patients the staff
 * member may open (care team or emergency access) are shown; each is opened through staffAccessFor
 * and the disclosure of their appointments is audited under the staff member's name. Others are
 * counted in hiddenCount, nothing more.
 */
export async function getDaySchedule({ ctx, user, client, open }: DayDeps, q: { date?: string | undefined; practitioner?: string | undefined }): Promise<StaffDaySchedule> {
  const settings = await readSettings(ctx.db);
  const zone = settings.timeZone;
  const date = q.date ?? clinicToday(zone);
  if (!isCalendarDay(date)) throw new AppError('VALIDATION', undefined, { errors: [{ path: 'date', message: 'Enter a real day as year-month-day, for example 2026-12-24.' }] });
  const { from, to } = clinicDayBounds(zone, date);
  const [rows, refs, visitTypes] = await Promise.all([appointmentsBetween(ctx.db, from, to, q.practitioner ?? null), cliniciansAndLocations(ctx), listVisitTypes(ctx.db)]);
  const byVisitType = new Map(visitTypes.map((v) => [v.id, v]));

  const candidates = rows.length === 0 ? new Set<string>() : new Set([...(await careTeamPatientIds(ctx.store, user)), ...(await activeBreakGlassGrants(ctx.db, user.id)).keys()]);
  const names = new Map<string, string>();
  for (const patientId of new Set(rows.map((r) => r.patientId))) {
    if (!candidates.has(patientId) || !(await mayOpen(ctx, user, patientId))) continue;
    const access = await open(patientId);
    names.set(patientId, patientDisplayName(await access.readPatient()));
    await ctx.audit.record({
      actorId: user.id, actorRole: user.role, patientId, action: 'search', entityType: 'Appointment',
      entityId: rows.filter((r) => r.patientId === patientId).map((r) => r.id).join(','), query: `day=${date}`, outcome: 'success', ip: client.ip, requestId: client.requestId,
    });
  }
  const shown = rows.filter((r) => names.has(r.patientId));
  return {
    date, timeZone: zone, ...refs,
    appointments: shown.map((r) => toEntry(r, zone, names.get(r.patientId)!, byVisitType)),
    hiddenCount: rows.length - shown.length,
  };
}

/** An appointment staff may act on, with its patient's record opened (care team only), or 404. */
export async function findActionable({ ctx, user, client, open }: DayDeps, id: string): Promise<{ row: AppointmentRow; access: PatientAccess }> {
  const row = /^[A-Za-z0-9\-.]{1,64}$/.test(id) ? await findAppointmentRow(ctx.db, id) : undefined;
  if (!row || !(await mayOpen(ctx, user, row.patientId))) {
    await ctx.audit.record({ actorId: user.id, actorRole: user.role, patientId: row?.patientId ?? null, action: 'update', entityType: 'Appointment', entityId: id, outcome: row ? 'denied' : 'not-found', ip: client.ip, requestId: client.requestId });
    throw new AppError('NOT_FOUND', NOT_FOUND);
  }
  return { row, access: await open(row.patientId, { careTeamOnly: true }) };
}

/**
 * Check in (arrived), no-show (noshow) or undo (back to booked): the appointments row and the FHIR
 * Appointment's status change in one transaction, then the change is audited with the patient id.
 * Asking for the status it already has is a no-op; a move that is not allowed is 409.
 */
export async function changeStatus({ ctx, user, client }: DayDeps, { row, access }: { row: AppointmentRow; access: PatientAccess }, to: StaffStatusChange['status']): Promise<StaffDayAppointment> {
  const settings = await readSettings(ctx.db);
  const [appointment, patient, visitTypes] = await Promise.all([access.read<Appointment>('Appointment', row.id), access.readPatient(), listVisitTypes(ctx.db)]);
  if (row.status !== to) {
    if (!FROM[to].includes(row.status)) {
      throw new AppError('VERSION_CONFLICT', row.status === 'cancelled' ? 'This appointment was cancelled.' : 'This appointment changed meanwhile. Reload the schedule to see where it stands.');
    }
    await ctx.db.transaction(async (tx) => {
      if (!(await setAppointmentStatus(tx, row.id, FROM[to], to))) throw new AppError('VERSION_CONFLICT', 'This appointment changed meanwhile. Reload the schedule to see where it stands.');
      await writeResources(tx, [{ kind: 'put', resource: { ...appointment, status: to }, ifMatch: Number(appointment.meta?.versionId) }], ctx.keyring);
    });
    await ctx.audit.record({
      actorId: user.id, actorRole: user.role, patientId: row.patientId, action: 'update', entityType: 'Appointment', entityId: row.id,
      query: `status=${to}`, outcome: 'success', ip: client.ip, requestId: client.requestId,
    });
  }
  return toEntry({ ...row, status: to }, settings.timeZone, patientDisplayName(patient as Patient), new Map(visitTypes.map((v) => [v.id, v])));
}
