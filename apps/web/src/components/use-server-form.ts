import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { errorMessage } from '../api/error-message.ts';

export type FieldErrors = Record<string, string>;

/**
 * One request at a time for a form, with the server's answer split for the page: field errors
 * (problem+json `errors`, keyed by their first path segment) beside each field, anything else as
 * one message. After a failed submit the first invalid field in `formRef` takes focus.
 */
export function useServerForm(onApiError: (error: unknown) => void) {
  const { t } = useTranslation('common');
  const [pending, setPending] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (attempt === 0 || Object.keys(errors).length === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], [data-invalid="true"] input')?.focus();
  }, [attempt, errors]);

  const run = useCallback(
    async <T,>(work: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false }> => {
      setPending(true);
      setErrors({});
      setMessage(null);
      try {
        return { ok: true, value: await work() };
      } catch (error) {
        onApiError(error);
        const fields = error instanceof ApiError ? (error.problem?.errors ?? []) : [];
        if (fields.length > 0) {
          const next: FieldErrors = {};
          for (const f of fields) next[f.path.split('.')[0] || 'form'] ??= f.message;
          setErrors(next);
        } else {
          setMessage(errorMessage(error, t));
        }
        setAttempt((n) => n + 1);
        return { ok: false };
      } finally {
        setPending(false);
      }
    },
    [onApiError, t],
  );

  const reset = useCallback(() => {
    setErrors({});
    setMessage(null);
  }, []);

  return { pending, errors, message, run, reset, formRef };
}
