import './words.ts';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/use-api.ts';
import { useRouter } from '../../router/router.tsx';
import { PageHeading } from '../../shell/page-heading.tsx';
import { useDocumentTitle } from '../../shell/use-document-title.ts';
import { Section } from '../account/section.tsx';
import { LoadFailed, Loading } from '../account/status-notices.tsx';
import { useSignedIn } from '../account/use-signed-in.ts';
import { CorrectionForm } from './correction-form.tsx';
import { listCorrections } from './corrections-api.ts';
import { RequestList } from './request-list.tsx';
import '../../styles/corrections.css';

const ITEM = /^[A-Z][A-Za-z]{1,40}\/[A-Za-z0-9\-.]{1,64}$/;

/**
 * /corrections[?item=Type/id][&patient=<id>]: ask to correct one item of the record (ONC
 * 170.315(d)(4)), and follow every request: its status in words, the care team's answer, and the
 * right to add a statement of disagreement to a denial.
 */
export function CorrectionsPage() {
  const { t } = useTranslation('corrections');
  const { search } = useRouter();
  const { me, onApiError } = useSignedIn();
  useDocumentTitle(t('title'));
  const params = new URLSearchParams(search);
  const item = params.get('item');
  // A proxy follows the record they are looking at; anything else means the user's own record.
  const asked = params.get('patient');
  const patient = asked ? me?.patients.find((p) => p.id === asked) : undefined;
  const patientId = patient?.id;
  const list = useApi(useCallback(() => listCorrections({ patientId }), [patientId]));

  return (
    <>
      <PageHeading>{t('title')}</PageHeading>
      {patient && patient.relationship !== 'self' ? <p className="strong">{t('forPatient', { name: patient.name })}</p> : null}
      <p>{t('intro')}</p>
      <div className="cards">
        <Section title={t('form.title')}>
          {item && ITEM.test(item) ? (
            <CorrectionForm key={item} item={item} patientId={patientId} onApiError={onApiError} onSent={list.reload} />
          ) : (
            <p>{t('form.chooseItem')}</p>
          )}
        </Section>
        {list.status === 'loading' ? <Loading text={t('loading')} /> : null}
        {list.status === 'error' ? <LoadFailed error={list.error} onRetry={list.reload} /> : null}
        {list.status === 'ready' ? <RequestList requests={list.data.requests} patientId={patientId} onApiError={onApiError} /> : null}
      </div>
    </>
  );
}
