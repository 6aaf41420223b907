import { useEffect, useState } from 'react';
import type { PasswordCheck } from '@ourchart/contracts';
import { checkPassword } from '../api/auth-endpoints.ts';

/** A strength check and the exact password it is about, so a stale answer is never mistaken for a fresh one. */
export type PasswordCheckFor = { password: string; result: PasswordCheck };

/** How long typing must pause before asking the server: a few requests per password, not one per key. */
export const CHECK_DELAY_MS = 400;

/**
 * Asks the server how strong `password` is (zxcvbn plus a breached-password list, which is too
 * big to ship to the browser), after typing pauses. Answers for an older value are dropped.
 * A failed check gives null: the server checks again when the form is sent.
 */
export function usePasswordCheck(password: string, email: string | undefined): PasswordCheckFor | null {
  const [check, setCheck] = useState<PasswordCheckFor | null>(null);

  useEffect(() => {
    if (password === '') {
      setCheck(null);
      return;
    }
    let isCurrent = true;
    const timer = window.setTimeout(() => {
      checkPassword(password, email?.trim() || undefined).then(
        (result) => {
          if (isCurrent) setCheck({ password, result });
        },
        () => {
          if (isCurrent) setCheck(null);
        },
      );
    }, CHECK_DELAY_MS);
    return () => {
      isCurrent = false;
      window.clearTimeout(timer);
    };
  }, [password, email]);

  return check;
}
