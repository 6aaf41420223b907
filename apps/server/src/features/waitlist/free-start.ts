import { DateTime } from 'luxon';
import type { Queryable } from '../../platform/db/db.ts';
import { bookedUnitsFor, exceptionsFor, hoursFor } from '../appointments/scheduling.queries.ts';
import { computeSlots, unitKey } from '../appointments/slots.ts';
import type { Opening } from './opening.ts';

/**
 * The first start inside an opening where a visit of `durationMinutes` can be booked: the same
 * rules as the booking page (the clinician's hours at that location, exceptions, booked time,
 * starts on the visit type's grid, minimum notice), so an accepted offer books. Plain queries on
 * the given connection, so it works inside the offering transaction. Memoised per duration.
 */
export function freeStartFinder(tx: Queryable, opening: Opening, timeZone: string, minNoticeMinutes: number) {
  const found = new Map<number, Promise<Date | null>>();
  const load = async (durationMinutes: number): Promise<Date | null> => {
    const earliest = new Date(Math.max(opening.startsAt.getTime(), Date.now() + minNoticeMinutes * 60_000));
    const latest = new Date(opening.endsAt.getTime() - durationMinutes * 60_000);
    if (earliest > latest) return null;
    const who = [opening.practitionerId];
    const hours = (await hoursFor(tx, who)).filter((h) => h.location_id === opening.locationId);
    const day = (d: Date) => DateTime.fromJSDate(d, { zone: timeZone }).toISODate()!;
    const exceptions = await exceptionsFor(tx, who, day(earliest), day(opening.endsAt));
    const units = await bookedUnitsFor(tx, who, earliest, opening.endsAt);
    const booked = new Set(units.map((u) => unitKey(u.practitioner_id, new Date(u.unit_start).getTime())));
    const [first] = computeSlots({ timeZone, durationMinutes, hours, exceptions, booked, earliest, latest });
    return first ? new Date(first.startsAt) : null;
  };
  return (durationMinutes: number): Promise<Date | null> => {
    if (!found.has(durationMinutes)) found.set(durationMinutes, load(durationMinutes));
    return found.get(durationMinutes)!;
  };
}
