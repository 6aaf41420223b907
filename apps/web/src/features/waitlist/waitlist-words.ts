import type { TFunction } from 'i18next';

/** "Tuesday, December 8, 2026 at 9:00 AM", in the clinic's time zone and the language on screen. */
export function formatWhen(iso: string, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale === 'es' ? 'es-US' : 'en-US', { dateStyle: 'full', timeStyle: 'short', timeZone }).format(new Date(iso));
}

/** "December 8, 2026" for a YYYY-MM-DD day or an instant (in the clinic's time zone). */
export function formatDay(value: string, locale: string, timeZone: string): string {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00Z`) : new Date(value);
  const zone = /^\d{4}-\d{2}-\d{2}$/.test(value) ? 'UTC' : timeZone;
  return new Intl.DateTimeFormat(locale === 'es' ? 'es-US' : 'en-US', { dateStyle: 'long', timeZone: zone }).format(date);
}

export const WEEKDAYS = [0, 1, 2, 3, 4, 5, 6] as const;
type Weekday = (typeof WEEKDAYS)[number];

export function weekdayName(t: TFunction<'waitlist'>, day: number): string {
  return t(`weekdays.${String(day) as `${Weekday}`}`);
}
