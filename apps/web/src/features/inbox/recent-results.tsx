import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecentResults as RecentResultsData } from '@ourchart/contracts';
import { apiRequest } from '../../api/client.ts';
import { useApi } from '../../api/use-api.ts';
import { LoadFailed, Loading } from '../account/status-notices.tsx';
import { formatFhirDate } from '../home/format-date.ts';
import { FlagBadge, formatValue } from '../results/result-value.tsx';
import '../results/words.ts';
import '../../styles/results.css';

const getRecentResults = (patientId: string) =>
  apiRequest<RecentResultsData>('GET', `/api/staff/patients/${encodeURIComponent(patientId)}/results/recent`);

/** The patient's newest results (held ones included: the care team sees everything), each value with its flag in words. */
export function RecentResults({ patientId }: { patientId: string }) {
  const { t, i18n } = useTranslation('inbox');
  const locale = i18n.resolvedLanguage ?? 'en';
  const results = useApi(useCallback(() => getRecentResults(patientId), [patientId]));
  return (
    <section aria-labelledby="inbox-recent-results" className="inbox-recent-results">
      <h2 id="inbox-recent-results">{t('patient.recentResults')}</h2>
      {results.status === 'loading' ? <Loading text={t('patient.loading')} /> : null}
      {results.status === 'error' ? <LoadFailed error={results.error} onRetry={results.reload} /> : null}
      {results.status === 'ready' && results.data.reports.length === 0 ? <p>{t('patient.noResults')}</p> : null}
      {results.status === 'ready' && results.data.reports.length > 0 ? (
        <ul className="inbox-recent-results__list">
          {results.data.reports.map((report) => (
            <li key={report.id}>
              <strong>{report.name}</strong>
              {report.effective ? <span>{` · ${formatFhirDate(report.effective, locale)}`}</span> : null}
              <ul>
                {report.values.map((v) => (
                  <li key={v.id}>
                    {v.name}: {formatValue(v.value, v.unit, locale)} <FlagBadge flag={v.flag} />
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
