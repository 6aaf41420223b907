import { useState } from 'react';
import type { FormEvent } from 'react';
import type { ScheduleException } from '@ourchart/contracts';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/error-message.ts';
import { Field } from '../../components/native-fields.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { useServerForm } from '../../components/use-server-form.ts';
import { addException, removeException } from './scheduling-api.ts';
import type { SectionProps } from './setup-page.tsx';
import { clockText, dayText } from './time-words.ts';

const CLINIC = 'clinic';

/** Upcoming time off and clinic holidays, removable, and a form to add one (a whole day or a time range). */
export function ExceptionsSection({ setup, onChanged, onApiError }: SectionProps) {
  const { t, i18n } = useTranslation('schedulingAdmin');
  const { t: tc } = useTranslation('common');
  const language = i18n.resolvedLanguage ?? 'en';
  const [removeFailure, setRemoveFailure] = useState<string | null>(null);
  const names = new Map(setup.clinicians.map((c) => [c.id, c.name]));
  const whoOf = (e: ScheduleException) => (e.practitionerId ? (names.get(e.practitionerId) ?? e.practitionerId) : t('exceptions.wholeClinic'));

  async function remove(e: ScheduleException) {
    setRemoveFailure(null);
    try {
      await removeException(e.id);
      await onChanged(t('exceptions.removed'));
    } catch (error) {
      onApiError(error);
      setRemoveFailure(errorMessage(error, tc));
    }
  }

  return (
    <section className="card" aria-labelledby="exceptions-title">
      <h2 id="exceptions-title" className="card__title">
        {t('exceptions.title')}
      </h2>
      <p>{t('exceptions.intro')}</p>
      <div role="alert" className="form-alert">
        {removeFailure ? <p className="notice notice--error">{removeFailure}</p> : null}
      </div>
      {setup.exceptions.length === 0 ? (
        <p>{t('exceptions.none')}</p>
      ) : (
        <ul className="setup-list">
          {setup.exceptions.map((e) => {
            const day = dayText(e.day, language);
            const when = e.start && e.end ? `${clockText(e.start, language)} – ${clockText(e.end, language)}` : t('exceptions.allDay');
            return (
              <li key={e.id} className="setup-list__item">
                <p>{t('exceptions.entry', { day, who: whoOf(e), when, reason: e.reason })}</p>
                {setup.canEdit ? (
                  <button type="button" className="button button--secondary" onClick={() => void remove(e)}>
                    {t('remove')}
                    <span className="visually-hidden"> {t('exceptions.removeNamed', { day, who: whoOf(e) })}</span>
                  </button>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
      {setup.canEdit ? <AddExceptionForm setup={setup} onChanged={onChanged} onApiError={onApiError} /> : null}
    </section>
  );
}

function AddExceptionForm({ setup, onChanged, onApiError }: SectionProps) {
  const { t, i18n } = useTranslation('schedulingAdmin');
  const [draft, setDraft] = useState({ who: CLINIC, day: '', wholeDay: true, start: '12:00', end: '13:00', reason: '' });
  const { pending, errors, message, run, formRef } = useServerForm(onApiError);
  const set = <K extends keyof typeof draft>(key: K, value: (typeof draft)[K]) => setDraft((d) => ({ ...d, [key]: value }));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const result = await run(() =>
      addException({
        practitionerId: draft.who === CLINIC ? null : draft.who, day: draft.day, reason: draft.reason,
        start: draft.wholeDay ? null : draft.start, end: draft.wholeDay ? null : draft.end,
      }),
    );
    if (result.ok) {
      await onChanged(t('exceptions.added', { day: dayText(result.value.day, i18n.resolvedLanguage ?? 'en') }));
      setDraft((d) => ({ ...d, day: '', reason: '' }));
    }
  }

  return (
    <form ref={formRef} className="setup-form" noValidate onSubmit={(event) => void submit(event)} aria-labelledby="add-exception-title">
      <h3 id="add-exception-title" className="setup-form__title">
        {t('exceptions.addTitle')}
      </h3>
      <FormAlert message={message} problems={Object.values(errors)} summary={t('setup.fixProblems')} />
      <div className="setup-grid">
        <Field label={t('exceptions.who')} error={errors.practitionerId}>
          {(props) => (
            <select {...props} name="who" className="field__input" value={draft.who} onChange={(e) => set('who', e.target.value)}>
              <option value={CLINIC}>{t('exceptions.wholeClinic')}</option>
              {setup.clinicians.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('exceptions.day')} error={errors.day}>
          {(props) => <input {...props} type="date" name="day" min={setup.today} className="field__input" value={draft.day} onChange={(e) => set('day', e.target.value)} />}
        </Field>
      </div>
      <label className="check">
        <input type="checkbox" name="wholeDay" checked={draft.wholeDay} onChange={(e) => set('wholeDay', e.target.checked)} /> {t('exceptions.wholeDay')}
      </label>
      {draft.wholeDay ? null : (
        <div className="setup-grid">
          <Field label={t('exceptions.start')} error={errors.start}>
            {(props) => <input {...props} type="time" step={300} name="start" className="field__input" value={draft.start} onChange={(e) => set('start', e.target.value)} />}
          </Field>
          <Field label={t('exceptions.end')} error={errors.end}>
            {(props) => <input {...props} type="time" step={300} name="end" className="field__input" value={draft.end} onChange={(e) => set('end', e.target.value)} />}
          </Field>
        </div>
      )}
      <Field label={t('exceptions.reason')} hint={t('exceptions.reasonHint')} error={errors.reason}>
        {(props) => <input {...props} name="reason" maxLength={200} className="field__input" value={draft.reason} onChange={(e) => set('reason', e.target.value)} />}
      </Field>
      <div className="actions">
        <button type="submit" className="button button--primary" aria-disabled={pending || undefined}>
          {pending ? t('working') : t('exceptions.add')}
        </button>
      </div>
    </form>
  );
}
