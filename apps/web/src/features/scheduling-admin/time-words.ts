// Clinic times and days in words, in the language on screen. Times arrive as "HH:MM" on the
// clinic's clock and days as YYYY-MM-DD, so they are formatted as UTC wall-clock values: the
// browser's own time zone never shifts them.

/** "08:30" → "8:30 AM" (en) or "8:30" (es). */
export function clockText(time: string, language: string): string {
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  return new Intl.DateTimeFormat(language, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }).format(Date.UTC(2000, 0, 1, hours, minutes));
}

/** "2026-12-22" → "Tuesday, December 22, 2026" (en) or "martes, 22 de diciembre de 2026" (es). */
export function dayText(day: string, language: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(language, { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, d));
}

/** Today's date on a time zone's clock, YYYY-MM-DD. */
export function todayIn(timeZone: string, now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
