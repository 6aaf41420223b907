import { useId, useRef, useState } from 'react';
import type { StaffCorrection } from '@ourchart/contracts';
import { useTranslation } from 'react-i18next';
import { DecisionForm } from './decision-form.tsx';
import { formatDay, statusText, typeLabel } from './correction-words.ts';

type StaffRequestCardProps = {
  request: StaffCorrection;
  onDecided: (request: StaffCorrection) => void;
  onStale: () => void;
  onApiError: (error: unknown) => void;
};

/** One request in the staff queue: whose, which item, the patient's words, and Accept / Deny. */
export function StaffRequestCard({ request, onDecided, onStale, onApiError }: StaffRequestCardProps) {
  const { t, i18n } = useTranslation('corrections');
  const locale = i18n.resolvedLanguage ?? 'en';
  const [deciding, setDeciding] = useState<'accept' | 'deny' | null>(null);
  const headingId = useId();
  const buttons = { accept: useRef<HTMLButtonElement>(null), deny: useRef<HTMLButtonElement>(null) };
  const { status } = request;

  function cancel() {
    const was = deciding;
    setDeciding(null);
    if (was) requestAnimationFrame(() => buttons[was].current?.focus());
  }

  return (
    <li className="item correction">
      <article aria-labelledby={headingId} className="correction__body">
        <h3 id={headingId} className="item__name correction__title">
          {request.patient.name}: {typeLabel(t, request.item.resourceType)}, {request.item.name}
        </h3>
        <dl className="correction-details">
          <dt>{t('staff.asked')}</dt>
          <dd>{formatDay(request.requestedAt, locale)}</dd>
          <dt>{t('staff.whatIsWrong')}</dt>
          <dd>{request.whatIsWrong}</dd>
          <dt>{t('staff.shouldSay')}</dt>
          <dd>{request.shouldSay}</dd>
          {status !== 'open' ? (
            <>
              <dt>{t('staff.status')}</dt>
              <dd>
                <span className={`status-tag correction-status correction-status--${status}`}>{statusText(t, status)}</span>
                {request.decidedAt ? ` · ${formatDay(request.decidedAt, locale)}` : ''}
              </dd>
            </>
          ) : null}
          {request.reason ? (
            <>
              <dt>{t('staff.reason')}</dt>
              <dd>{request.reason}</dd>
            </>
          ) : null}
          {request.changeNote ? (
            <>
              <dt>{t('staff.changeNote')}</dt>
              <dd>{request.changeNote}</dd>
            </>
          ) : null}
          {request.disagreement ? (
            <>
              <dt>{t('staff.disagreement')}</dt>
              <dd>{request.disagreement.statement}</dd>
            </>
          ) : null}
        </dl>
        {status === 'open' && deciding === null ? (
          <div className="actions">
            <button ref={buttons.accept} type="button" className="button button--secondary" aria-label={t('staff.acceptNamed', { name: request.patient.name })} onClick={() => setDeciding('accept')}>
              {t('staff.accept')}
            </button>
            <button ref={buttons.deny} type="button" className="button button--secondary" aria-label={t('staff.denyNamed', { name: request.patient.name })} onClick={() => setDeciding('deny')}>
              {t('staff.deny')}
            </button>
          </div>
        ) : null}
        {status === 'open' && deciding ? (
          <DecisionForm request={request} decision={deciding} onDecided={onDecided} onStale={onStale} onCancel={cancel} onApiError={onApiError} />
        ) : null}
      </article>
    </li>
  );
}
