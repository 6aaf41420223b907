import { randomUUID } from 'node:crypto';
import type { NewWaitlistEntry, WaitlistEntry, WaitlistOverview } from '@ourchart/contracts';
import type { AppContext } from '../../context.ts';
import type { PatientAccess } from '../../platform/access/patient-access.ts';
import { AppError } from '../../platform/http/errors.ts';
import { markItemNotificationsRead } from '../../platform/notifications/notifications.ts';
import { loadDirectory } from './directory.ts';
import { offerOpeningIn } from './opening.ts';
import { presentEntry, presentOffer } from './present.ts';
import {
  appointmentFacts, clinicTimeZone, closeEntry, entriesOfPatient, findEntry, insertEntry, isBooked, offersOfPatient, visitTypeFacts,
  withdrawOffersOfEntry, type AppointmentFacts, type EntryRow,
} from './waitlist.queries.ts';

export type Deps = { ctx: AppContext; access: PatientAccess };

export const ALREADY_WAITING = 'You are already on the waitlist for this visit. We will tell you when an earlier time opens.';
const NOT_UPCOMING = 'You can ask for an earlier time only for an upcoming visit that is booked.';
const ENTRY_NOT_FOUND = 'We could not find that waitlist request.';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One audit event about the waitlist (ids and codes only). */
export async function auditWaitlist(
  { ctx, access }: Deps, action: string, entityType: 'WaitlistEntry' | 'WaitlistOffer', entityId: string | null, query: string | null,
  outcome: 'success' | 'not-found' = 'success',
): Promise<void> {
  await ctx.audit.record({
    actorId: access.actor.userId, actorRole: access.actor.role, patientId: access.patientId, action, entityType, entityId, query, outcome,
    ip: access.actor.ip ?? null, requestId: access.actor.requestId ?? null,
  });
}

/**
 * "Get an earlier time" for one of the patient's booked visits. The visit is read through
 * PatientAccess (another patient's visit is 404); one active entry per visit (409, even when two
 * requests race: a partial unique index decides).
 */
export async function joinWaitlist(deps: Deps, input: NewWaitlistEntry): Promise<WaitlistEntry> {
  const { ctx, access } = deps;
  await access.read('Appointment', input.appointmentId);
  const appointment = await appointmentFacts(ctx.db, input.appointmentId);
  if (!appointment || appointment.patientId !== access.patientId) throw new AppError('NOT_FOUND', 'We could not find that visit.');
  if (appointment.status !== 'booked' || appointment.startsAt.getTime() <= Date.now()) throw new AppError('VERSION_CONFLICT', NOT_UPCOMING);
  const types = await visitTypeFacts(ctx.db, [appointment.visitTypeId]);
  if (types.get(appointment.visitTypeId)?.booking !== 'self') {
    throw new AppError('VALIDATION', 'The clinic books this kind of visit. Call the clinic to ask for an earlier time.');
  }
  const { timeZone } = await clinicTimeZone(ctx.db);
  const visitDay = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(appointment.startsAt);
  if (input.earliestDay && input.earliestDay > visitDay) {
    throw new AppError('VALIDATION', 'The earliest day must be on or before the day of your visit.', {
      errors: [{ path: 'earliestDay', message: 'The earliest day must be on or before the day of your visit.' }],
    });
  }
  const entry: Omit<EntryRow, 'status' | 'createdAt'> & { createdBy: string } = {
    id: randomUUID(), patientId: access.patientId, appointmentId: appointment.id, visitTypeId: appointment.visitTypeId,
    practitionerId: input.anyClinician ? null : appointment.practitionerId, locationId: appointment.locationId,
    earliestDay: input.earliestDay ?? null, weekdays: input.weekdays ? [...new Set(input.weekdays)].sort() : null, createdBy: access.actor.userId,
  };
  const inserted = await ctx.db.transaction((tx) => insertEntry(tx, entry));
  if (!inserted) throw new AppError('VERSION_CONFLICT', ALREADY_WAITING);
  await auditWaitlist(deps, 'create', 'WaitlistEntry', entry.id, `appointment=${appointment.id}`);
  const saved = (await findEntry(ctx.db, entry.id))!;
  const names = await loadDirectory(ctx.db, entry.practitionerId ? [entry.practitionerId] : [], [entry.locationId]);
  return presentEntry(saved, appointment.startsAt, types, names);
}

/** An entry of the patient in context, or NOT_FOUND (audited) for anything else. */
export async function ownEntry(deps: Deps, id: string): Promise<EntryRow> {
  const entry = UUID.test(id) ? await findEntry(deps.ctx.db, id) : undefined;
  if (!entry || entry.patientId !== deps.access.patientId) {
    await auditWaitlist(deps, 'read', 'WaitlistEntry', UUID.test(id) ? id : null, null, 'not-found');
    throw new AppError('NOT_FOUND', ENTRY_NOT_FOUND);
  }
  return entry;
}

/**
 * "Stop looking": closes the entry and withdraws its open offers; each withdrawn offer's time passes
 * to the next person in line, in the same transaction.
 */
export async function stopLooking(deps: Deps, entry: EntryRow): Promise<WaitlistEntry> {
  const { ctx } = deps;
  await ctx.db.transaction(async (tx) => {
    if (!(await closeEntry(tx, entry.id, 'cancelled'))) throw new AppError('VERSION_CONFLICT', 'This waitlist request is already closed.');
    for (const o of await withdrawOffersOfEntry(tx, entry.id)) {
      await offerOpeningIn(ctx, tx, { practitionerId: o.practitionerId, locationId: o.locationId, startsAt: o.openingStartsAt, endsAt: o.openingEndsAt });
    }
  });
  await auditWaitlist(deps, 'update', 'WaitlistEntry', entry.id, 'status=cancelled');
  const saved = (await findEntry(ctx.db, entry.id))!;
  const appointment = await appointmentFacts(ctx.db, saved.appointmentId);
  const names = await loadDirectory(ctx.db, saved.practitionerId ? [saved.practitionerId] : [], [saved.locationId]);
  return presentEntry(saved, appointment!.startsAt, await visitTypeFacts(ctx.db, [saved.visitTypeId]), names);
}

/**
 * The patient's waitlist: entries (active first) and offers (open first). Listing the offers
 * reads their notifications for the signed-in user.
 */
export async function waitlistOverview(deps: Deps): Promise<WaitlistOverview> {
  const { ctx, access } = deps;
  const entries = await entriesOfPatient(ctx.db, access.patientId, 200);
  const offers = await offersOfPatient(ctx.db, access.patientId, 50);
  const byId = new Map(entries.map((e) => [e.id, e]));
  const appointments = new Map<string, AppointmentFacts>();
  for (const e of entries) {
    const a = await appointmentFacts(ctx.db, e.appointmentId);
    if (a) appointments.set(e.appointmentId, a);
  }
  const types = await visitTypeFacts(ctx.db, [...new Set(entries.map((e) => e.visitTypeId))]);
  const names = await loadDirectory(
    ctx.db,
    [...entries.map((e) => e.practitionerId).filter((p): p is string => p !== null), ...offers.map((o) => o.practitionerId)],
    [...entries.map((e) => e.locationId), ...offers.map((o) => o.locationId)],
  );
  const { timeZone } = await clinicTimeZone(ctx.db);
  const presentedOffers = [];
  for (const o of offers) {
    const entry = byId.get(o.entryId);
    const current = entry && appointments.get(entry.appointmentId);
    if (!entry || !current) continue;
    const booked = o.status === 'offered' && (await isBooked(ctx.db, o.practitionerId, o.startsAt, o.endsAt));
    presentedOffers.push(presentOffer(o, entry, current.startsAt, types, names, booked));
  }
  const presentedEntries = entries
    .filter((e) => appointments.has(e.appointmentId))
    .map((e) => presentEntry(e, appointments.get(e.appointmentId)!.startsAt, types, names));
  await auditWaitlist(deps, 'search', 'WaitlistEntry', entries.map((e) => e.id).join(',') || null, null);
  if (offers.length) await auditWaitlist(deps, 'search', 'WaitlistOffer', offers.map((o) => o.id).join(','), null);
  for (const o of offers) await markItemNotificationsRead(ctx.db, access.actor.userId, 'WaitlistOffer', o.id);
  return { timeZone, entries: presentedEntries, offers: presentedOffers };
}
