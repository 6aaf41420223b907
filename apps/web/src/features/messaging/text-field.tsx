import { useId } from 'react';
import type { Ref } from 'react';

type TextFieldProps = { label: string; hint?: string; name: string; value: string; onChange: (v: string) => void; error?: string | null; maxLength: number; inputRef?: Ref<HTMLInputElement> };

/** A one-line labelled field with hint and error tied by aria-describedby (plain HTML, no react-aria in this page's bundle). */
export function TextField({ label, hint, name, value, onChange, error, maxLength, inputRef }: TextFieldProps) {
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
      <input
        id={id} ref={inputRef} name={name} type="text" className="field__input" maxLength={maxLength} aria-required="true"
        aria-invalid={error ? true : undefined} aria-describedby={describedBy || undefined} value={value} onChange={(e) => onChange(e.target.value)}
      />
      {error ? (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
