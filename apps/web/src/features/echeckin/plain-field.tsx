import type { Ref } from 'react';

type PlainFieldProps = {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  error?: string | null;
  autoComplete?: string;
  inputMode?: 'text' | 'tel' | 'numeric';
  maxLength?: number;
  inputRef?: Ref<HTMLInputElement>;
  multiline?: boolean;
};

/**
 * A labelled field with a known id, so an error summary can link to it; hint and error are tied
 * to it with aria-describedby and the invalid state is in aria-invalid.
 */
export function PlainField({ id, label, value, onChange, hint, error, autoComplete, inputMode, maxLength = 200, inputRef, multiline }: PlainFieldProps) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
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
      {error ? (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      ) : null}
      {multiline ? (
        <textarea id={id} className="field__input field__textarea" rows={3} value={value} maxLength={maxLength} aria-invalid={error ? true : undefined} aria-describedby={describedBy} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input
          id={id} ref={inputRef} className="field__input" value={value} autoComplete={autoComplete} inputMode={inputMode} maxLength={maxLength}
          aria-invalid={error ? true : undefined} aria-describedby={describedBy} onChange={(e) => onChange(e.target.value)}
        />
      )}
    </div>
  );
}

/** Problems listed at the top of a form, each a link to its field; takes focus after a failed submit. */
export function ErrorSummary({ title, problems, summaryRef }: { title: string; problems: { id: string; text: string }[]; summaryRef: Ref<HTMLDivElement> }) {
  return (
    <div role="alert" className="form-alert">
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
