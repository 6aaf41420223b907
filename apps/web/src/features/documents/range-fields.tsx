import { useTranslation } from 'react-i18next';

export type Range = { from: string; to: string };
export type RangeErrors = { from?: string; to?: string };

/** A year back to today: what most people want to download. */
export function defaultRange(): Range {
  const today = new Date();
  const from = new Date(today);
  from.setFullYear(today.getFullYear() - 1);
  const day = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  return { from: day(from), to: day(today) };
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The same rules as the server (contracts DateRange), worded for the form. Returns keys of range.errors. */
export function checkRange(range: Range): { from?: 'fromMissing'; to?: 'toMissing' | 'order' } {
  const out: { from?: 'fromMissing'; to?: 'toMissing' | 'order' } = {};
  if (!DAY.test(range.from)) out.from = 'fromMissing';
  if (!DAY.test(range.to)) out.to = 'toMissing';
  if (!out.from && !out.to && range.from > range.to) out.to = 'order';
  return out;
}

/** Two native date fields in a fieldset; the hint explains which items a range includes. */
export function RangeFields({ id, range, onChange, errors }: { id: string; range: Range; onChange: (r: Range) => void; errors: RangeErrors }) {
  const { t } = useTranslation('documents');
  const field = (key: 'from' | 'to') => (
    <div className="field">
      <label className="field__label" htmlFor={`${id}-${key}`}>{t(`range.${key}`)}</label>
      <input
        id={`${id}-${key}`} name={key} type="date" className="field__input" value={range[key]} required
        aria-invalid={errors[key] ? true : undefined} aria-describedby={errors[key] ? `${id}-${key}-error` : undefined}
        onChange={(event) => onChange({ ...range, [key]: event.target.value })}
      />
      {errors[key] ? <p id={`${id}-${key}-error`} className="field__error">{errors[key]}</p> : null}
    </div>
  );
  return (
    <fieldset className="choice-group" aria-describedby={`${id}-hint`}>
      <legend className="field__label">{t('range.legend')}</legend>
      <p id={`${id}-hint`} className="field__hint">{t('range.hint')}</p>
      <div className="range-fields">
        {field('from')}
        {field('to')}
      </div>
    </fieldset>
  );
}

/** "Jan 1, 2024" for a calendar day, as written. */
export function formatDay(day: string, locale: string): string {
  const date = new Date(`${day.slice(0, 10)}T12:00:00Z`);
  return Number.isNaN(date.getTime()) ? day : new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

export function formatMoment(iso: string, locale: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

export const DURATIONS = ['1', '24', '72', '168', '336', '720'] as const;
