import { DateTime, IANAZone } from 'luxon';

// Wall-clock arithmetic in the clinic's time zone. Hours are minutes from local midnight, so a
// day is built from its date and minutes (never by adding 24 hours), which keeps DST days right.

/** True for a real IANA zone name such as America/Chicago (not an offset or an abbreviation). */
export function isIanaZone(name: string): boolean {
  return /^[A-Za-z_]+(\/[A-Za-z0-9_+\-]+)+$|^UTC$/.test(name) && IANAZone.isValidZone(name);
}

/** Today's date on the clinic's clock, YYYY-MM-DD. */
export function clinicToday(zone: string, now = new Date()): string {
  return DateTime.fromJSDate(now, { zone }).toISODate()!;
}

/** A clinic day plus n days, YYYY-MM-DD. */
export function addDays(day: string, n: number): string {
  return DateTime.fromISO(day, { zone: 'UTC' }).plus({ days: n }).toISODate()!;
}

/** The instant a wall-clock minute of a clinic day happens (1440 = the next midnight). */
export function clinicInstant(zone: string, day: string, minute: number): Date {
  return DateTime.fromISO(day, { zone }).startOf('day').plus({ minutes: minute }).toJSDate();
}

/** [start, end) of a clinic day as instants. */
export function clinicDayBounds(zone: string, day: string): { from: Date; to: Date } {
  const start = DateTime.fromISO(day, { zone }).startOf('day');
  return { from: start.toJSDate(), to: start.plus({ days: 1 }).toJSDate() };
}

/** Where an instant falls on the clinic's clock: day, weekday (0 = Sunday) and minute from midnight. */
export function clinicClock(zone: string, at: Date): { day: string; weekday: number; minute: number } {
  const t = DateTime.fromJSDate(at, { zone });
  return { day: t.toISODate()!, weekday: t.weekday % 7, minute: t.hour * 60 + t.minute };
}

/** "HH:MM" of an instant on the clinic's clock. */
export function clinicTime(zone: string, at: Date): string {
  return DateTime.fromJSDate(at, { zone }).toFormat('HH:mm');
}

/** True for a real calendar day written YYYY-MM-DD. */
export function isCalendarDay(day: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(day) && DateTime.fromISO(day, { zone: 'UTC' }).isValid;
}
