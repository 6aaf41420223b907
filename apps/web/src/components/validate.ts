/** Translation keys (namespace `forms`, see forms-words.ts) for field problems shared by the identity forms. */
export type FieldErrorKey = 'fieldErrors.emailRequired' | 'fieldErrors.emailInvalid' | 'fieldErrors.codeRequired' | 'fieldErrors.sixDigits';

// Deliberately loose: catches typos like a missing "@" or domain, and leaves the rest to the server.
const emailShape = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function emailProblem(value: string): FieldErrorKey | null {
  const email = value.trim();
  if (email === '') return 'fieldErrors.emailRequired';
  return emailShape.test(email) ? null : 'fieldErrors.emailInvalid';
}

/** Codes are often pasted with spaces or dashes ("123 456"); these are dropped before sending. */
export function normaliseCode(value: string): string {
  return value.replace(/[\s-]/g, '');
}

/** A 6-digit code from an app or an email. */
export function sixDigitProblem(value: string): FieldErrorKey | null {
  const code = normaliseCode(value);
  if (code === '') return 'fieldErrors.codeRequired';
  return /^\d{6}$/.test(code) ? null : 'fieldErrors.sixDigits';
}

/** Any code that is not 6 digits (activation and recovery codes): only presence is checked here. */
export function codeProblem(value: string): FieldErrorKey | null {
  return value.trim() === '' ? 'fieldErrors.codeRequired' : null;
}
