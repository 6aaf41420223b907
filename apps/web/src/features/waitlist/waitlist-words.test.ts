import { describe, expect, it } from 'vitest';
import { formatDay, formatWhen } from './waitlist-words.ts';

describe('waitlist dates', () => {
  it('writes instants in the clinic time zone, not the browser\'s', () => {
    // 03:30 UTC on Dec 8 is still Dec 7 in Chicago.
    expect(formatWhen('2026-12-08T03:30:00.000Z', 'en', 'America/Chicago')).toMatch(/^Monday, December 7, 2026 at 9:30\sPM$/);
    expect(formatWhen('2026-12-08T03:30:00.000Z', 'es', 'America/Chicago')).toMatch(/^lunes, 7 de diciembre de 2026, 9:30\sp\.\s?m\.$/);
  });

  it('writes a chosen day as that calendar day in any time zone', () => {
    expect(formatDay('2026-12-01', 'en', 'Pacific/Honolulu')).toBe('December 1, 2026');
    expect(formatDay('2026-12-08T03:30:00.000Z', 'en', 'America/Chicago')).toBe('December 7, 2026');
  });
});
