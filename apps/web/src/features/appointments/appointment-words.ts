import type { TFunction } from 'i18next';
import type { AppointmentStatus } from '@ourchart/contracts';

const intlLocale = (locale: string) => (locale === 'es' ? 'es-US' : 'en-US');

/** "Tuesday, December 8, 2026 at 9:00 AM CST", in the clinic's time zone, said in words. */
export function formatWhen(iso: string, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'full', timeStyle: 'short', timeZone }).format(new Date(iso)) + ` ${zoneAbbreviation(iso, locale, timeZone)}`;
}

/** "9:00 AM" in the clinic's time zone. */
export function formatTime(iso: string, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { timeStyle: 'short', timeZone }).format(new Date(iso));
}

/** "Tuesday, December 8" for a clinic day (YYYY-MM-DD). */
export function formatDay(day: string, locale: string): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { weekday: 'long', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(new Date(`${day}T12:00:00Z`));
}

/** "December 8, 2026" for a clinic day. */
export function formatDate(day: string, locale: string): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${day}T12:00:00Z`));
}

function zoneAbbreviation(iso: string, locale: string, timeZone: string): string {
  const part = new Intl.DateTimeFormat(intlLocale(locale), { timeZoneName: 'short', timeZone }).formatToParts(new Date(iso)).find((p) => p.type === 'timeZoneName');
  return part?.value ?? '';
}

/** "Central Time" for the clinic's zone, in the reader's language. */
export function zoneName(locale: string, timeZone: string): string {
  const part = new Intl.DateTimeFormat(intlLocale(locale), { timeZoneName: 'longGeneric', timeZone }).formatToParts(new Date()).find((p) => p.type === 'timeZoneName');
  return part?.value ?? timeZone;
}

export function statusText(t: TFunction<'appointments'>, status: AppointmentStatus): string {
  return t(`status.${status}`);
}
