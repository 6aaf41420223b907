/** A half-open instant range [start, end) in ISO strings; '-infinity' / 'infinity' for open ends. */
export type DateRange = { start: string; end: string };

const DATE_RE = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/;

/**
 * The range of instants a FHIR date, dateTime or instant covers, by its precision:
 * '2020' is all of 2020, '2020-03-04' that whole day (UTC), a time to the second that second.
 * Returns undefined for text that is not a FHIR date.
 */
export function dateRange(value: string): DateRange | undefined {
  const m = DATE_RE.exec(value.trim());
  if (!m) return undefined;
  const [, y, mo, d, hh, mi, ss, frac, tz] = m;
  const year = Number(y);
  if (mo === undefined) return utcRange(Date.UTC(year, 0, 1), Date.UTC(year + 1, 0, 1));
  const month = Number(mo) - 1;
  if (month < 0 || month > 11) return undefined;
  if (d === undefined) return utcRange(Date.UTC(year, month, 1), Date.UTC(year, month + 1, 1));
  const day = Number(d);
  if (hh === undefined) {
    const start = Date.UTC(year, month, day);
    return utcRange(start, Date.UTC(year, month, day + 1));
  }
  const start = Date.parse(`${y}-${mo}-${d}T${hh}:${mi}:${ss ?? '00'}${frac ?? ''}${tz ?? 'Z'}`);
  if (Number.isNaN(start)) return undefined;
  const step = frac ? 1 : ss ? 1000 : 60_000;
  return utcRange(start, start + step);
}

function utcRange(start: number, end: number): DateRange | undefined {
  if (Number.isNaN(start) || Number.isNaN(end)) return undefined;
  return { start: new Date(start).toISOString(), end: new Date(end).toISOString() };
}

/** The range a FHIR Period covers; a missing end is open (infinity). */
export function periodRange(period: { start?: string; end?: string }): DateRange | undefined {
  const start = period.start ? dateRange(period.start)?.start : '-infinity';
  const end = period.end ? dateRange(period.end)?.end : 'infinity';
  if (!start || !end) return undefined;
  return { start, end };
}
