import { useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { addReading } from './vitals-api.ts';
import '../../styles/forms.css';
import { localNow, validateReading, type FieldProblem, type ReadingField, type ReadingForm as FormValues } from './validate-reading.ts';

type Props = { onSaved: () => void };

/** "Add a reading": type, values, date and time (now by default). Messages are tied to their fields. */
export function ReadingForm({ onSaved }: Props) {
  const { t } = useTranslation('vitals');
  const headingId = useId();
  const [values, setValues] = useState<FormValues>(() => ({ type: 'blood-pressure', systolic: '', diastolic: '', glucose: '', weight: '', unit: 'kg', when: localNow() }));
  const [problems, setProblems] = useState<Partial<Record<ReadingField, FieldProblem>>>({});
  const [status, setStatus] = useState<{ kind: 'saved' | 'failed' | 'fix'; text?: string } | null>(null);
  const [pending, setPending] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const set = (key: keyof FormValues) => (value: string) => setValues((v) => ({ ...v, [key]: value }));

  const message = (p: FieldProblem | undefined): string | null => {
    if (!p) return null;
    if (p.key === 'range') return t('form.errors.range', { field: t(`form.fields.${p.field as 'systolic'}`), min: p.min, max: p.max, unit: p.unit });
    return t(`form.errors.${p.key}`);
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = validateReading(values);
    if (!result.ok) {
      setProblems(result.problems);
      setStatus({ kind: 'fix' });
      // Focus the first field to fix, so keyboard and screen reader users land on it.
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setProblems({});
    setPending(true);
    try {
      await addReading(result.reading);
      setStatus({ kind: 'saved' });
      setValues((v) => ({ ...v, systolic: '', diastolic: '', glucose: '', weight: '', when: localNow() }));
      onSaved();
    } catch (error) {
      // The server checks the same limits; its words are shown if it still refuses.
      const text = error instanceof ApiError && error.status === 400 ? error.problem?.detail : undefined;
      setStatus({ kind: 'failed', text });
    } finally {
      setPending(false);
    }
  }

  return (
    <section aria-labelledby={headingId} className="reading-form card">
      <h2 id={headingId} className="card__title">
        {t('form.heading')}
      </h2>
      <p>{t('form.intro')}</p>
      <form ref={formRef} noValidate onSubmit={submit} className="reading-form__fields">
        <Field id="reading-type" label={t('form.type')}>
          {(props) => (
            <select {...props} className="field__input" value={values.type} onChange={(e) => { set('type')(e.target.value); setProblems({}); }}>
              {(['blood-pressure', 'glucose', 'weight'] as const).map((type) => (
                <option key={type} value={type}>{t(`form.types.${type}`)}</option>
              ))}
            </select>
          )}
        </Field>
        {values.type === 'blood-pressure' ? (
          <div className="reading-form__pair">
            <NumberField id="reading-systolic" label={t('form.systolic')} value={values.systolic} onChange={set('systolic')} error={message(problems.systolic)} />
            <NumberField id="reading-diastolic" label={t('form.diastolic')} value={values.diastolic} onChange={set('diastolic')} error={message(problems.diastolic)} />
          </div>
        ) : null}
        {values.type === 'glucose' ? <NumberField id="reading-glucose" label={t('form.glucose')} value={values.glucose} onChange={set('glucose')} error={message(problems.glucose)} /> : null}
        {values.type === 'weight' ? (
          <div className="reading-form__pair">
            <NumberField id="reading-weight" label={t('form.weight')} value={values.weight} onChange={set('weight')} error={message(problems.weight)} decimal />
            <Field id="reading-unit" label={t('form.unit')}>
              {(props) => (
                <select {...props} className="field__input" value={values.unit} onChange={(e) => set('unit')(e.target.value)}>
                  <option value="kg">{t('form.units.kg')}</option>
                  <option value="lb">{t('form.units.lb')}</option>
                </select>
              )}
            </Field>
          </div>
        ) : null}
        <Field id="reading-when" label={t('form.when')} error={message(problems.when)}>
          {(props) => <input {...props} type="datetime-local" className="field__input" value={values.when} max={localNow()} onChange={(e) => set('when')(e.target.value)} />}
        </Field>
        <div role="status" aria-live="polite" className="reading-form__status">
          {status?.kind === 'saved' ? <p className="notice notice--success">{t('form.saved')}</p> : null}
          {status?.kind === 'fix' ? <p className="notice notice--error">{t('form.fix')}</p> : null}
          {status?.kind === 'failed' ? <p className="notice notice--error">{status.text ?? t('form.failed')}</p> : null}
        </div>
        <button type="submit" className="button button--primary" disabled={pending}>
          {pending ? t('form.saving') : t('form.submit')}
        </button>
      </form>
    </section>
  );
}

type ControlProps = { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string };

function Field({ id, label, error, children }: { id: string; label: string; error?: string | null; children: (props: ControlProps) => ReactNode }) {
  const errorId = `${id}-error`;
  return (
    <div className="field">
      <label htmlFor={id} className="field__label">{label}</label>
      {children({ id, ...(error ? { 'aria-invalid': true, 'aria-describedby': errorId } : {}) })}
      {error ? <p id={errorId} className="field__error">{error}</p> : null}
    </div>
  );
}

function NumberField({ id, label, value, onChange, error, decimal = false }: { id: string; label: string; value: string; onChange: (v: string) => void; error: string | null; decimal?: boolean }) {
  return (
    <Field id={id} label={label} error={error}>
      {(props) => <input {...props} type="text" inputMode={decimal ? 'decimal' : 'numeric'} autoComplete="off" className="field__input" value={value} onChange={(e) => onChange(e.target.value)} />}
    </Field>
  );
}
