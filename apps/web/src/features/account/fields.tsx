import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/error-message.ts';
// The shared form pieces, so every form in the app looks and announces the same way.
export { FormAlert, FormStatus, SubmitButton, TextInput } from '../../components/form-parts.tsx';
import '../../styles/forms.css';
import './account.css';

// useSubmit for the signed-in account, staff and admin pages; the fields themselves are the
// shared ones from components/form-parts.tsx.

/**
 * Runs one request at a time for a form: `isPending` while it runs, `failure` when it
 * failed (worded by `failureText`, so the words follow a language switch).
 * `onApiError` sees every failure first, so an ended session goes to sign-in.
 */
export function useSubmit(onApiError: (error: unknown) => void) {
  const { t } = useTranslation('common');
  const [isPending, setPending] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  const run = useCallback(
    async <T,>(work: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false }> => {
      setPending(true);
      setFailure(null);
      try {
        const value = await work();
        return { ok: true, value };
      } catch (error) {
        onApiError(error);
        setFailure(error);
        return { ok: false };
      } finally {
        setPending(false);
      }
    },
    [onApiError],
  );

  const failureText = failure ? errorMessage(failure, t) : null;
  return { isPending, failure, failureText, setFailure, run };
}
