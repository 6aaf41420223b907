import { describe, expect, it } from 'vitest';
import { validateEmail, validatePassword } from './validate-sign-in.ts';

describe('validateEmail', () => {
  it('asks for an email when the field is empty or blank', () => {
    expect(validateEmail('')).toBe('errors.emailRequired');
    expect(validateEmail('   ')).toBe('errors.emailRequired');
  });

  it('explains the expected shape when the address is malformed', () => {
    expect(validateEmail('ana')).toBe('errors.emailInvalid');
    expect(validateEmail('ana@example')).toBe('errors.emailInvalid');
    expect(validateEmail('ana @example.com')).toBe('errors.emailInvalid');
  });

  it('accepts a normal address, ignoring spaces around it', () => {
    expect(validateEmail(' ana.garcia@example.org ')).toBeNull();
  });
});

describe('validatePassword', () => {
  it('asks for a password only when it is empty', () => {
    expect(validatePassword('')).toBe('errors.passwordRequired');
    expect(validatePassword(' ')).toBeNull();
  });
});
