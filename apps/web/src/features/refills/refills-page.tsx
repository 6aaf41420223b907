import './words.ts';
import { useId } from 'react';
import type { RefillRequest } from '@ourchart/contracts';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/use-api.ts';
import { Link } from '../../router/router.tsx';
import { usePatientContext } from '../../session/patient-context.tsx';
import { PageHeading } from '../../shell/page-heading.tsx';
import { useDocumentTitle } from '../../shell/use-document-title.ts';
import { LoadFailed, Loading } from '../account/status-notices.tsx';
import { formatDay, statusText } from './refill-words.ts';
import { listRefills } from './refills-api.ts';
import '../../styles/forms.css';
import '../account/account.css';
import '../../styles/refills.css';

/** /refills: every refill request of the record in context, newest first, with its answer in words. */
export function RefillsPage() {
  const { t } = useTranslation('refills');
  const { current, isProxyView } = usePatientContext();
  const titleId = useId();
  useDocumentTitle(t('title'));
  const list = useApi(listRefills);

  return (
    <>
      <PageHeading>{t('title')}</PageHeading>
      {isProxyView && current ? <p className="strong">{t('forPatient', { name: current.name })}</p> : null}
      <p>{t('intro')}</p>
      <p>
        <Link href="/medications">{t('toMedications')}</Link>
      </p>
      <section aria-labelledby={titleId} className="card">
        <h2 id={titleId} className="card__title">
          {t('list.title')}
        </h2>
        {list.status === 'loading' ? <Loading text={t('loading')} /> : null}
        {list.status === 'error' ? <LoadFailed error={list.error} onRetry={list.reload} /> : null}
        {list.status === 'ready' && list.data.requests.length === 0 ? <p>{t('list.empty')}</p> : null}
        {list.status === 'ready' && list.data.requests.length > 0 ? (
          <ul className="item-list" aria-labelledby={titleId}>
            {list.data.requests.map((r) => (
              <RefillCard key={r.id} request={r} />
            ))}
          </ul>
        ) : null}
      </section>
    </>
  );
}

function RefillCard({ request }: { request: RefillRequest }) {
  const { t, i18n } = useTranslation('refills');
  const locale = i18n.resolvedLanguage ?? 'en';
  const headingId = useId();
  return (
    <li className="item refill">
      <article aria-labelledby={headingId} className="refill">
        <h3 id={headingId} className="item__name refill__title">
          {request.medication.name}
        </h3>
        <dl className="refill-details">
          <dt>{t('list.status')}</dt>
          <dd>
            <span className={`refill-status refill-status--${request.status}`}>{statusText(t, request.status)}</span>
          </dd>
          {request.status === 'denied' && request.reason ? (
            <>
              <dt>{t('list.reason')}</dt>
              <dd>{request.reason}</dd>
            </>
          ) : null}
          <dt>{t('list.asked')}</dt>
          <dd>{formatDay(request.requestedAt, locale)}</dd>
          {request.decidedAt ? (
            <>
              <dt>{t('list.answered')}</dt>
              <dd>{formatDay(request.decidedAt, locale)}</dd>
            </>
          ) : null}
          {request.pharmacy ? (
            <>
              <dt>{t('list.pharmacy')}</dt>
              <dd>{request.pharmacy.name}</dd>
            </>
          ) : null}
          {request.note ? (
            <>
              <dt>{t('list.note')}</dt>
              <dd>{request.note}</dd>
            </>
          ) : null}
        </dl>
      </article>
    </li>
  );
}
