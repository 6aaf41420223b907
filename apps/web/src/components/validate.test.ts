import { describe, expect, it } from 'vitest';
import { codeProblem, emailProblem, normaliseCode, sixDigitProblem } from './validate.ts';

describe('emailProblem', () => {
  it('asks for an email, then for a plausible one', () => {
    expect(emailProblem(' ')).toBe('fieldErrors.emailRequired');
    expect(emailProblem('ana@example')).toBe('fieldErrors.emailInvalid');
    expect(emailProblem(' ana@example.org ')).toBeNull();
  });
});

describe('six-digit codes', () => {
  it('accepts codes typed with spaces or a dash, as emails and apps often show them', () => {
    expect(normaliseCode('123 456')).toBe('123456');
    expect(sixDigitProblem('123-456')).toBeNull();
  });

  it('says what is wrong with a missing, short or non-numeric code', () => {
    expect(sixDigitProblem('')).toBe('fieldErrors.codeRequired');
    expect(sixDigitProblem('12345')).toBe('fieldErrors.sixDigits');
    expect(sixDigitProblem('12345a')).toBe('fieldErrors.sixDigits');
  });
});

describe('codeProblem', () => {
  it('only requires something to be typed', () => {
    expect(codeProblem('  ')).toBe('fieldErrors.codeRequired');
    expect(codeProblem('ABCD-1234')).toBeNull();
  });
});
