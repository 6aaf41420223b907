import { useId } from 'react';
import type { ReactNode, Ref } from 'react';

// Native (plain HTML) form pieces: for pages that keep react-aria out of their download and for
// controls the react-aria TextInput in form-parts.tsx does not cover (text areas, selects, dates,
// numbers, checkbox groups). Like form-parts.tsx, a field's hint and error are tied to its control
// with aria-describedby, the invalid state is in aria-invalid, and our own message is shown
// instead of the browser's.

/** What a control needs to be tied to its label, hint and error. */
export type FieldControlProps = { id: string; 'aria-describedby': string | undefined; 'aria-invalid': true | undefined };

type FieldFrame = {
  label: string;
  hint?: string;
  /** What to do to fix the value; the field is marked invalid while set. */
  error?: string | null;
  /** A known id, so an error summary can link to the control; a generated one when not given. */
  id?: string;
  className?: string;
  /** Show the error above the control (GOV.UK order) instead of below it. */
  errorFirst?: boolean;
};

function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
}

/** A labelled control; `children` renders the control with the props that tie it to its label, hint and error. */
export function Field({ label, hint, error, id: givenId, className, errorFirst = false, children }: FieldFrame & { children: (props: FieldControlProps) => ReactNode }) {
  const generatedId = useId();
  const id = givenId ?? generatedId;
  const errorText = error ? (
    <p id={`${id}-error`} className="field__error">
      {error}
    </p>
  ) : null;
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
      {errorFirst ? errorText : null}
      {children({ id, 'aria-describedby': describedBy(id, hint, error), 'aria-invalid': error ? true : undefined })}
      {errorFirst ? null : errorText}
    </div>
  );
}

type InputFieldProps = FieldFrame & {
  name?: string;
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'email' | 'date' | 'number';
  maxLength?: number;
  inputRef?: Ref<HTMLInputElement>;
  autoComplete?: string;
  /** Defaults to the keyboard for the type (numbers, email). */
  inputMode?: 'text' | 'tel' | 'numeric' | 'email';
  min?: string;
  max?: string;
  isRequired?: boolean;
};

/** A labelled one-line native input (text, email, date, number) with hint and error. */
export function InputField({ name, value, onChange, type, maxLength, inputRef, autoComplete, inputMode, min, max, isRequired, ...frame }: InputFieldProps) {
  return (
    <Field {...frame}>
      {(control) => (
        <input
          {...control}
          ref={inputRef}
          name={name}
          type={type}
          className="field__input"
          value={value}
          min={min}
          max={max}
          maxLength={maxLength}
          autoComplete={autoComplete}
          inputMode={inputMode ?? (type === 'number' ? 'numeric' : type === 'email' ? 'email' : undefined)}
          autoCapitalize={type === 'email' ? 'none' : undefined}
          spellCheck={type === 'email' ? false : undefined}
          aria-required={isRequired ? true : undefined}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Field>
  );
}

type TextAreaFieldProps = FieldFrame & {
  name?: string;
  value: string;
  onChange: (value: string) => void;
  maxLength: number;
  rows?: number;
  textareaRef?: Ref<HTMLTextAreaElement>;
  /** Marked aria-required unless told otherwise. */
  isRequired?: boolean;
};

/** A labelled multi-line field with hint and error. */
export function TextAreaField({ name, value, onChange, maxLength, rows = 4, textareaRef, isRequired = true, ...frame }: TextAreaFieldProps) {
  return (
    <Field {...frame}>
      {(control) => (
        <textarea
          {...control}
          ref={textareaRef}
          name={name}
          className="field__input field__textarea"
          rows={rows}
          maxLength={maxLength}
          aria-required={isRequired ? true : undefined}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Field>
  );
}

/** Radio buttons or checkboxes under one legend; the hint and error are read with the group. */
export function ChoiceGroup({ legend, hint, error, children }: { legend: string; hint?: string; error?: string | undefined; children: ReactNode }) {
  const id = useId();
  return (
    <fieldset className="field choice-group" aria-describedby={describedBy(id, hint, error)} data-invalid={error ? true : undefined}>
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

/**
 * Problems listed at the top of a form, each a link to its field; takes focus after a failed
 * submit. Always in the page (an empty live region), with `message` (a failure that is not about
 * one field) above the list.
 */
export function ErrorSummary({ title, problems, summaryRef, message }: {
  title: string; problems: { id: string; text: string }[]; summaryRef: Ref<HTMLDivElement>; message?: string | null;
}) {
  return (
    <div role="alert" className="form-alert">
      {message ? <p className="notice notice--error">{message}</p> : null}
      {problems.length > 0 ? (
        <div ref={summaryRef} tabIndex={-1} className="notice notice--error error-summary">
          <p className="strong">{title}</p>
          <ul>
            {problems.map((p) => (
              <li key={p.id}>
                <a
                  href={`#${p.id}`}
                  onClick={(event) => {
                    event.preventDefault();
                    document.getElementById(p.id)?.focus();
                  }}
                >
                  {p.text}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
