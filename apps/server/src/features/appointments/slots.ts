import { DateTime } from 'luxon';
import type { ExceptionRow, HoursRow } from './scheduling.queries.ts';

/** The booking unit: every booked 5 minutes of a clinician is one booked_units row. */
export const UNIT_MINUTES = 5;
const UNIT_MS = UNIT_MINUTES * 60_000;

export type Slot = { practitionerId: string; locationId: string; startsAt: string; endsAt: string };

export type SlotInput = {
  timeZone: string;
  durationMinutes: number;
  hours: HoursRow[];
  exceptions: ExceptionRow[];
  /** `${practitionerId}|${epoch ms}` of each booked unit. */
  booked: Set<string>;
  /** Earliest start (min notice applied) and latest start (horizon applied). */
  earliest: Date;
  latest: Date;
};

export const unitKey = (practitionerId: string, at: number) => `${practitionerId}|${at}`;

/**
 * Free start times, computed in the clinic's time zone from weekly hours (wall-clock minutes), minus
 * clinician and clinic-wide exceptions, minus booked units. Starts are every `durationMinutes` from
 * the start of each block of working hours (a 20-minute visit type offers 8:00, 8:20, 8:40 ...), so a
 * day fills without gaps. Each start is built from the wall-clock date and time, never by adding
 * minutes to midnight, so a DST change does not shift the day's times.
 */
export function computeSlots(input: SlotInput): Slot[] {
  const { timeZone, durationMinutes } = input;
  const out: Slot[] = [];
  let day = DateTime.fromJSDate(input.earliest, { zone: timeZone }).startOf('day');
  const lastDay = DateTime.fromJSDate(input.latest, { zone: timeZone }).startOf('day');
  while (day <= lastDay) {
    const date = day.toISODate()!;
    const weekday = day.weekday % 7; // luxon 1 = Monday ... 7 = Sunday; ours 0 = Sunday
    const dayExceptions = input.exceptions.filter((e) => e.day === date);
    for (const h of input.hours) {
      if (h.weekday !== weekday) continue;
      const blocking = dayExceptions.filter((e) => e.practitioner_id === null || e.practitioner_id === h.practitioner_id);
      if (blocking.some((e) => e.start_minute === null)) continue; // closed all day
      for (let m = h.start_minute; m + durationMinutes <= h.end_minute; m += durationMinutes) {
        const end = m + durationMinutes;
        if (blocking.some((e) => e.start_minute! < end && m < e.end_minute!)) continue;
        const start = DateTime.fromObject({ year: day.year, month: day.month, day: day.day, hour: Math.floor(m / 60), minute: m % 60 }, { zone: timeZone });
        // A wall time that does not exist (inside a spring-forward gap) is skipped rather than moved.
        if (!start.isValid || start.hour !== Math.floor(m / 60) || start.minute !== m % 60) continue;
        const startMs = start.toMillis();
        if (startMs < input.earliest.getTime() || startMs > input.latest.getTime()) continue;
        const endMs = startMs + durationMinutes * 60_000;
        let free = true;
        for (let u = startMs; u < endMs; u += UNIT_MS) if (input.booked.has(unitKey(h.practitioner_id, u))) { free = false; break; }
        if (!free) continue;
        out.push({ practitionerId: h.practitioner_id, locationId: h.location_id, startsAt: new Date(startMs).toISOString(), endsAt: new Date(endMs).toISOString() });
      }
    }
    day = day.plus({ days: 1 });
  }
  return out.sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.practitionerId.localeCompare(b.practitionerId));
}
