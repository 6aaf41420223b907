import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { errorMessage } from '../../api/error-message.ts';

// Native form pieces for the scheduling pages (selects, times, checkboxes and numbers, which the
// shared react-aria TextInput does not cover). Hints and errors are tied to their field with
// aria-describedby and the field is marked aria-invalid, as in components/form-parts.tsx.

type ControlProps = { id: string; 'aria-describedby': string | undefined; 'aria-invalid': true | undefined };

/** A labelled control; `children` renders the input with the props that tie it to its label, hint and error. */
export function Field({ label, hint, error, className, children }: {
  label: string; hint?: string; error?: string | undefined; className?: string; children: (props: ControlProps) => ReactNode;
}) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
      {children({ id, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined })}
      {error ? (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** Radio buttons or checkboxes under one legend; the error is read with the group. */
export function ChoiceGroup({ legend, hint, error, children }: { legend: string; hint?: string; error?: string | undefined; children: ReactNode }) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset className="field choice-group" aria-describedby={describedBy} data-invalid={error ? true : undefined}>
      <legend className="field__label">{legend}</legend>
      {hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      ) : null}
      <div className="choice-group__options">{children}</div>
    </fieldset>
  );
}

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

/**
 * Always in the page (an empty live region), so the problem is announced the moment it appears.
 * Field problems are listed too, like an error summary, and each is also shown beside its field.
 */
export function ProblemAlert({ message, errors, summary }: { message: string | null; errors: FieldErrors; summary: string }) {
  const problems = Object.values(errors);
  return (
    <div role="alert" className="form-alert">
      {message ? <p className="notice notice--error">{message}</p> : null}
      {!message && problems.length > 0 ? (
        <div className="notice notice--error error-summary">
          <p>{summary}</p>
          <ul>
            {problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
