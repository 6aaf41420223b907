import './words.ts';
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { GroupPreference, NotificationPreferences } from '@ourchart/contracts';
import { errorMessage } from '../../api/error-message.ts';
import { FormAlert, FormStatus, SubmitButton } from '../../components/form-parts.tsx';
import { useRequest } from '../../components/use-request.ts';
import { Link } from '../../router/router.tsx';
import { PageHeading } from '../../shell/page-heading.tsx';
import { useDocumentTitle } from '../../shell/use-document-title.ts';
import { LoadFailed, Loading } from '../account/status-notices.tsx';
import { useSignedIn } from '../account/use-signed-in.ts';
import { getPreferences, savePreferences } from './notifications-api.ts';
import { PushDevice } from './push-device-section.tsx';
import '../../styles/reminders.css';
import '../../styles/notifications.css';

/**
 * /account/notifications ("Notification settings"): per group of kinds, email on/off and device
 * alerts on/off, plus turning alerts on or off for this browser. In-app notifications are always on.
 */
export function NotificationSettingsPage() {
  const { t } = useTranslation('notifications');
  const { t: tc } = useTranslation('common');
  const { onApiError } = useSignedIn();
  useDocumentTitle(t('settings.title'));
  const [prefs, setPrefs] = useState<NotificationPreferences | null>(null);
  const [values, setValues] = useState<GroupPreference[] | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const [saved, setSaved] = useState(false);
  const request = useRequest();

  useEffect(() => {
    setLoadError(null);
    getPreferences().then(
      (data) => {
        setPrefs(data);
        setValues(data.groups);
      },
      (error: unknown) => {
        setLoadError(error);
        onApiError(error);
      },
    );
  }, [attempt, onApiError]);
  useEffect(() => {
    if (request.failure) onApiError(request.failure);
  }, [request.failure, onApiError]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!values) return;
    setSaved(false);
    const answer = await request.run(() => savePreferences(values));
    if (answer) {
      setPrefs(answer);
      setValues(answer.groups);
      setSaved(true);
    }
  };

  const change = (group: GroupPreference['group'], key: 'email' | 'push', on: boolean) => {
    setSaved(false);
    setValues((current) => current?.map((g) => (g.group === group ? { ...g, [key]: on } : g)) ?? null);
  };

  return (
    <>
      <PageHeading>{t('settings.title')}</PageHeading>
      <p>{t('settings.intro')}</p>
      {!prefs && !loadError ? <Loading text={t('settings.loading')} /> : null}
      {loadError ? <LoadFailed error={loadError} onRetry={() => setAttempt((n) => n + 1)} /> : null}
      {values && prefs ? (
        <>
          <form onSubmit={submit} className="card reminder-settings">
            <FormAlert message={request.failure ? errorMessage(request.failure, tc) : null} />
            {values.map((g) => (
              <fieldset key={g.group} className="reminder-settings__group" aria-describedby={`group-${g.group}-help`}>
                <legend>{t(`settings.group.${g.group}`)}</legend>
                <p id={`group-${g.group}-help`} className="field__hint notification-settings__help">
                  {t(`settings.groupHelp.${g.group}`)}
                </p>
                <div className="notification-settings__choices">
                  <label className="checkbox">
                    <input type="checkbox" name={`${g.group}-email`} checked={g.email} onChange={(e) => change(g.group, 'email', e.target.checked)} />
                    <span>{t('settings.email')}</span>
                  </label>
                  <label className="checkbox">
                    <input type="checkbox" name={`${g.group}-push`} checked={g.push} onChange={(e) => change(g.group, 'push', e.target.checked)} />
                    <span>{t('settings.push')}</span>
                  </label>
                </div>
              </fieldset>
            ))}
            <SubmitButton isPending={request.isPending} label={t('settings.save')} pendingLabel={t('settings.saving')} />
            <FormStatus message={saved ? t('settings.saved') : null} />
          </form>
          <PushDevice prefs={prefs} onChange={setPrefs} />
        </>
      ) : null}
      <p>
        <Link href="/notifications">{t('settings.back')}</Link>
      </p>
    </>
  );
}
