import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/use-api.ts';
import { formatDateTime } from '../account/format.ts';
import { Section } from '../account/section.tsx';
import { getAlerts } from './admin-api.ts';

/** Break-the-glass and other security alerts, newest first, at the top of the audit page. */
export function AlertsSection({ onApiError }: { onApiError: (error: unknown) => void }) {
  const { t, i18n } = useTranslation('admin');
  const locale = i18n.resolvedLanguage ?? 'en';
  const alerts = useApi(getAlerts);

  useEffect(() => {
    if (alerts.status === 'error') onApiError(alerts.error);
  }, [alerts, onApiError]);

  return (
    <Section title={t('alerts.title')}>
      {alerts.status === 'loading' ? <p role="status">{t('alerts.loading')}</p> : null}
      {alerts.status === 'error' ? (
        <div className="notice notice--error">
          <p>{t('alerts.loadFailed')}</p>
          <button type="button" className="button button--secondary" onClick={alerts.reload}>
            {t('retry')}
          </button>
        </div>
      ) : null}
      {alerts.status === 'ready' && alerts.data.alerts.length === 0 ? <p>{t('alerts.none')}</p> : null}
      {alerts.status === 'ready' && alerts.data.alerts.length > 0 ? (
        <ul className="item-list">
          {alerts.data.alerts.map((alert) => (
            <li key={alert.id} className="item item--current">
              <p className="item__name">{alert.message}</p>
              <p className="item__detail">
                <time dateTime={alert.at}>{formatDateTime(alert.at, locale)}</time>
              </p>
              {alert.actorEmail ? <p className="item__detail">{t('alerts.by', { email: alert.actorEmail })}</p> : null}
              {alert.patientId ? <p className="item__detail">{t('alerts.patient', { id: alert.patientId })}</p> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </Section>
  );
}
