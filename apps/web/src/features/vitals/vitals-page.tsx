import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/use-api.ts';
import { LoadFailed, Loading } from '../home/status-notices.tsx';
import { PageHeading } from '../../shell/page-heading.tsx';
import { useDocumentTitle } from '../../shell/use-document-title.ts';
import { ReadingForm } from './reading-form.tsx';
import { VitalSection } from './vital-section.tsx';
import { getVitals } from './vitals-api.ts';
import './words.ts';
import '../../styles/vitals.css';

/** Vitals and home readings: add a reading, then one chart and table per vital sign. */
export function VitalsPage() {
  const { t } = useTranslation('vitals');
  useDocumentTitle(t('title'));
  const vitals = useApi(getVitals);
  return (
    <>
      <PageHeading>{t('title')}</PageHeading>
      <p className="page__intro">{t('intro')}</p>
      <div className="vitals">
        <ReadingForm onSaved={vitals.reload} />
        {vitals.status === 'loading' ? <Loading text={t('loading')} /> : null}
        {vitals.status === 'error' ? <LoadFailed error={vitals.error} onRetry={vitals.reload} /> : null}
        {vitals.status === 'ready' ? vitals.data.series.map((s) => <VitalSection key={s.kind} series={s} />) : null}
      </div>
    </>
  );
}
