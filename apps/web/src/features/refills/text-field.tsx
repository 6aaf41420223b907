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
  required?: boolean;
  maxLength: number;
  rows?: number;
  textareaRef?: Ref<HTMLTextAreaElement>;
};

/**
 * A labelled multi-line field like corrections/text-area-field.tsx, which always says
 * "required": a refill note is optional. Hint and error are tied with aria-describedby.
 */
export function TextAreaField({ label, name, value, onChange, hint, error, required = false, maxLength, rows = 3, textareaRef }: TextAreaFieldProps) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="field__hint">
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
        aria-required={required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
      {error ? (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
