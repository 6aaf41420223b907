import { useId } from 'react';
import type { Ref } from 'react';

type TextAreaFieldProps = {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  /** What to do to fix the value; the field is marked invalid while set. */
  error?: string | null;
  maxLength: number;
  rows?: number;
  textareaRef?: Ref<HTMLTextAreaElement>;
};

/**
 * A labelled multi-line field in the style of components/form-parts.tsx (which has single-line
 * fields only): hint and error are tied to the field with aria-describedby, invalid state in
 * aria-invalid, and our own message instead of the browser's.
 */
export function TextAreaField({ label, name, value, onChange, hint, error, maxLength, rows = 4, textareaRef }: TextAreaFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
      <textarea
        id={id}
        ref={textareaRef}
        name={name}
        className="field__input field__textarea"
        rows={rows}
        maxLength={maxLength}
        aria-required="true"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
      {error ? (
        <p id={errorId} className="field__error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
