const partialDate = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/**
 * Formats a FHIR date or dateTime for reading, in the given language.
 * FHIR allows "2019", "2019-03" and "2019-03-04", so only the parts that are known
 * are shown ("March 2019", not "March 1, 2019"). Plain dates are calendar dates and
 * are formatted in UTC so they never shift a day with the reader's time zone.
 */
export function formatFhirDate(value: string, locale: string): string {
  const match = partialDate.exec(value);
  if (match) {
    const [, year, month, day] = match;
    const date = new Date(Date.UTC(Number(year), month ? Number(month) - 1 : 0, day ? Number(day) : 1));
    const options: Intl.DateTimeFormatOptions = day
      ? { dateStyle: 'long', timeZone: 'UTC' }
      : month
        ? { year: 'numeric', month: 'long', timeZone: 'UTC' }
        : { year: 'numeric', timeZone: 'UTC' };
    return new Intl.DateTimeFormat(locale, options).format(date);
  }

  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) return value;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(instant);
}

/** "hives, rash and swelling" / "urticaria, sarpullido e hinchazón". */
export function formatList(items: readonly string[], locale: string): string {
  return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(items);
}
