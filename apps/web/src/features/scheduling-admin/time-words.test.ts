import { describe, expect, it } from 'vitest';
import { clockText, dayText, todayIn } from './time-words.ts';

describe('clinic times in words', () => {
  it('words a clinic clock time in each language without the browser time zone moving it', () => {
    expect(clockText('08:30', 'en')).toBe('8:30 AM');
    expect(clockText('13:05', 'en')).toBe('1:05 PM');
    expect(clockText('13:05', 'es')).toBe('13:05');
  });

  it('words a clinic day with its weekday', () => {
    expect(dayText('2026-12-22', 'en')).toBe('Tuesday, December 22, 2026');
    expect(dayText('2026-12-22', 'es')).toBe('martes, 22 de diciembre de 2026');
  });

  it('finds today on the clinic clock, which may differ from UTC', () => {
    expect(todayIn('America/Chicago', new Date('2026-12-08T03:00:00Z'))).toBe('2026-12-07');
    expect(todayIn('UTC', new Date('2026-12-08T03:00:00Z'))).toBe('2026-12-08');
  });
});
