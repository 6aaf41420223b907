import './words.ts';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/use-api.ts';
import { LoadFailed, Loading } from '../account/status-notices.tsx';
import { getStaffResponses } from './echeckin-api.ts';
import '../questionnaire/questionnaire.css';

/** The staff patient view's "Questionnaires": each completed one with its score and every answer (with points when scored). */
export function StaffResponsesSection({ patientId }: { patientId: string }) {
  const { t, i18n } = useTranslation('echeckin');
  const locale = i18n.resolvedLanguage ?? 'en';
  const list = useApi(useCallback(() => getStaffResponses(patientId), [patientId]));
  return (
    <section aria-labelledby="staff-questionnaires" className="card">
      <h2 id="staff-questionnaires" className="card__title">{t('staffAnswers.title')}</h2>
      {list.status === 'loading' ? <Loading text={t('staffAnswers.loading')} /> : null}
      {list.status === 'error' ? <LoadFailed error={list.error} onRetry={list.reload} /> : null}
      {list.status === 'ready' && list.data.responses.length === 0 ? <p>{t('staffAnswers.none')}</p> : null}
      {list.status === 'ready'
        ? list.data.responses.map((r) => (
          <article key={r.id} aria-labelledby={`response-${r.id}`} className="alert-card">
            <h3 id={`response-${r.id}`}>{r.title}</h3>
            <p>{t('staffAnswers.answered', { date: new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(r.authored)) })}</p>
            {r.score ? <p className="strong">{t('staffAnswers.score', { total: r.score.total, max: r.score.max, band: t(`staffAnswers.band.${r.score.band}`) })}</p> : null}
            <div className="table-scroll" role="region" aria-labelledby={`response-${r.id}`} tabIndex={0}>
              <table className="scored-answers">
                <thead>
                  <tr>
                    <th scope="col">{t('staffAnswers.question')}</th>
                    <th scope="col">{t('staffAnswers.answer')}</th>
                    {r.score ? <th scope="col">{t('staffAnswers.points')}</th> : null}
                  </tr>
                </thead>
                <tbody>
                  {r.items.map((item) => (
                    <tr key={item.linkId}>
                      <td>{item.text}</td>
                      <td>{item.answers.join(', ')}</td>
                      {r.score ? <td>{item.points ?? ''}</td> : null}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </article>
        ))
        : null}
    </section>
  );
}
