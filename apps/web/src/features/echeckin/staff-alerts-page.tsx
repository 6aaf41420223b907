import './words.ts';
import { useCallback, useId, useRef, useState } from 'react';
import type { CareAlert } from '@ourchart/contracts';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/use-api.ts';
import { errorMessage } from '../../api/error-message.ts';
import { PageHeading } from '../../shell/page-heading.tsx';
import { useDocumentTitle } from '../../shell/use-document-title.ts';
import { LoadFailed, Loading } from '../account/status-notices.tsx';
import { isStatus, useSignedIn } from '../account/use-signed-in.ts';
import { acknowledgeAlert, getCareAlerts } from './echeckin-api.ts';
import '../../styles/forms.css';
import '../account/account.css';
import '../questionnaire/questionnaire.css';

type Filter = 'open' | 'acknowledged';

/**
 * /staff/alerts ("Care alerts"): PHQ-9 and GAD-7 answers that need follow-up, for patients on the
 * care team. Acknowledging records who took it on and when.
 */
export function StaffAlertsPage() {
  const { t, i18n } = useTranslation('echeckin');
  const { t: tc } = useTranslation('common');
  const locale = i18n.resolvedLanguage ?? 'en';
  const { onApiError } = useSignedIn();
  const [filter, setFilter] = useState<Filter>('open');
  const [confirmation, setConfirmation] = useState<{ ok: boolean; text: string } | null>(null);
  const confirmationRef = useRef<HTMLParagraphElement>(null);
  const titleId = useId();
  useDocumentTitle(t('alerts.title'));
  const list = useApi(useCallback(() => getCareAlerts(filter), [filter]));
  const time = (iso: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));

  async function acknowledge(alert: CareAlert) {
    try {
      await acknowledgeAlert(alert.id);
      setConfirmation({ ok: true, text: t('alerts.acknowledgedDone', { name: alert.patient.name }) });
    } catch (error) {
      onApiError(error);
      setConfirmation({ ok: false, text: isStatus(error, 409) ? t('alerts.alreadyDone') : errorMessage(error, tc) });
    }
    list.reload();
    requestAnimationFrame(() => confirmationRef.current?.focus());
  }

  const alerts = list.status === 'ready' ? list.data.alerts : [];
  return (
    <>
      <PageHeading>{t('alerts.title')}</PageHeading>
      <p>{t('alerts.intro')}</p>
      <fieldset className="correction-filter questionnaire__choice">
        <legend className="field__label">{t('alerts.show')}</legend>
        {(['open', 'acknowledged'] as const).map((value) => (
          <label key={value} className="questionnaire__option">
            <input type="radio" name="status" value={value} checked={filter === value} onChange={() => setFilter(value)} /> {t(`alerts.${value}`)}
          </label>
        ))}
      </fieldset>
      <div role="status" className="form-alert">
        {confirmation ? (
          <p ref={confirmationRef} tabIndex={-1} className={`notice ${confirmation.ok ? 'notice--success' : 'notice--error'}`}>
            {confirmation.text}
          </p>
        ) : null}
      </div>
      <section aria-labelledby={titleId} className="card">
        <h2 id={titleId} className="card__title">{t(`alerts.${filter}`)}</h2>
        {list.status === 'loading' ? <Loading text={t('alerts.loading')} /> : null}
        {list.status === 'error' ? <LoadFailed error={list.error} onRetry={list.reload} /> : null}
        {list.status === 'ready' ? (
          <>
            <p>{alerts.length === 0 ? t(filter === 'open' ? 'alerts.emptyOpen' : 'alerts.emptyAcknowledged') : t('alerts.count', { count: alerts.length })}</p>
            {alerts.length ? (
              <ul className="item-list" aria-labelledby={titleId}>
                {alerts.map((alert) => (
                  <li key={alert.id}>
                    <article aria-labelledby={`alert-${alert.id}`} className="alert-card">
                      <h3 id={`alert-${alert.id}`} className="correction__title">
                        {alert.patient.name}: {t(`alerts.kind.${alert.kind}`)}
                      </h3>
                      <p>{t('alerts.score', { score: alert.score })}</p>
                      <p>{t('alerts.raised', { time: time(alert.createdAt) })}</p>
                      {alert.appointmentStartsAt ? <p>{t('alerts.visit', { time: time(alert.appointmentStartsAt) })}</p> : null}
                      {alert.acknowledged ? (
                        <p>{t('alerts.ackBy', { name: alert.acknowledged.by, time: time(alert.acknowledged.at) })}</p>
                      ) : (
                        <div className="actions">
                          <button type="button" className="button button--primary" aria-label={t('alerts.acknowledgeNamed', { name: alert.patient.name })} onClick={() => void acknowledge(alert)}>
                            {t('alerts.acknowledge')}
                          </button>
                        </div>
                      )}
                    </article>
                  </li>
                ))}
              </ul>
            ) : null}
          </>
        ) : null}
      </section>
    </>
  );
}
