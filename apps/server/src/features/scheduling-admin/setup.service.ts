import type { Location, Practitioner } from '@medplum/fhirtypes';
import { minuteToClock, type ClinicSettings, type NewSetupVisitType, type SchedulingSetup, type SetupNamedRef, type SetupVisitType, type SetupVisitTypeUpdate } from '@ourchart/contracts';
import type { AppContext } from '../../context.ts';
import type { User } from '../../platform/auth/users.ts';
import { AppError } from '../../platform/http/errors.ts';
import { findVisitType, insertVisitType, listExceptions, listHours, listVisitTypes, readSettings, updateVisitType, writeSettings } from './admin.queries.ts';
import { clinicToday, isIanaZone } from './clinic-time.ts';
import { actorNames, allPairs, practitionerName, syncSchedules } from './schedule-resources.ts';

/** Who is asking and from where (for the audit log). */
export type SetupDeps = { ctx: AppContext; user: User; client: { ip: string; requestId: string } };

/** Staff and admins change the setup; clinicians and nurses read it. */
export const EDIT_ROLES = ['staff', 'admin'] as const;

const PAGE = '500';

/** Practitioners and Locations of the clinic, by name (shared resources, not PHI). */
export async function cliniciansAndLocations(ctx: AppContext): Promise<{ clinicians: SetupNamedRef[]; locations: SetupNamedRef[] }> {
  const [practitioners, locations] = await Promise.all([
    ctx.store.search('Practitioner', [['_count', PAGE]]),
    ctx.store.search('Location', [['_count', PAGE]]),
  ]);
  const byName = (a: SetupNamedRef, b: SetupNamedRef) => a.name.localeCompare(b.name);
  return {
    clinicians: (practitioners.resources as Practitioner[]).filter((p) => p.active !== false).map((p) => ({ id: p.id!, name: practitionerName(p) })).sort(byName),
    locations: (locations.resources as Location[]).filter((l) => l.status !== 'inactive').map((l) => ({ id: l.id!, name: l.name ?? l.id! })).sort(byName),
  };
}

/** Everything the setup page shows: settings, visit types, weekly hours, upcoming exceptions, and who and where. */
export async function getSetup({ ctx, user }: SetupDeps): Promise<SchedulingSetup> {
  const settings = await readSettings(ctx.db);
  const today = clinicToday(settings.timeZone);
  const [visitTypes, hours, exceptions, refs] = await Promise.all([listVisitTypes(ctx.db), listHours(ctx.db), listExceptions(ctx.db, today), cliniciansAndLocations(ctx)]);
  return {
    canEdit: (EDIT_ROLES as readonly string[]).includes(user.role),
    today,
    settings,
    visitTypes,
    hours: hours.map((h) => ({ id: h.id, practitionerId: h.practitionerId, locationId: h.locationId, weekday: h.weekday, start: minuteToClock(h.startMinute), end: minuteToClock(h.endMinute) })),
    exceptions: exceptions.map((e) => ({
      id: e.id, practitionerId: e.practitionerId, day: e.day, reason: e.reason,
      start: e.startMinute === null ? null : minuteToClock(e.startMinute), end: e.endMinute === null ? null : minuteToClock(e.endMinute),
    })),
    ...refs,
  };
}

/** Field errors for practitioner ids that are not Practitioners in the store. */
async function checkPractitioners(ctx: AppContext, ids: string[], path: string): Promise<void> {
  for (const id of new Set(ids)) {
    const row = await ctx.store.readRow('Practitioner', id);
    if (!row || row.deleted) throw new AppError('VALIDATION', undefined, { errors: [{ path, message: 'Choose clinicians from the list.' }] });
  }
}

const clean = (ids: string[]) => [...new Set(ids.map((id) => id.trim()).filter(Boolean))];

export async function createVisitType({ ctx, user, client }: SetupDeps, input: NewSetupVisitType): Promise<SetupVisitType> {
  await checkPractitioners(ctx, input.practitionerIds, 'practitionerIds');
  const visitType: SetupVisitType = { ...input, practitionerIds: clean(input.practitionerIds), questionnaireIds: clean(input.questionnaireIds), active: true };
  if (!(await insertVisitType(ctx.db, visitType))) {
    throw new AppError('VALIDATION', undefined, { errors: [{ path: 'id', message: 'Another visit type already uses that code. Choose a different code.' }] });
  }
  await audit({ ctx, user, client }, 'create', 'VisitType', visitType.id);
  return visitType;
}

/** The visit type to edit, or 404 (looked up before the body is read). */
export async function findEditableVisitType({ ctx }: SetupDeps, id: string): Promise<SetupVisitType> {
  const found = await findVisitType(ctx.db, id);
  if (!found) throw new AppError('NOT_FOUND', 'We could not find that visit type.');
  return found;
}

/** Edits every field but the code; `active: false` takes it off the list patients choose from (booked visits stay). */
export async function editVisitType({ ctx, user, client }: SetupDeps, current: SetupVisitType, input: SetupVisitTypeUpdate): Promise<SetupVisitType> {
  await checkPractitioners(ctx, input.practitionerIds, 'practitionerIds');
  const next: SetupVisitType = { ...input, id: current.id, practitionerIds: clean(input.practitionerIds), questionnaireIds: clean(input.questionnaireIds) };
  if (!(await updateVisitType(ctx.db, next))) throw new AppError('NOT_FOUND', 'We could not find that visit type.');
  await audit({ ctx, user, client }, 'update', 'VisitType', current.id, current.active && !next.active ? 'deactivated' : undefined);
  return next;
}

export const TIME_ZONE_UNKNOWN = 'That is not a time zone we know. Use a name from the IANA time zone list, like America/Chicago or America/New_York.';

/**
 * Saves the clinic settings. The time zone must be an IANA zone (luxon checks it against the
 * runtime's tz database). Schedules are rewritten in the same transaction (their planning horizon
 * follows the booking horizon).
 */
export async function saveSettings({ ctx, user, client }: SetupDeps, input: ClinicSettings): Promise<ClinicSettings> {
  if (!isIanaZone(input.timeZone)) throw new AppError('VALIDATION', undefined, { errors: [{ path: 'timeZone', message: TIME_ZONE_UNKNOWN }] });
  const pairs = await allPairs(ctx.db);
  const names = await actorNames(ctx.store, pairs.map((p) => p.practitionerId), pairs.map((p) => p.locationId));
  await ctx.db.transaction(async (tx) => {
    await writeSettings(tx, input, user.id);
    await syncSchedules(tx, ctx.keyring, { pairs, today: clinicToday(input.timeZone), horizonDays: input.bookingHorizonDays, names });
  });
  await audit({ ctx, user, client }, 'update', 'SchedulingSettings', '1');
  return input;
}

/** Setup changes are audited like everything else (no patient involved, so patientId is null). */
export async function audit({ ctx, user, client }: SetupDeps, action: string, entityType: string, entityId: string, query?: string) {
  await ctx.audit.record({
    actorId: user.id, actorRole: user.role, patientId: null, action, entityType, entityId, query: query ?? null,
    outcome: 'success', ip: client.ip, requestId: client.requestId,
  });
}
