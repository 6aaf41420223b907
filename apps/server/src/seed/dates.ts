/**
 * Calendar arithmetic on plain YYYY-MM-DD strings in UTC, so results never depend on
 * the machine's time zone. Clinic times are written with a fixed US Central offset.
 */
const DAY_MS = 86_400_000;

/** The offset written on every generated dateTime (the demo clinic's local time). */
export const CLINIC_OFFSET = '-05:00';

function toUtc(date: string): Date {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`Expected YYYY-MM-DD, got "${date}"`);
  return new Date(`${date}T00:00:00Z`);
}

function fromUtc(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** Adds (or subtracts) whole days. */
export function addDays(date: string, days: number): string {
  return fromUtc(new Date(toUtc(date).getTime() + days * DAY_MS));
}

/** Adds whole months, clamping to the month's last day (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(date: string, months: number): string {
  const d = toUtc(date);
  const day = d.getUTCDate();
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return fromUtc(target);
}

/** Adds whole years (Feb 29 becomes Feb 28 in common years). */
export function addYears(date: string, years: number): string {
  return addMonths(date, years * 12);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to).getTime() - toUtc(from).getTime()) / DAY_MS);
}

/** Age in completed years on `on`. */
export function ageOn(birthDate: string, on: string): number {
  const b = toUtc(birthDate);
  const o = toUtc(on);
  let age = o.getUTCFullYear() - b.getUTCFullYear();
  const beforeBirthday =
    o.getUTCMonth() < b.getUTCMonth() || (o.getUTCMonth() === b.getUTCMonth() && o.getUTCDate() < b.getUTCDate());
  if (beforeBirthday) age -= 1;
  return age;
}

/**
 * A birth date that makes the person exactly `age` on `anchor`: `age` years back, then
 * `extraDays` (1-360) earlier so the birthday already passed this year.
 */
export function birthDateForAge(anchor: string, age: number, extraDays: number): string {
  return addDays(addYears(anchor, -age), -extraDays);
}

/** Moves a Saturday/Sunday back to the Friday before, so visits fall on clinic days. */
export function toWeekday(date: string): string {
  const dow = toUtc(date).getUTCDay();
  if (dow === 6) return addDays(date, -1);
  if (dow === 0) return addDays(date, -2);
  return date;
}

/** A local clinic dateTime: `minutesAfterMidnight` on `date`, with the clinic offset. */
export function atTime(date: string, minutesAfterMidnight: number): string {
  const h = Math.floor(minutesAfterMidnight / 60) % 24;
  const m = minutesAfterMidnight % 60;
  return `${date}T${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:00${CLINIC_OFFSET}`;
}

/** Date part of a dateTime. */
export function datePart(dateTime: string): string {
  return dateTime.slice(0, 10);
}
