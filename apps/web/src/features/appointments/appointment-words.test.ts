import { describe, expect, it } from 'vitest';
import { formatDay, formatTime, formatWhen, zoneName } from './appointment-words.ts';

describe('appointment words', () => {
  it('says a visit time in words in the clinic zone, with the zone', () => {
    expect(formatWhen('2026-12-08T16:00:00.000Z', 'en', 'America/Chicago')).toBe('Tuesday, December 8, 2026 at 10:00 AM CST');
    expect(formatWhen('2027-07-06T15:00:00.000Z', 'en', 'America/Chicago')).toBe('Tuesday, July 6, 2027 at 10:00 AM CDT');
    expect(formatWhen('2026-12-08T16:00:00.000Z', 'es', 'America/Chicago')).toMatch(/^martes, 8 de diciembre de 2026, 10:00\sa\.\s?m\. CST$/);
  });

  it('names days and times without shifting the day', () => {
    expect(formatDay('2026-12-08', 'en')).toBe('Tuesday, December 8');
    expect(formatDay('2026-12-08', 'es')).toBe('martes, 8 de diciembre');
    expect(formatTime('2026-12-08T15:20:00.000Z', 'en', 'America/Chicago')).toBe('9:20 AM');
    expect(zoneName('en', 'America/Chicago')).toBe('Central Time');
  });
});
