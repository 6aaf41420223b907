import { randomUUID } from 'node:crypto';
import { clockToMinute, minuteToClock, type HoursRange, type NewHoursRange, type NewScheduleException, type ScheduleException } from '@ourchart/contracts';
import type { Queryable } from '../../platform/db/db.ts';
import { AppError } from '../../platform/http/errors.ts';
import {
  deleteException, deleteHours, findException, findHours, holdingAppointments, insertException, insertHours, listHours, readSettings,
  type AppointmentRow, type ExceptionRow, type HoursRow,
} from './admin.queries.ts';
import { clinicClock, clinicInstant, clinicToday, isCalendarDay } from './clinic-time.ts';
import { actorNames, syncSchedules } from './schedule-resources.ts';
import { audit, type SetupDeps } from './setup.service.ts';

/** How far ahead a removed range is checked for appointments it would strand. */
const LOOK_AHEAD_MS = 400 * 24 * 3600_000;

const toRange = (h: HoursRow): HoursRange => ({
  id: h.id, practitionerId: h.practitionerId, locationId: h.locationId, weekday: h.weekday, start: minuteToClock(h.startMinute), end: minuteToClock(h.endMinute),
});

const toException = (e: ExceptionRow): ScheduleException => ({
  id: e.id, practitionerId: e.practitionerId, day: e.day, reason: e.reason,
  start: e.startMinute === null ? null : minuteToClock(e.startMinute), end: e.endMinute === null ? null : minuteToClock(e.endMinute),
});

/** The 409 that tells staff what to do first. The count is not PHI. */
export function strandedError(count: number): AppError {
  const what = count === 1 ? '1 booked appointment' : `${count} booked appointments`;
  return new AppError('SCHEDULE_CONFLICT', `This change would leave ${what} without a clinician. Cancel or move ${count === 1 ? 'it' : 'them'} first, then try again.`);
}

async function mustExist(deps: SetupDeps, type: 'Practitioner' | 'Location', id: string, path: string) {
  const row = await deps.ctx.store.readRow(type, id);
  if (!row || row.deleted) {
    throw new AppError('VALIDATION', undefined, { errors: [{ path, message: type === 'Practitioner' ? 'Choose a clinician from the list.' : 'Choose a location from the list.' }] });
  }
}

/**
 * Adds a range of weekly hours. A clinician cannot be in two places at once, so a range that
 * overlaps another of theirs on the same weekday (at any location) is refused. The clinician's
 * Schedule at the location is written in the same transaction.
 */
export async function addHours(deps: SetupDeps, input: NewHoursRange): Promise<HoursRange> {
  const { ctx } = deps;
  await mustExist(deps, 'Practitioner', input.practitionerId, 'practitionerId');
  await mustExist(deps, 'Location', input.locationId, 'locationId');
  const row: HoursRow = {
    id: randomUUID(), practitionerId: input.practitionerId, locationId: input.locationId, weekday: input.weekday,
    startMinute: clockToMinute(input.start), endMinute: clockToMinute(input.end),
  };
  const settings = await readSettings(ctx.db);
  const names = await actorNames(ctx.store, [row.practitionerId], [row.locationId]);
  await ctx.db.transaction(async (tx) => {
    const same = (await listHours(tx, row.practitionerId)).filter((h) => h.weekday === row.weekday);
    if (same.some((h) => h.startMinute < row.endMinute && row.startMinute < h.endMinute)) {
      throw new AppError('VALIDATION', undefined, { errors: [{ path: 'start', message: 'These hours overlap other hours of this clinician on the same day. Change the times, or remove the other hours first.' }] });
    }
    await insertHours(tx, row);
    await syncSchedules(tx, ctx.keyring, { pairs: [row], today: clinicToday(settings.timeZone), horizonDays: settings.bookingHorizonDays, names });
  });
  await audit(deps, 'create', 'ClinicianHours', row.id, `practitioner=${row.practitionerId}`);
  return toRange(row);
}

/** True when [start, end) lies inside the union of the ranges (adjacent ranges join up). */
function covered(start: number, end: number, ranges: { startMinute: number; endMinute: number }[]): boolean {
  let reach = start;
  for (const r of [...ranges].sort((a, b) => a.startMinute - b.startMinute)) {
    if (r.startMinute > reach) break;
    reach = Math.max(reach, r.endMinute);
    if (reach >= end) return true;
  }
  return reach >= end;
}

/** Appointments from now on that the remaining hours (of the clinician at the location) no longer cover. */
function stranded(appointments: AppointmentRow[], removed: HoursRow, remaining: HoursRow[], zone: string): AppointmentRow[] {
  return appointments.filter((a) => {
    const start = clinicClock(zone, a.startsAt);
    const end = clinicClock(zone, a.endsAt);
    const endMinute = end.day === start.day ? end.minute : 1440;
    if (start.weekday !== removed.weekday || !(start.minute < removed.endMinute && removed.startMinute < endMinute)) return false;
    const sameDay = remaining.filter((h) => h.weekday === start.weekday && h.locationId === a.locationId);
    return !covered(start.minute, endMinute, sameDay);
  });
}

/** The range to remove, or 404 (ids that are not ours, or not even UUIDs, are simply not found). */
export async function findRemovableHours({ ctx }: SetupDeps, id: string): Promise<HoursRow> {
  const row = /^[0-9a-f-]{36}$/i.test(id) ? await findHours(ctx.db, id) : undefined;
  if (!row) throw new AppError('NOT_FOUND', 'We could not find those hours. Someone may have removed them already.');
  return row;
}

/**
 * Removes a range of weekly hours, unless booked appointments from now on fall in it and no other
 * range covers them: then 409 SCHEDULE_CONFLICT with how many (staff cancel or move them first).
 * The check runs inside the transaction, on the hours as they are after the removal.
 */
export async function removeHours(deps: SetupDeps, row: HoursRow): Promise<void> {
  const { ctx } = deps;
  const settings = await readSettings(ctx.db);
  const names = await actorNames(ctx.store, [row.practitionerId], [row.locationId]);
  await ctx.db.transaction(async (tx) => {
    if (!(await deleteHours(tx, row.id))) throw new AppError('NOT_FOUND', 'We could not find those hours. Someone may have removed them already.');
    const now = new Date();
    const appointments = await holdingAppointments(tx, { practitionerId: row.practitionerId, locationId: row.locationId, from: now, to: new Date(now.getTime() + LOOK_AHEAD_MS) });
    const left = stranded(appointments, row, await listHours(tx, row.practitionerId), settings.timeZone);
    if (left.length > 0) throw strandedError(left.length);
    await syncSchedules(tx, ctx.keyring, { pairs: [row], today: clinicToday(settings.timeZone), horizonDays: settings.bookingHorizonDays, names });
  });
  await audit(deps, 'delete', 'ClinicianHours', row.id, `practitioner=${row.practitionerId}`);
}

/** Appointments holding time in an exception's window (one clinician's, or everyone's for a clinic holiday). */
export async function appointmentsInException(tx: Queryable, zone: string, e: { practitionerId: string | null; day: string; startMinute: number | null; endMinute: number | null }) {
  return holdingAppointments(tx, {
    practitionerId: e.practitionerId,
    from: clinicInstant(zone, e.day, e.startMinute ?? 0),
    to: clinicInstant(zone, e.day, e.endMinute ?? 1440),
  });
}

/**
 * Adds time off (one clinician) or a clinic holiday (practitionerId null), for a whole day or a
 * time range, from today on. Refused with 409 when booked appointments fall in it.
 */
export async function addException(deps: SetupDeps, input: NewScheduleException): Promise<ScheduleException> {
  const { ctx, user } = deps;
  const settings = await readSettings(ctx.db);
  if (!isCalendarDay(input.day)) throw new AppError('VALIDATION', undefined, { errors: [{ path: 'day', message: 'Enter a real day as year-month-day, for example 2026-12-24.' }] });
  if (input.day < clinicToday(settings.timeZone)) throw new AppError('VALIDATION', undefined, { errors: [{ path: 'day', message: 'Choose today or a later day.' }] });
  if (input.practitionerId) await mustExist(deps, 'Practitioner', input.practitionerId, 'practitionerId');
  const row: ExceptionRow = {
    id: randomUUID(), practitionerId: input.practitionerId, day: input.day, reason: input.reason,
    startMinute: input.start === null ? null : clockToMinute(input.start), endMinute: input.end === null ? null : clockToMinute(input.end),
  };
  await ctx.db.transaction(async (tx) => {
    const affected = await appointmentsInException(tx, settings.timeZone, row);
    if (affected.length > 0) throw strandedError(affected.length);
    await insertException(tx, row, user.id);
  });
  await audit(deps, 'create', 'ScheduleException', row.id, row.practitionerId ? `practitioner=${row.practitionerId}` : 'clinic-wide');
  return toException(row);
}

/** Removes an exception (the time becomes bookable again). 404 for unknown ids. */
export async function removeException(deps: SetupDeps, id: string): Promise<void> {
  const { ctx } = deps;
  const row = /^[0-9a-f-]{36}$/i.test(id) ? await findException(ctx.db, id) : undefined;
  if (!row || !(await ctx.db.transaction((tx) => deleteException(tx, id)))) throw new AppError('NOT_FOUND', 'We could not find that time off. Someone may have removed it already.');
  await audit(deps, 'delete', 'ScheduleException', id);
}
