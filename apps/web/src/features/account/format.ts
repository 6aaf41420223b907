/** "Mar 4, 2026, 3:07 PM" / "4 mar 2026, 15:07", in the reader's language and time zone. */
export function formatDateTime(iso: string, locale: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** "3:07 PM" / "15:07". */
export function formatTime(iso: string, locale: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { timeStyle: 'short' }).format(date);
}

/** The machine-readable value for <time dateTime>. */
export function isoOrUndefined(iso: string): string | undefined {
  return Number.isNaN(new Date(iso).getTime()) ? undefined : iso;
}
