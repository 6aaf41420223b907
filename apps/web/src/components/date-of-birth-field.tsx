import { useId } from 'react';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { toLocale } from '../i18n/language.ts';
import type { DateParts } from './date-of-birth.ts';
import './forms-words.ts';
import '../styles/forms.css';

type DateOfBirthFieldProps = {
  value: DateParts;
  onChange: (value: DateParts) => void;
  /** What to do to fix the date; marks all three boxes invalid while set. */
  error?: string | null;
  /** Gets the first box, so a form can move focus here when the date is wrong. */
  firstInputRef?: Ref<HTMLInputElement>;
};

type Part = keyof DateParts;

/**
 * A date of birth as three boxes (GOV.UK's "memorable date" pattern): faster and more reliable
 * than a calendar for a date decades ago, and each box has its own label. The order follows the
 * language: month, day, year in English (US); day, month, year in Spanish.
 */
export function DateOfBirthField({ value, onChange, error, firstInputRef }: DateOfBirthFieldProps) {
  const { t, i18n } = useTranslation('forms');
  const id = useId();
  const order: Part[] = toLocale(i18n.resolvedLanguage) === 'es' ? ['day', 'month', 'year'] : ['month', 'day', 'year'];
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const autoComplete: Record<Part, string> = { day: 'bday-day', month: 'bday-month', year: 'bday-year' };

  return (
    <fieldset className="date-fields" aria-describedby={error ? `${hintId} ${errorId}` : hintId}>
      <legend className="date-fields__legend">{t('dateOfBirth.legend')}</legend>
      <p id={hintId} className="field__hint">
        {t('dateOfBirth.hint')}
      </p>
      <div className="date-fields__parts">
        {order.map((part, index) => (
          <div key={part} className={`date-fields__part date-fields__part--${part}`}>
            <label htmlFor={`${id}-${part}`} className="field__label">
              {t(`dateOfBirth.${part}`)}
            </label>
            <input
              id={`${id}-${part}`}
              ref={index === 0 ? firstInputRef : undefined}
              name={`birth-${part}`}
              className="field__input"
              inputMode="numeric"
              autoComplete={autoComplete[part]}
              maxLength={part === 'year' ? 4 : 2}
              value={value[part]}
              aria-invalid={error ? true : undefined}
              data-invalid={error ? true : undefined}
              onChange={(event) => onChange({ ...value, [part]: event.target.value })}
            />
          </div>
        ))}
      </div>
      {error ? (
        <p id={errorId} className="field__error">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
