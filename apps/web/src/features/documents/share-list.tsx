import { useState } from 'react';
import type { ShareSummary } from '@ourchart/contracts';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/error-message.ts';
import { documentsApi } from './documents-api.ts';
import { formatDay, formatMoment } from './range-fields.tsx';

/** The patient's shares with status in words, views, and a Turn off button that asks first. */
export function ShareList({ patientId, shares, onChanged }: { patientId: string | null; shares: ShareSummary[]; onChanged: () => void }) {
  const { t, i18n } = useTranslation('documents');
  const { t: tc } = useTranslation('common');
  const locale = i18n.resolvedLanguage ?? 'en';
  const [confirming, setConfirming] = useState<string | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  if (shares.length === 0) return <p className="notice">{t('share.none')}</p>;

  const who = (s: ShareSummary) => (s.kind === 'email' ? t('share.byEmail', { email: s.recipientEmail ?? '' }) : (s.label ?? t('share.noLabel')));
  async function revoke(s: ShareSummary) {
    try {
      await documentsApi.revoke(patientId, s.id);
      setMessage({ ok: true, text: t('share.revoked') });
      setConfirming(null);
      onChanged();
    } catch (error) {
      setMessage({ ok: false, text: errorMessage(error, tc) });
    }
  }

  return (
    <>
      <div role="status" className="form-alert">{message?.ok ? <p className="notice notice--success">{message.text}</p> : null}</div>
      <div role="alert" className="form-alert">{message && !message.ok ? <p className="notice notice--error">{message.text}</p> : null}</div>
      <table className="data-table data-table--stack" role="table">
        <caption className="data-table__caption">{t('share.listCaption')}</caption>
        <thead role="rowgroup">
          <tr role="row">
            {(['who', 'dates', 'status', 'views', 'actions'] as const).map((c) => <th key={c} role="columnheader" scope="col">{t(`share.columns.${c}`)}</th>)}
          </tr>
        </thead>
        <tbody role="rowgroup">
          {shares.map((s) => (
            <tr role="row" key={s.id}>
              <td role="cell" data-label={t('share.columns.who')}>{who(s)}</td>
              <td role="cell" data-label={t('share.columns.dates')}>{t('share.datesValue', { from: formatDay(s.from, locale), to: formatDay(s.to, locale) })}</td>
              <td role="cell" data-label={t('share.columns.status')}>
                <span className={`share-status share-status--${s.status}`}>{t(`share.statuses.${s.status}`, { until: formatMoment(s.expiresAt, locale) })}</span>
              </td>
              <td role="cell" data-label={t('share.columns.views')}>
                {s.views > 0 && s.lastViewedAt ? t('share.views', { count: s.views, last: formatMoment(s.lastViewedAt, locale) }) : t('share.neverViewed')}
              </td>
              <td role="cell" data-label={t('share.columns.actions')}>
                {s.status !== 'active' ? null : confirming === s.id ? (
                  <div className="confirm-box" role="group" aria-label={t('share.revokeLabel', { who: who(s) })}>
                    <p>{t('share.revokeConfirm')}</p>
                    <div className="actions">
                      <button type="button" className="button button--primary" onClick={() => revoke(s)}>{t('share.revokeYes')}</button>
                      <button type="button" className="button button--secondary" onClick={() => setConfirming(null)}>{t('share.revokeNo')}</button>
                    </div>
                  </div>
                ) : (
                  <button type="button" className="button button--secondary" aria-label={t('share.revokeLabel', { who: who(s) })} onClick={() => setConfirming(s.id)}>
                    {t('share.revoke')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
