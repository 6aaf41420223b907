import './words.ts';
import { useCallback, useId, useRef, useState } from 'react';
import type { StaffRefill } from '@ourchart/contracts';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/use-api.ts';
import { PageHeading } from '../../shell/page-heading.tsx';
import { useDocumentTitle } from '../../shell/use-document-title.ts';
import { ApiStatus } from '../account/status-notices.tsx';
import { useSignedIn } from '../account/use-signed-in.ts';
import { getRefillQueue } from './refills-api.ts';
import { StaffRefillCard } from './staff-refill-card.tsx';
import '../../styles/forms.css';
import '../account/account.css';
import '../../styles/refills.css';

type Filter = 'open' | 'decided';

/**
 * /staff/refills: refill requests routed to the signed-in clinician's or nurse's pools, waiting or
 * answered, each with the patient's allergies and current medicines beside it.
 */
export function StaffRefillsPage() {
  const { t } = useTranslation('refills');
  const { me, onApiError } = useSignedIn();
  const [filter, setFilter] = useState<Filter>('open');
  const [confirmation, setConfirmation] = useState<string | null>(null);
  const confirmationRef = useRef<HTMLParagraphElement>(null);
  const titleId = useId();
  useDocumentTitle(t('title'));
  const queue = useApi(useCallback(() => getRefillQueue(filter), [filter]));

  const handleDone = useCallback((message: string, reload: boolean) => {
    setConfirmation(message);
    if (reload) queue.reload();
    // An answered card leaves the list: focus the confirmation so keyboard users keep their place.
    requestAnimationFrame(() => confirmationRef.current?.focus());
  }, [queue]);

  const requests: StaffRefill[] = queue.status === 'ready' ? queue.data.requests : [];
  return (
    <>
      <PageHeading>{t('title')}</PageHeading>
      <p>{t('staff.intro')}</p>
      {me?.role === 'nurse' ? <p className="notice notice--info">{t('staff.nurseNote')}</p> : null}
      <fieldset className="refill-filter">
        <legend className="field__label">{t('staff.show')}</legend>
        {(['open', 'decided'] as const).map((value) => (
          <label key={value}>
            <input type="radio" name="status" value={value} checked={filter === value} onChange={() => setFilter(value)} /> {t(`staff.${value}`)}
          </label>
        ))}
      </fieldset>
      <div role="status" className="form-alert">
        {confirmation ? (
          <p ref={confirmationRef} tabIndex={-1} className="notice notice--success">
            {confirmation}
          </p>
        ) : null}
      </div>
      <section aria-labelledby={titleId} className="card">
        <h2 id={titleId} className="card__title">
          {t(filter === 'open' ? 'staff.openTitle' : 'staff.decidedTitle')}
        </h2>
        <ApiStatus result={queue} loadingText={t('staff.loading')} onApiError={onApiError} />
        {queue.status === 'ready' ? (
          <>
            <p>{requests.length === 0 ? t(filter === 'open' ? 'staff.emptyOpen' : 'staff.emptyDecided') : t('staff.count', { count: requests.length })}</p>
            {requests.length > 0 ? (
              <ul className="item-list" aria-labelledby={titleId}>
                {requests.map((request) => (
                  <StaffRefillCard key={request.id} request={request} onDone={handleDone} onStale={queue.reload} onApiError={onApiError} />
                ))}
              </ul>
            ) : null}
          </>
        ) : null}
      </section>
    </>
  );
}
