import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { useApi } from '../../api/use-api.ts';
import { useSession } from '../../session/session-context.tsx';
import { PageHeading } from '../../shell/page-heading.tsx';
import { useDocumentTitle } from '../../shell/use-document-title.ts';
import { VisitCard } from './visit-card.tsx';
import { getVisits } from './visits-api.ts';
import './words.ts';
import '../../styles/records.css';
import { CorrectionsProvider } from '../corrections/correction-status.tsx';

/** Visits: past encounters, newest first, each with its notes one button away. */
export function VisitsPage() {
  const { t } = useTranslation('visits');
  const { t: tCommon } = useTranslation();
  const { setMe } = useSession();
  const title = tCommon('nav.visits');
  useDocumentTitle(title);
  const visits = useApi(getVisits);

  useEffect(() => {
    // The session ended: forget the user, which sends them to sign in.
    if (visits.status === 'error' && visits.error instanceof ApiError && visits.error.status === 401) setMe(null);
  }, [visits, setMe]);

  return (
    <>
      <PageHeading>{title}</PageHeading>
      <p className="page__intro">{t('intro')}</p>
      {visits.status === 'loading' ? (
        <p role="status" aria-live="polite" className="notice">
          {t('loading')}
        </p>
      ) : visits.status === 'error' ? (
        <div role="alert" className="notice notice--error">
          <p>{visits.error instanceof ApiError && visits.error.status === 0 ? tCommon('errors.network') : t('loadFailed')}</p>
          <button type="button" className="button button--secondary" onClick={visits.reload}>
            {t('retry')}
          </button>
        </div>
      ) : visits.data.visits.length === 0 ? (
        <p className="record-section__empty">{t('empty')}</p>
      ) : (
        <CorrectionsProvider>
          <ul className="record-list" aria-label={t('listLabel')}>
            {visits.data.visits.map((v) => (
              <VisitCard key={v.id} visit={v} />
            ))}
          </ul>
        </CorrectionsProvider>
      )}
    </>
  );
}
