import { describe, expect, it } from 'vitest';
import { checkAmount, formatMoney, parseAmount, toCents } from './money.ts';

describe('parseAmount', () => {
  it('reads amounts the way people type them', () => {
    expect(parseAmount('10')).toBe(1000);
    expect(parseAmount(' 10.5 ')).toBe(1050);
    expect(parseAmount('$10.50')).toBe(1050);
    expect(parseAmount('10.')).toBe(1000);
    expect(parseAmount('1,234.56')).toBe(123456);
    expect(parseAmount('0.07')).toBe(7);
  });

  it('takes a decimal comma, as many Spanish speakers write it', () => {
    expect(parseAmount('10,50')).toBe(1050);
    expect(parseAmount('10,5')).toBe(1050);
  });

  it('refuses what is not an amount of money', () => {
    for (const text of ['', 'ten', '-5', '10.555', '1.2.3', '1,23,4', '12a', '.']) expect(parseAmount(text), text).toBeNull();
  });
});

describe('checkAmount', () => {
  it('names the problem a person must fix', () => {
    expect(checkAmount('  ', 5000)).toEqual({ ok: false, problem: 'missing' });
    expect(checkAmount('abc', 5000)).toEqual({ ok: false, problem: 'notAmount' });
    expect(checkAmount('0.00', 5000)).toEqual({ ok: false, problem: 'zero' });
    expect(checkAmount('50.01', 5000)).toEqual({ ok: false, problem: 'tooMuch' });
  });

  it('accepts anything from one cent up to the most that can be paid', () => {
    expect(checkAmount('0.01', 5000)).toEqual({ ok: true, cents: 1 });
    expect(checkAmount('50', 5000)).toEqual({ ok: true, cents: 5000 });
  });
});

describe('money in cents', () => {
  it('rounds dollars from the API to whole cents', () => {
    expect(toCents(0.1 + 0.2)).toBe(30);
    expect(toCents(123.45)).toBe(12345);
  });

  it('writes money in the reader\'s language', () => {
    expect(formatMoney(1234.5, 'en')).toBe('$1,234.50');
    expect(formatMoney(10, 'es')).toMatch(/10[.,]00/);
  });
});
