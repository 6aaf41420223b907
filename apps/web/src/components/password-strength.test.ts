import { describe, expect, it } from 'vitest';
import { newPasswordProblem, reasonKey, strengthKey } from './password-strength.ts';

describe('strengthKey', () => {
  it('words each zxcvbn score from very weak to very strong', () => {
    expect([0, 1, 2, 3, 4].map(strengthKey)).toEqual([
      'password.strength.veryWeak',
      'password.strength.weak',
      'password.strength.fair',
      'password.strength.strong',
      'password.strength.veryStrong',
    ]);
  });

  it('clamps scores outside 0-4 instead of showing nothing', () => {
    expect(strengthKey(-1)).toBe('password.strength.veryWeak');
    expect(strengthKey(9)).toBe('password.strength.veryStrong');
  });
});

describe('reasonKey', () => {
  it('turns each server reason into advice', () => {
    expect(reasonKey('too-short')).toBe('password.problem.tooShort');
    expect(reasonKey('common')).toBe('password.problem.common');
    expect(reasonKey('contains-email')).toBe('password.problem.containsEmail');
    expect(reasonKey('weak')).toBe('password.problem.weak');
    expect(reasonKey(null)).toBeNull();
  });
});

describe('newPasswordProblem', () => {
  const refused = { score: 0, acceptable: false, reason: 'common' as const };
  const fine = { score: 3, acceptable: true, reason: null };

  it('asks for a password, then for 12 characters, with no other composition rule', () => {
    expect(newPasswordProblem('', null)).toBe('password.problem.required');
    expect(newPasswordProblem('short pass', null)).toBe('password.problem.tooShort');
    expect(newPasswordProblem('all lower case words', null)).toBeNull();
    expect(newPasswordProblem('x'.repeat(257), null)).toBe('password.problem.tooLong');
  });

  it("uses the server's verdict only when it is about the password in the field now", () => {
    expect(newPasswordProblem('password1234', { password: 'password1234', result: refused })).toBe('password.problem.common');
    expect(newPasswordProblem('password12345', { password: 'password1234', result: refused })).toBeNull();
    expect(newPasswordProblem('correct horse battery', { password: 'correct horse battery', result: fine })).toBeNull();
  });

  it('still refuses an unacceptable password the server gave no reason for', () => {
    const noReason = { score: 1, acceptable: false, reason: null };
    expect(newPasswordProblem('something long', { password: 'something long', result: noReason })).toBe('password.problem.weak');
  });
});
