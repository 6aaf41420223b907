import { useCallback, useId, useMemo, useRef, useState } from 'react';
import type { ResultReport } from '@ourchart/contracts';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/use-api.ts';
import { Link, useRouter } from '../../router/router.tsx';
import { PageHeading } from '../../shell/page-heading.tsx';
import { useDocumentTitle } from '../../shell/use-document-title.ts';
import { LoadFailed, Loading } from '../account/status-notices.tsx';
import { useSignedIn } from '../account/use-signed-in.ts';
import { ReleaseSettings } from './release-settings.tsx';
import { ReportItem } from './report-item.tsx';
import { EMPTY_QUERY, ResultFilters } from './result-filters.tsx';
import { getResults, markResultOpened, type ResultQuery } from './results-api.ts';
import './words.ts';
import '../../styles/results.css';
import { CorrectionsProvider } from '../corrections/correction-status.tsx';

const itemOf = (r: ResultReport) => `${r.kind === 'report' ? 'DiagnosticReport' : 'Observation'}/${r.id}`;

/** Test results: filters, the list (each result opens to its values), and the release choices. */
export function ResultsPage() {
  const { t } = useTranslation('results');
  useDocumentTitle(t('title'));
  const { onApiError } = useSignedIn();
  const { search } = useRouter();
  // A notification links here with ?item=DiagnosticReport/<id>: that result starts open.
  const wanted = useMemo(() => new URLSearchParams(search).get('item'), [search]);
  const [query, setQuery] = useState<ResultQuery>(EMPTY_QUERY);
  const load = useCallback(() => getResults(query), [query]);
  const results = useApi(load);
  const listHeadingId = useId();
  const opened = useRef(new Set<string>());

  const onOpen = useCallback(
    (report: ResultReport) => {
      const item = itemOf(report);
      if (opened.current.has(item)) return;
      opened.current.add(item);
      // Reading the notification is a side effect; a failure must not disturb reading the result.
      markResultOpened(item).catch(onApiError);
    },
    [onApiError],
  );

  return (
    <div className="results-page">
      <PageHeading>{t('title')}</PageHeading>
      <p>{t('intro')}</p>
      <p>
        <Link href="/vitals">{t('vitalsLink')}</Link>
      </p>
      <ResultFilters initial={query} onApply={setQuery} isLoading={results.status === 'loading'} />

      <section aria-labelledby={listHeadingId} className="results-list-section">
        <h2 id={listHeadingId}>{t('listHeading')}</h2>
        {results.status === 'loading' ? <Loading text={t('loading')} /> : null}
        {results.status === 'error' ? (
          <LoadFailed
            error={results.error}
            onRetry={() => {
              onApiError(results.error);
              results.reload();
            }}
          />
        ) : null}
        {results.status === 'ready' ? (
          <>
            <p role="status" className="results-count">
              {results.data.reports.length === 0 ? t('empty') : t('count', { count: results.data.reports.length })}
            </p>
            {results.data.waitingForReview > 0 ? (
              <p className="notice notice--info results-waiting">{t('waiting', { count: results.data.waitingForReview })}</p>
            ) : null}
            <CorrectionsProvider>
              <ul className="result-list">
                {results.data.reports.map((report) => (
                  <ReportItem key={itemOf(report)} report={report} initiallyOpen={wanted === itemOf(report)} onOpen={onOpen} />
                ))}
              </ul>
            </CorrectionsProvider>
          </>
        ) : null}
      </section>

      <ReleaseSettings onSaved={results.reload} />
    </div>
  );
}
