import type { PasswordCheck } from '@ourchart/contracts';

/** Shortest password the server accepts (NewPassword in contracts/identity.ts). */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

/** Translation keys (namespace `common`) for the five zxcvbn scores, weakest first. */
export const strengthKeys = [
  'password.strength.veryWeak',
  'password.strength.weak',
  'password.strength.fair',
  'password.strength.strong',
  'password.strength.veryStrong',
] as const;
export type StrengthKey = (typeof strengthKeys)[number];

export type PasswordProblemKey =
  | 'password.problem.required'
  | 'password.problem.tooShort'
  | 'password.problem.tooLong'
  | 'password.problem.common'
  | 'password.problem.containsEmail'
  | 'password.problem.weak';

/** The word for a score; out-of-range scores are clamped rather than shown as nothing. */
export function strengthKey(score: number): StrengthKey {
  const index = Math.min(strengthKeys.length - 1, Math.max(0, Math.round(score)));
  return strengthKeys[index]!;
}

/** What to do about a reason the server gave, or null when there is nothing to fix. */
export function reasonKey(reason: PasswordCheck['reason']): PasswordProblemKey | null {
  switch (reason) {
    case 'too-short':
      return 'password.problem.tooShort';
    case 'common':
      return 'password.problem.common';
    case 'contains-email':
      return 'password.problem.containsEmail';
    case 'weak':
      return 'password.problem.weak';
    default:
      return null;
  }
}

/**
 * Why a new password cannot be used, checked before sending the form: length here, and the
 * server's verdict when it has already checked this exact password. No composition rules
 * (NIST SP 800-63B): any 12 characters the server does not find common are fine.
 */
export function newPasswordProblem(password: string, check: { password: string; result: PasswordCheck } | null): PasswordProblemKey | null {
  if (password === '') return 'password.problem.required';
  if (password.length < MIN_PASSWORD_LENGTH) return 'password.problem.tooShort';
  if (password.length > MAX_PASSWORD_LENGTH) return 'password.problem.tooLong';
  if (check && check.password === password && !check.result.acceptable) {
    return reasonKey(check.result.reason) ?? 'password.problem.weak';
  }
  return null;
}
