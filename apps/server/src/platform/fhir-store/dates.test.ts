import { describe, expect, it } from 'vitest';
import { dateRange, periodRange } from './dates.ts';

describe('FHIR date ranges', () => {
  it('covers the whole year, month or day a partial date names', () => {
    expect(dateRange('2020')).toEqual({ start: '2020-01-01T00:00:00.000Z', end: '2021-01-01T00:00:00.000Z' });
    expect(dateRange('2020-02')).toEqual({ start: '2020-02-01T00:00:00.000Z', end: '2020-03-01T00:00:00.000Z' });
    expect(dateRange('2020-12-31')).toEqual({ start: '2020-12-31T00:00:00.000Z', end: '2021-01-01T00:00:00.000Z' });
  });

  it('honours time zones and precision to the second or millisecond', () => {
    expect(dateRange('1994-05-19T19:33:18-04:00')).toEqual({ start: '1994-05-19T23:33:18.000Z', end: '1994-05-19T23:33:19.000Z' });
    expect(dateRange('2024-01-01T00:00:00.123Z')).toEqual({ start: '2024-01-01T00:00:00.123Z', end: '2024-01-01T00:00:00.124Z' });
  });

  it('rejects text that is not a FHIR date', () => {
    expect(dateRange('yesterday')).toBeUndefined();
    expect(dateRange('2020-13')).toBeUndefined();
  });

  it('treats a period without an end as open', () => {
    expect(periodRange({ start: '2020-01-01' })).toEqual({ start: '2020-01-01T00:00:00.000Z', end: 'infinity' });
    expect(periodRange({ end: '2020-01-01' })).toEqual({ start: '-infinity', end: '2020-01-02T00:00:00.000Z' });
  });
});
