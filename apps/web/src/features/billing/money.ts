// Money on the billing pages: what a person types as an amount, checked the way the server checks
// it (more than zero, cents at most, no more than can be paid). Amounts travel as dollars
// (2 decimals); the arithmetic here is in whole cents so $0.10 + $0.20 is never $0.30000000000000004.

/** Dollars (as the API sends them) to whole cents. */
export const toCents = (dollars: number): number => Math.round(dollars * 100);

/** Whole cents to dollars with 2 decimals, as the API takes them. */
export const toDollars = (cents: number): number => cents / 100;

/** "$1,234.50" in English, "1234,50 US$" or similar in Spanish: the reader's own way of writing money. */
export function formatMoney(dollars: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency: 'USD' }).format(dollars);
}

/**
 * What someone typed as an amount, in cents, or null when it is not an amount. Takes "10", "10.5",
 * "$10.50", "1,234.56" and a decimal comma ("10,50", as many Spanish speakers write it); refuses
 * more than 2 decimals, letters and negative numbers.
 */
export function parseAmount(text: string): number | null {
  let value = text.trim().replace(/^(US)?\$\s*/i, '').replace(/\s*(US)?\$$/i, '').replace(/\s/g, '');
  if (value === '') return null;
  // One comma followed by 1 or 2 digits at the end, and no point: a decimal comma.
  if (/^\d+,\d{1,2}$/.test(value)) value = value.replace(',', '.');
  // Thousands separators only in groups of three.
  else if (/^\d{1,3}(,\d{3})+(\.\d*)?$/.test(value)) value = value.replace(/,/g, '');
  const match = /^(\d+)(?:\.(\d{0,2}))?$/.exec(value);
  if (!match) return null;
  const whole = Number(match[1]);
  const cents = Number((match[2] ?? '').padEnd(2, '0'));
  if (!Number.isSafeInteger(whole * 100 + cents)) return null;
  return whole * 100 + cents;
}

export type AmountProblem = 'missing' | 'notAmount' | 'zero' | 'tooMuch';

/** The amount to pay in cents, or what is wrong with it. `maxCents`: the most that can be paid now. */
export function checkAmount(text: string, maxCents: number): { ok: true; cents: number } | { ok: false; problem: AmountProblem } {
  if (text.trim() === '') return { ok: false, problem: 'missing' };
  const cents = parseAmount(text);
  if (cents === null) return { ok: false, problem: 'notAmount' };
  if (cents === 0) return { ok: false, problem: 'zero' };
  if (cents > maxCents) return { ok: false, problem: 'tooMuch' };
  return { ok: true, cents };
}
