import { useState } from 'react';
import type { FormEvent } from 'react';
import type { HoursRange } from '@ourchart/contracts';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/error-message.ts';
import { Field } from '../../components/native-fields.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { useServerForm } from '../../components/use-server-form.ts';
import { addHours, removeHours } from './scheduling-api.ts';
import type { SectionProps } from './setup-page.tsx';
import { clockText } from './time-words.ts';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 0] as const;
type WeekdayKey = `weekdays.${0 | 1 | 2 | 3 | 4 | 5 | 6}`;
const weekdayKey = (n: number) => `weekdays.${n}` as WeekdayKey;

/** Weekly hours per clinician (with where), removable one range at a time, and a form to add a range. */
export function HoursSection({ setup, onChanged, onApiError }: SectionProps) {
  const { t, i18n } = useTranslation('schedulingAdmin');
  const { t: tc } = useTranslation('common');
  const language = i18n.resolvedLanguage ?? 'en';
  const [removeFailure, setRemoveFailure] = useState<string | null>(null);
  const locations = new Map(setup.locations.map((l) => [l.id, l.name]));
  const withHours = setup.clinicians.filter((c) => setup.hours.some((h) => h.practitionerId === c.id));
  const order = (h: HoursRange) => ((h.weekday + 6) % 7) * 1440 + Number(h.start.slice(0, 2)) * 60 + Number(h.start.slice(3));

  async function remove(h: HoursRange, name: string) {
    setRemoveFailure(null);
    try {
      await removeHours(h.id);
      await onChanged(t('hours.removed', { name }));
    } catch (error) {
      onApiError(error);
      setRemoveFailure(errorMessage(error, tc));
    }
  }

  return (
    <section className="card" aria-labelledby="hours-title">
      <h2 id="hours-title" className="card__title">
        {t('hours.title')}
      </h2>
      <p>{t('hours.intro')}</p>
      <div role="alert" className="form-alert">
        {removeFailure ? <p className="notice notice--error">{removeFailure}</p> : null}
      </div>
      {withHours.map((c) => (
        <div key={c.id}>
          <h3 className="setup-subtitle">{c.name}</h3>
          <ul className="setup-list">
            {setup.hours
              .filter((h) => h.practitionerId === c.id)
              .sort((a, b) => order(a) - order(b))
              .map((h) => {
                const words = { day: t(weekdayKey(h.weekday)), start: clockText(h.start, language), end: clockText(h.end, language) };
                return (
                  <li key={h.id} className="setup-list__item">
                    <p>{t('hours.range', { ...words, location: locations.get(h.locationId) ?? h.locationId })}</p>
                    {setup.canEdit ? (
                      <button type="button" className="button button--secondary" onClick={() => void remove(h, c.name)}>
                        {t('remove')}
                        <span className="visually-hidden"> {t('hours.removeNamed', { ...words, name: c.name })}</span>
                      </button>
                    ) : null}
                  </li>
                );
              })}
          </ul>
        </div>
      ))}
      {withHours.length === 0 ? <p>{t('hours.none')}</p> : null}
      {setup.canEdit ? <AddHoursForm setup={setup} onChanged={onChanged} onApiError={onApiError} /> : null}
    </section>
  );
}

function AddHoursForm({ setup, onChanged, onApiError }: SectionProps) {
  const { t } = useTranslation('schedulingAdmin');
  const [draft, setDraft] = useState({ practitionerId: '', locationId: '', weekday: '1', start: '08:00', end: '12:00' });
  const { pending, errors, message, run, formRef } = useServerForm(onApiError);
  const set = (key: keyof typeof draft, value: string) => setDraft((d) => ({ ...d, [key]: value }));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const result = await run(() => addHours({ ...draft, weekday: Number(draft.weekday) }));
    if (result.ok) await onChanged(t('hours.added', { name: setup.clinicians.find((c) => c.id === draft.practitionerId)?.name ?? '' }));
  }

  const select = (key: 'practitionerId' | 'locationId', label: string, options: { id: string; name: string }[]) => (
    <Field label={label} error={errors[key]}>
      {(props) => (
        <select {...props} name={key} className="field__input" value={draft[key]} onChange={(e) => set(key, e.target.value)}>
          <option value="">{t('hours.choose')}</option>
          {options.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );

  return (
    <form ref={formRef} className="setup-form" noValidate onSubmit={(event) => void submit(event)} aria-labelledby="add-hours-title">
      <h3 id="add-hours-title" className="setup-form__title">
        {t('hours.addTitle')}
      </h3>
      <FormAlert message={message} problems={Object.values(errors)} summary={t('setup.fixProblems')} />
      <div className="setup-grid">
        {select('practitionerId', t('hours.clinician'), setup.clinicians)}
        {select('locationId', t('hours.location'), setup.locations)}
      </div>
      <div className="setup-grid">
        <Field label={t('hours.weekday')} error={errors.weekday}>
          {(props) => (
            <select {...props} name="weekday" className="field__input" value={draft.weekday} onChange={(e) => set('weekday', e.target.value)}>
              {WEEKDAYS.map((d) => (
                <option key={d} value={String(d)}>
                  {t(weekdayKey(d))}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('hours.start')} error={errors.start}>
          {(props) => <input {...props} type="time" step={300} name="start" className="field__input" value={draft.start} onChange={(e) => set('start', e.target.value)} />}
        </Field>
        <Field label={t('hours.end')} error={errors.end}>
          {(props) => <input {...props} type="time" step={300} name="end" className="field__input" value={draft.end} onChange={(e) => set('end', e.target.value)} />}
        </Field>
      </div>
      <div className="actions">
        <button type="submit" className="button button--primary" aria-disabled={pending || undefined}>
          {pending ? t('working') : t('hours.add')}
        </button>
      </div>
    </form>
  );
}
