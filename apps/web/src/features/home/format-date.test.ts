import { describe, expect, it } from 'vitest';
import { formatFhirDate, formatList } from './format-date.ts';

describe('formatFhirDate', () => {
  it('shows only the parts of a partial date that are known', () => {
    expect(formatFhirDate('2019', 'en')).toBe('2019');
    expect(formatFhirDate('2019-03', 'en')).toBe('March 2019');
    expect(formatFhirDate('2019-03', 'es')).toBe('marzo de 2019');
  });

  it('formats a full date in the reader language without shifting the day', () => {
    expect(formatFhirDate('2021-01-01', 'en')).toBe('January 1, 2021');
    expect(formatFhirDate('2021-01-01', 'es')).toBe('1 de enero de 2021');
  });

  it('formats a dateTime and leaves text it cannot read as it is', () => {
    expect(formatFhirDate('2021-06-15T12:00:00Z', 'en')).toBe('June 15, 2021');
    expect(formatFhirDate('sometime', 'en')).toBe('sometime');
  });
});

describe('formatList', () => {
  it('joins with the words and grammar of each language', () => {
    expect(formatList(['hives', 'rash', 'swelling'], 'en')).toBe('hives, rash, and swelling');
    expect(formatList(['urticaria', 'hinchazón'], 'es')).toBe('urticaria e hinchazón');
  });
});
