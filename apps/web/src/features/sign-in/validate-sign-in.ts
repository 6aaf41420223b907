/** Translation keys (namespace `signIn`) for the messages a field can show. */
export type SignInErrorKey = 'errors.emailRequired' | 'errors.emailInvalid' | 'errors.passwordRequired';

// Deliberately loose: catches typos like a missing "@" or domain, and leaves the rest to the server.
const emailShape = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Returns a message key when the email cannot be right, else null. */
export function validateEmail(value: string): SignInErrorKey | null {
  const email = value.trim();
  if (email === '') return 'errors.emailRequired';
  if (!emailShape.test(email)) return 'errors.emailInvalid';
  return null;
}

/** Returns a message key when the password is missing, else null. */
export function validatePassword(value: string): SignInErrorKey | null {
  return value === '' ? 'errors.passwordRequired' : null;
}

