import './words.ts';
import { useCallback, useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReminderPreferences } from '@ourchart/contracts';
import { errorMessage } from '../../api/error-message.ts';
import { useApi } from '../../api/use-api.ts';
import { FormAlert, FormStatus, SubmitButton } from '../../components/form-parts.tsx';
import { useRequest } from '../../components/use-request.ts';
import { usePatientInContext } from '../appointments/patient-in-context.ts';
import { Link } from '../../router/router.tsx';
import { PageHeading } from '../../shell/page-heading.tsx';
import { useDocumentTitle } from '../../shell/use-document-title.ts';
import { LoadFailed, Loading } from '../account/status-notices.tsx';
import { useSignedIn } from '../account/use-signed-in.ts';
import { getReminderPreferences, saveReminderPreferences } from './reminders-api.ts';
import '../../styles/reminders.css';

type Key = keyof ReminderPreferences;

/**
 * /appointments/reminders[?patient=<id>]: how (email, in OurChart) and when (7 days, 1 day before)
 * the patient is reminded of visits. A proxy changes the settings of the record they look at.
 */
export function ReminderSettingsPage() {
  const { t } = useTranslation('reminders');
  const { t: tc } = useTranslation('common');
  const { onApiError } = useSignedIn();
  useDocumentTitle(t('title'));
  const { patient, patientId } = usePatientInContext();
  const prefs = useApi(useCallback(() => getReminderPreferences(patientId), [patientId]));
  const [values, setValues] = useState<ReminderPreferences | null>(null);
  const [saved, setSaved] = useState(false);
  const request = useRequest();

  useEffect(() => {
    if (prefs.status === 'ready') {
      const { email, inApp, weekBefore, dayBefore } = prefs.data;
      setValues({ email, inApp, weekBefore, dayBefore });
    }
    if (prefs.status === 'error') onApiError(prefs.error);
  }, [prefs, onApiError]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!values) return;
    setSaved(false);
    const answer = await request.run(() => saveReminderPreferences(values, patientId));
    if (answer) setSaved(true);
  };
  const { failure } = request;
  useEffect(() => {
    if (failure) onApiError(failure);
  }, [failure, onApiError]);

  const box = (key: Key, hint?: string) => (
    <div className="reminder-choice">
      <label className="checkbox">
        <input
          type="checkbox"
          name={key}
          checked={values?.[key] ?? false}
          aria-describedby={hint ? `reminder-${key}-hint` : undefined}
          onChange={(e) => {
            setSaved(false);
            if (values) setValues({ ...values, [key]: e.target.checked });
          }}
        />
        <span>{t(key)}</span>
      </label>
      {hint ? (
        <p id={`reminder-${key}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
  const nothingOn = values !== null && ((!values.email && !values.inApp) || (!values.weekBefore && !values.dayBefore));

  return (
    <>
      <PageHeading>{t('title')}</PageHeading>
      {patient && patient.relationship !== 'self' ? <p className="strong">{t('forPatient', { name: patient.name })}</p> : null}
      <p>{t('intro')}</p>
      {prefs.status === 'loading' ? <Loading text={t('loading')} /> : null}
      {prefs.status === 'error' ? <LoadFailed error={prefs.error} onRetry={prefs.reload} /> : null}
      {values ? (
        <form onSubmit={submit} className="card reminder-settings">
          <FormAlert message={request.failure ? errorMessage(request.failure, tc) : null} />
          <fieldset className="reminder-settings__group">
            <legend>{t('how')}</legend>
            {box('email', t('emailHint'))}
            {box('inApp', t('inAppHint'))}
          </fieldset>
          <fieldset className="reminder-settings__group">
            <legend>{t('when')}</legend>
            {box('weekBefore')}
            {box('dayBefore')}
          </fieldset>
          {nothingOn ? <p className="notice">{t('noneOn')}</p> : null}
          <SubmitButton isPending={request.isPending} label={t('save')} pendingLabel={t('saving')} />
          <FormStatus message={saved ? t('saved') : null} />
        </form>
      ) : null}
      <p>
        <Link href={patientId ? `/appointments?patient=${encodeURIComponent(patientId)}` : '/appointments'}>{t('back')}</Link>
      </p>
    </>
  );
}
