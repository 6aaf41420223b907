/** The three boxes of a date of birth, as typed. */
export type DateParts = { day: string; month: string; year: string };

/** Translation keys in the `forms` namespace (forms-words.ts). */
export type DateOfBirthErrorKey =
  | 'dateOfBirth.required'
  | 'dateOfBirth.invalid'
  | 'dateOfBirth.future'
  | 'dateOfBirth.yearFormat';

export const emptyDate: DateParts = { day: '', month: '', year: '' };

const digits = /^\d{1,4}$/;

/**
 * Turns what was typed into the API's YYYY-MM-DD, or says what is wrong. Rejects dates that do
 * not exist (31 April, 29 February outside leap years) and dates after `today`.
 */
export function toIsoDate(parts: DateParts, today: Date = new Date()): { value: string } | { error: DateOfBirthErrorKey } {
  const day = parts.day.trim();
  const month = parts.month.trim();
  const year = parts.year.trim();
  if (!day && !month && !year) return { error: 'dateOfBirth.required' };
  if (!digits.test(day) || !digits.test(month) || !digits.test(year)) return { error: 'dateOfBirth.invalid' };
  if (year.length !== 4) return { error: 'dateOfBirth.yearFormat' };
  const d = Number(day);
  const m = Number(month);
  const y = Number(year);
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return { error: 'dateOfBirth.invalid' };
  }
  const todayUtc = Date.UTC(today.getFullYear(), today.getMonth(), today.getDate());
  if (date.getTime() > todayUtc) return { error: 'dateOfBirth.future' };
  return { value: `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` };
}
