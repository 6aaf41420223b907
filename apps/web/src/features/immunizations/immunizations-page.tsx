import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/use-api.ts';
import { LoadFailed, Loading } from '../home/status-notices.tsx';
import { PageHeading } from '../../shell/page-heading.tsx';
import { useDocumentTitle } from '../../shell/use-document-title.ts';
import { CareList } from './care-list.tsx';
import { needsAttention } from './care-words.ts';
import { getImmunizationHistory, getPrevention } from './prevention-api.ts';
import { VaccineHistory } from './vaccine-history.tsx';
import './words.ts';
import '../../styles/immunizations.css';

/** Immunizations and preventive care: what is due first, then what is up to date, then the shot history. */
export function ImmunizationsPage() {
  const { t } = useTranslation('immunizations');
  useDocumentTitle(t('title'));
  const prevention = useApi(getPrevention);
  const history = useApi(getImmunizationHistory);
  return (
    <>
      <PageHeading>{t('title')}</PageHeading>
      <p className="page__intro">{t('intro')}</p>
      {prevention.status === 'loading' ? <Loading text={t('loading')} /> : null}
      {prevention.status === 'error' ? <LoadFailed error={prevention.error} onRetry={prevention.reload} /> : null}
      {prevention.status === 'ready' ? (
        <div className="care-page">
          <CareList title={t('due.heading')} emptyText={t('due.empty')} items={needsAttention(prevention.data.items)} intro={t('due.intro')} />
          <CareList title={t('due.upToDateHeading')} emptyText={t('due.upToDateEmpty')} items={prevention.data.items.filter((i) => i.status === 'up-to-date')} />
          {history.status === 'ready' ? <VaccineHistory history={history.data} /> : null}
          {history.status === 'error' ? <LoadFailed error={history.error} onRetry={history.reload} /> : null}
        </div>
      ) : null}
    </>
  );
}
