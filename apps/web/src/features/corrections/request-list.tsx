import { useId, useRef, useState } from 'react';
import type { CorrectionRequest } from '@ourchart/contracts';
import { useTranslation } from 'react-i18next';
import { DisagreementForm } from './disagreement-form.tsx';
import { formatDay, statusText, typeLabel } from './correction-words.ts';

type RequestListProps = {
  requests: CorrectionRequest[];
  patientId: string | undefined;
  onApiError: (error: unknown) => void;
};

/** "Your correction requests": every request, newest first, with its status in words and the answer. */
export function RequestList({ requests, patientId, onApiError }: RequestListProps) {
  const { t } = useTranslation('corrections');
  const titleId = useId();
  return (
    <section aria-labelledby={titleId} className="card">
      <h2 id={titleId} className="card__title">
        {t('list.title')}
      </h2>
      {requests.length === 0 ? (
        <p>{t('list.empty')}</p>
      ) : (
        <ul className="item-list" aria-labelledby={titleId}>
          {requests.map((request) => (
            <RequestCard key={request.id} request={request} patientId={patientId} onApiError={onApiError} />
          ))}
        </ul>
      )}
    </section>
  );
}

function RequestCard({ request: initial, patientId, onApiError }: { request: CorrectionRequest; patientId: string | undefined; onApiError: (error: unknown) => void }) {
  const { t, i18n } = useTranslation('corrections');
  const locale = i18n.resolvedLanguage ?? 'en';
  const [request, setRequest] = useState(initial);
  const [added, setAdded] = useState(false);
  const addedRef = useRef<HTMLParagraphElement>(null);
  const headingId = useId();
  const { status } = request;
  return (
    <li className="item correction">
      <h3 id={headingId} className="item__name correction__title">
        {typeLabel(t, request.item.resourceType)}: {request.item.name}
      </h3>
      <p>
        <span className="strong">{t('list.status')}:</span> <span className={`status-tag correction-status correction-status--${status}`}>{statusText(t, status)}</span>
      </p>
      <p className="item__detail">
        {t('list.requested', { date: formatDay(request.requestedAt, locale) })}
        {request.decidedAt ? ` · ${t('list.decided', { date: formatDay(request.decidedAt, locale) })}` : ''}
      </p>
      <dl className="correction-details">
        <dt>{t('list.whatIsWrong')}</dt>
        <dd>{request.whatIsWrong}</dd>
        <dt>{t('list.shouldSay')}</dt>
        <dd>{request.shouldSay}</dd>
        {status === 'denied' && request.reason ? (
          <>
            <dt>{t('list.reason')}</dt>
            <dd>{request.reason}</dd>
          </>
        ) : null}
        {status === 'accepted' && request.changeNote ? (
          <>
            <dt>{t('list.changeNote')}</dt>
            <dd>{request.changeNote}</dd>
          </>
        ) : null}
        {status === 'accepted' && request.reason ? (
          <>
            <dt>{t('list.acceptNote')}</dt>
            <dd>{request.reason}</dd>
          </>
        ) : null}
        {request.disagreement ? (
          <>
            <dt>{t('disagreement.yours', { date: formatDay(request.disagreement.at, locale) })}</dt>
            <dd>{request.disagreement.statement}</dd>
          </>
        ) : null}
      </dl>
      {status === 'accepted' ? <p className="item__detail">{t('list.ehrNote')}</p> : null}
      {added ? (
        <p ref={addedRef} tabIndex={-1} role="status" className="notice notice--success">
          {t('disagreement.added')}
        </p>
      ) : null}
      {status === 'denied' && !request.disagreement ? (
        <DisagreementForm
          request={request}
          patientId={patientId}
          onApiError={onApiError}
          onAdded={(updated) => {
            setRequest(updated);
            setAdded(true);
            requestAnimationFrame(() => addedRef.current?.focus());
          }}
        />
      ) : null}
    </li>
  );
}
