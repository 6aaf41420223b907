import { useCallback, useId, useMemo } from 'react';
import type { Trend } from '@ourchart/contracts';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/use-api.ts';
import { Link, useRouter } from '../../router/router.tsx';
import { PageHeading } from '../../shell/page-heading.tsx';
import { useDocumentTitle } from '../../shell/use-document-title.ts';
import { formatFhirDate } from '../home/format-date.ts';
import { LoadFailed, Loading } from '../account/status-notices.tsx';
import { formatValue } from './result-value.tsx';
import { getTrend } from './results-api.ts';
import { TrendChart } from './trend-chart.tsx';
import { TrendTable } from './trend-table.tsx';
import './words.ts';
import '../../styles/results.css';

/** One test's values over time (/results/trend?code=system|code): chart and table. */
export function TrendPage() {
  const { t } = useTranslation('results');
  const { search } = useRouter();
  const code = useMemo(() => new URLSearchParams(search).get('code') ?? '', [search]);
  const load = useCallback(() => getTrend(code), [code]);
  const trend = useApi(load, { enabled: code !== '' });
  const name = trend.status === 'ready' ? trend.data.name : null;
  useDocumentTitle(name ? t('trend.title', { name }) : t('trend.titlePlain'));

  return (
    <div className="results-page">
      <PageHeading>{name ? t('trend.title', { name }) : t('trend.titlePlain')}</PageHeading>
      <p>
        <Link href="/results">{t('trend.back')}</Link>
      </p>
      {code === '' ? <p className="notice">{t('trend.missingCode')}</p> : null}
      {code !== '' && trend.status === 'loading' ? <Loading text={t('trend.loading')} /> : null}
      {trend.status === 'error' ? <LoadFailed error={trend.error} onRetry={trend.reload} /> : null}
      {trend.status === 'ready' ? trend.data.points.length === 0 ? <p className="notice">{t('trend.none')}</p> : <TrendView trend={trend.data} /> : null}
    </div>
  );
}

function TrendView({ trend }: { trend: Trend }) {
  const { t, i18n } = useTranslation('results');
  const locale = i18n.resolvedLanguage ?? 'en';
  const chartId = useId();
  const tableId = useId();
  const first = trend.points[0]!;
  const last = trend.points[trend.points.length - 1]!;
  const summary = t('trend.summary', {
    count: trend.points.length, name: trend.name, from: formatFhirDate(first.date, locale), to: formatFhirDate(last.date, locale),
    latest: formatValue(last.value, last.unit, locale),
  });
  return (
    <>
      <section aria-labelledby={chartId} className="results-card">
        <h2 id={chartId} className="results-card__title">
          {t('trend.chartHeading')}
        </h2>
        <TrendChart trend={trend} summary={summary} />
      </section>
      <section aria-labelledby={tableId} className="results-card">
        <h2 id={tableId} className="results-card__title">
          {t('trend.tableHeading')}
        </h2>
        <TrendTable trend={trend} />
      </section>
    </>
  );
}
