import './words.ts';
import { useCallback, useId, useRef, useState } from 'react';
import type { StaffCorrection } from '@ourchart/contracts';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/use-api.ts';
import { PageHeading } from '../../shell/page-heading.tsx';
import { useDocumentTitle } from '../../shell/use-document-title.ts';
import { ApiStatus } from '../account/status-notices.tsx';
import { useSignedIn } from '../account/use-signed-in.ts';
import { getStaffQueue } from './corrections-api.ts';
import { StaffRequestCard } from './staff-request-card.tsx';
import '../../styles/forms.css';
import '../account/account.css';
import '../../styles/corrections.css';

type Filter = 'open' | 'decided';

/**
 * /staff/corrections: correction requests of patients on the care team (or opened with emergency
 * access), waiting or decided. Accepting says what was changed in the EHR; denying needs a reason.
 */
export function StaffCorrectionsPage() {
  const { t } = useTranslation('corrections');
  const { onApiError } = useSignedIn();
  const [filter, setFilter] = useState<Filter>('open');
  const [confirmation, setConfirmation] = useState<string | null>(null);
  const confirmationRef = useRef<HTMLParagraphElement>(null);
  const titleId = useId();
  useDocumentTitle(t('title'));
  const queue = useApi(useCallback(() => getStaffQueue(filter), [filter]));

  function handleDecided(request: StaffCorrection) {
    const name = request.patient.name;
    setConfirmation(request.status === 'accepted' ? t('staff.accepted', { name }) : t('staff.denied', { name }));
    queue.reload();
    // The decided card leaves the list: focus the confirmation so keyboard users keep their place.
    requestAnimationFrame(() => confirmationRef.current?.focus());
  }

  const requests = queue.status === 'ready' ? queue.data.requests : [];
  return (
    <>
      <PageHeading>{t('title')}</PageHeading>
      <p>{t('staff.intro')}</p>
      <fieldset className="correction-filter">
        <legend className="field__label">{t('staff.show')}</legend>
        {(['open', 'decided'] as const).map((value) => (
          <label key={value} className="correction-filter__option">
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
                  <StaffRequestCard key={request.id} request={request} onDecided={handleDecided} onStale={queue.reload} onApiError={onApiError} />
                ))}
              </ul>
            ) : null}
          </>
        ) : null}
      </section>
    </>
  );
}
