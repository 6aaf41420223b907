import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../components/native-fields.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { useServerForm } from '../../components/use-server-form.ts';
import { saveSettings } from './scheduling-api.ts';
import type { SectionProps } from './setup-page.tsx';

type NumberKey = 'cancelCutoffHours' | 'bookingHorizonDays' | 'minNoticeMinutes';
const LABELS: Record<NumberKey, 'settings.cancelCutoff' | 'settings.horizon' | 'settings.minNotice'> = {
  cancelCutoffHours: 'settings.cancelCutoff', bookingHorizonDays: 'settings.horizon', minNoticeMinutes: 'settings.minNotice',
};

/** The clinic's time zone and booking rules; read-only for clinicians and nurses. */
export function SettingsSection({ setup, onChanged, onApiError }: SectionProps) {
  const { t } = useTranslation('schedulingAdmin');
  const s = setup.settings;
  const [draft, setDraft] = useState({ timeZone: s.timeZone, cancelCutoffHours: String(s.cancelCutoffHours), bookingHorizonDays: String(s.bookingHorizonDays), minNoticeMinutes: String(s.minNoticeMinutes) });
  const { pending, errors, message, run, formRef } = useServerForm(onApiError);
  const set = (key: keyof typeof draft, value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const number = (value: string) => (value.trim() === '' ? Number.NaN : Number(value));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending || !setup.canEdit) return;
    const result = await run(() =>
      saveSettings({
        timeZone: draft.timeZone.trim(), cancelCutoffHours: number(draft.cancelCutoffHours), bookingHorizonDays: number(draft.bookingHorizonDays),
        minNoticeMinutes: number(draft.minNoticeMinutes),
      }),
    );
    if (result.ok) await onChanged(t('settings.saved'));
  }

  return (
    <section className="card" aria-labelledby="settings-title">
      <h2 id="settings-title" className="card__title">
        {t('settings.title')}
      </h2>
      <form ref={formRef} className="inline-form" noValidate onSubmit={(event) => void submit(event)} aria-labelledby="settings-title">
        <FormAlert message={message} problems={Object.values(errors)} summary={t('setup.fixProblems')} />
        <Field label={t('settings.timeZone')} hint={t('settings.timeZoneHint')} error={errors.timeZone} className="field--picker">
          {(props) => (
            <input {...props} name="timeZone" className="field__input" readOnly={!setup.canEdit} autoCapitalize="none" spellCheck={false} value={draft.timeZone} onChange={(e) => set('timeZone', e.target.value)} />
          )}
        </Field>
        {(Object.keys(LABELS) as NumberKey[]).map((key) => (
          <Field key={key} label={t(LABELS[key])} error={errors[key]} className="field--short">
            {(props) => <input {...props} name={key} className="field__input" inputMode="numeric" readOnly={!setup.canEdit} value={draft[key]} onChange={(e) => set(key, e.target.value)} />}
          </Field>
        ))}
        {setup.canEdit ? (
          <div className="actions">
            <button type="submit" className="button button--primary" aria-disabled={pending || undefined}>
              {pending ? t('working') : t('settings.save')}
            </button>
          </div>
        ) : null}
      </form>
    </section>
  );
}
