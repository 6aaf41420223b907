import type { Location, Practitioner } from '@medplum/fhirtypes';
import { DateTime } from 'luxon';
import type { Availability, ClinicianList, VisitTypeList } from '@ourchart/contracts';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { Locale } from './appointment-view.ts';
import { freeSlots } from './booking.ts';
import { directionsUrl, placeOf, practitionerName } from './place.ts';
import { findVisitType, hoursFor, listVisitTypes, loadSettings } from './scheduling.queries.ts';

// What a patient chooses from while booking. None of it is patient data (visit types, who works
// where, free times), but every route still requires a signed-in user with a record in context.

const DAYS_SHOWN = 14;
const SEARCH_WINDOW_DAYS = 21;

async function shared<T>(ctx: AppContext, type: string, id: string): Promise<T | undefined> {
  const row = await ctx.store.readRow(type, id);
  return row && !row.deleted && row.patientId === null ? (row.resource as T) : undefined;
}

/** Active visit types patients can book or ask for, in the caller's language. */
export async function bookableVisitTypes(ctx: AppContext, locale: Locale): Promise<VisitTypeList> {
  const rows = await listVisitTypes(ctx.db, { activeOnly: true });
  return {
    visitTypes: rows.map((v) => ({
      id: v.id, name: locale === 'es' ? v.name_es : v.name_en, description: locale === 'es' ? v.description_es : v.description_en,
      durationMinutes: v.duration_minutes, modality: v.modality, booking: v.booking,
    })),
  };
}

/** Clinicians who see this visit type and the places where they work (from their weekly hours). */
export async function cliniciansFor(ctx: AppContext, visitTypeId: string): Promise<ClinicianList> {
  const visitType = await findVisitType(ctx.db, visitTypeId);
  if (!visitType || !visitType.active) throw new AppError('NOT_FOUND', 'We could not find that kind of visit.');
  const hours = await hoursFor(ctx.db, visitType.practitioner_ids.length ? visitType.practitioner_ids : null);
  const ids = visitType.practitioner_ids.length ? visitType.practitioner_ids : [...new Set(hours.map((h) => h.practitioner_id))];
  const clinicians: ClinicianList['clinicians'] = [];
  for (const id of ids) {
    const practitioner = await shared<Practitioner>(ctx, 'Practitioner', id);
    if (!practitioner) continue;
    const locationIds = [...new Set(hours.filter((h) => h.practitioner_id === id).map((h) => h.location_id))];
    // Request-only visit types list their clinicians even without hours (staff book them).
    if (locationIds.length === 0 && visitType.booking === 'self') continue;
    const locations = [];
    for (const lid of locationIds) {
      const place = placeOf(await shared<Location>(ctx, 'Location', lid));
      locations.push({ id: lid, ...place, directionsUrl: directionsUrl(place) });
    }
    clinicians.push({ id, name: practitionerName(practitioner), locations });
  }
  return { clinicians };
}

/**
 * Days with free times, up to 14 of them, each with its times. Searches three weeks at a time from
 * `from` (or now) up to the booking horizon; `next` is where a "later times" search continues.
 */
export async function availability(
  ctx: AppContext,
  q: { visitTypeId: string; practitionerId?: string | undefined; locationId?: string | undefined; from?: Date | undefined; ignoreAppointmentId?: string | undefined },
): Promise<Availability> {
  const settings = await loadSettings(ctx.db);
  const visitType = await findVisitType(ctx.db, q.visitTypeId);
  if (!visitType || !visitType.active) throw new AppError('NOT_FOUND', 'We could not find that kind of visit.');
  const horizon = Date.now() + settings.bookingHorizonDays * 86_400_000;
  let from = q.from && q.from.getTime() > Date.now() ? q.from : new Date();
  const days = new Map<string, Availability['days'][number]['times']>();
  const names = new Map<string, string>();
  const name = async (type: 'Practitioner' | 'Location', id: string) => {
    const key = `${type}/${id}`;
    if (!names.has(key)) {
      const r = await shared<Practitioner | Location>(ctx, type, id);
      names.set(key, type === 'Practitioner' ? practitionerName(r as Practitioner) : ((r as Location | undefined)?.name ?? ''));
    }
    return names.get(key)!;
  };
  let next: string | null = null;
  while (from.getTime() < horizon) {
    const to = new Date(Math.min(horizon, from.getTime() + SEARCH_WINDOW_DAYS * 86_400_000));
    const slots = await freeSlots(ctx, {
      visitTypeId: q.visitTypeId, from, to,
      ...(q.practitionerId ? { practitionerId: q.practitionerId } : {}), ...(q.locationId ? { locationId: q.locationId } : {}),
    }, q.ignoreAppointmentId ? { ignoreAppointmentId: q.ignoreAppointmentId } : {});
    for (const s of slots) {
      const date = DateTime.fromISO(s.startsAt, { zone: settings.timeZone }).toISODate()!;
      if (!days.has(date)) {
        if (days.size >= DAYS_SHOWN) { next = s.startsAt; break; }
        days.set(date, []);
      }
      days.get(date)!.push({ ...s, practitionerName: await name('Practitioner', s.practitionerId), locationName: await name('Location', s.locationId) });
    }
    if (next) break;
    from = new Date(to.getTime() + 1);
  }
  return { timeZone: settings.timeZone, days: [...days].map(([date, times]) => ({ date, times })), next };
}
