import { useEffect, useId, useState } from 'react';
import type { FormEvent } from 'react';
import type { ReleasePreferences, ResultCategory } from '@ourchart/contracts';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/error-message.ts';
import { useApi } from '../../api/use-api.ts';
import { FormAlert, FormStatus, SubmitButton } from '../../components/form-parts.tsx';
import { useRequest } from '../../components/use-request.ts';
import { LoadFailed, Loading } from '../account/status-notices.tsx';
import { getReleasePreferences, saveReleasePreferences } from './results-api.ts';

const CATEGORIES: ResultCategory[] = ['laboratory', 'imaging', 'pathology', 'other'];

/** "Result release": per kind of result, hold new ones until a clinician has reviewed them. */
export function ReleaseSettings({ onSaved }: { onSaved: () => void }) {
  const { t } = useTranslation('results');
  const { t: tc } = useTranslation('common');
  const headingId = useId();
  const prefs = useApi(getReleasePreferences);
  const [hold, setHold] = useState<ReleasePreferences['hold'] | null>(null);
  const [saved, setSaved] = useState(false);
  const request = useRequest();

  useEffect(() => {
    if (prefs.status === 'ready') setHold(prefs.data.hold);
  }, [prefs]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!hold) return;
    setSaved(false);
    const answer = await request.run(() => saveReleasePreferences({ hold }));
    if (answer) {
      setHold(answer.hold);
      setSaved(true);
      onSaved();
    }
  };

  return (
    <section aria-labelledby={headingId} className="results-card release-settings">
      <h2 id={headingId} className="results-card__title">
        {t('release.heading')}
      </h2>
      <p>{t('release.intro')}</p>
      {prefs.status === 'loading' ? <Loading text={tc('loadingPage')} /> : null}
      {prefs.status === 'error' ? <LoadFailed error={prefs.error} onRetry={prefs.reload} /> : null}
      {hold ? (
        <form onSubmit={submit}>
          <FormAlert message={request.failure ? errorMessage(request.failure, tc) : null} />
          <fieldset className="release-settings__choices">
            <legend>{t('release.legend')}</legend>
            {CATEGORIES.map((category) => (
              <label key={category} className="checkbox">
                <input
                  type="checkbox"
                  name={category}
                  checked={hold[category]}
                  onChange={(event) => {
                    setSaved(false);
                    setHold({ ...hold, [category]: event.target.checked });
                  }}
                />
                <span>{t(`release.${category}`)}</span>
              </label>
            ))}
          </fieldset>
          <p className="field__hint">{t('release.note')}</p>
          <SubmitButton isPending={request.isPending} label={t('release.save')} pendingLabel={t('release.saving')} variant="secondary" />
          <FormStatus message={saved ? t('release.saved') : null} />
        </form>
      ) : null}
    </section>
  );
}
