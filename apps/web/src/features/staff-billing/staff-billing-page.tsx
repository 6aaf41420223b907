import './words.ts';
import { useCallback, useId, useRef, useState } from 'react';
import type { StaffPayment } from '@ourchart/contracts';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/use-api.ts';
import { PageHeading } from '../../shell/page-heading.tsx';
import { useDocumentTitle } from '../../shell/use-document-title.ts';
import { ApiStatus } from '../account/status-notices.tsx';
import { useSignedIn } from '../account/use-signed-in.ts';
import { useMoney } from '../billing/use-money.ts';
import { PendingPaymentCard } from './pending-payment-card.tsx';
import { RecordPayment } from './record-payment.tsx';
import { StaffBillingTabs } from './staff-billing-tabs.tsx';
import { getPaymentQueue } from './staff-billing-api.ts';
import '../../styles/forms.css';
import '../account/account.css';
import '../../styles/documents.css';
import '../../styles/billing.css';

/**
 * /staff/billing (front desk and billing office): payments patients asked to make at the front
 * desk, to post or cancel; a walk-in payment to record; and what was posted lately.
 */
export function StaffBillingPage() {
  const { t } = useTranslation('staffBilling');
  const { onApiError } = useSignedIn();
  const queue = useApi(getPaymentQueue);
  const [confirmation, setConfirmation] = useState<string | null>(null);
  const confirmationRef = useRef<HTMLParagraphElement>(null);
  const waitingId = useId();
  useDocumentTitle(t('payments.title'));

  const handleDone = useCallback((message: string) => {
    setConfirmation(message);
    queue.reload();
    // The card leaves the list: focus the confirmation so keyboard users keep their place.
    requestAnimationFrame(() => confirmationRef.current?.focus());
  }, [queue]);

  return (
    <>
      <PageHeading>{t('payments.title')}</PageHeading>
      <StaffBillingTabs />
      <p>{t('payments.intro')}</p>
      <div role="status" className="form-alert">
        {confirmation ? (
          <p ref={confirmationRef} tabIndex={-1} className="notice notice--success">
            {confirmation}
          </p>
        ) : null}
      </div>
      <div className="cards">
        <section aria-labelledby={waitingId} className="card">
          <h2 id={waitingId} className="card__title">
            {t('payments.waitingTitle')}
          </h2>
          <ApiStatus result={queue} loadingText={t('payments.loading')} onApiError={onApiError} />
          {queue.status === 'ready' ? (
            <>
              <p>{queue.data.pending.length === 0 ? t('payments.empty') : t('payments.count', { count: queue.data.pending.length })}</p>
              {queue.data.pending.length > 0 ? (
                <ul className="item-list" aria-labelledby={waitingId}>
                  {queue.data.pending.map((payment) => (
                    <PendingPaymentCard key={payment.paymentId} payment={payment} onDone={handleDone} onApiError={onApiError} />
                  ))}
                </ul>
              ) : null}
            </>
          ) : null}
        </section>
        <RecordPayment onDone={handleDone} onApiError={onApiError} />
        {queue.status === 'ready' ? <RecentPayments payments={queue.data.recent} /> : null}
      </div>
    </>
  );
}

function RecentPayments({ payments }: { payments: StaffPayment[] }) {
  const { t } = useTranslation('staffBilling');
  const { money, day } = useMoney();
  const titleId = useId();
  return (
    <section aria-labelledby={titleId} className="card">
      <h2 id={titleId} className="card__title">
        {t('recent.title')}
      </h2>
      {payments.length === 0 ? <p>{t('recent.empty')}</p> : null}
      {payments.length > 0 ? (
        <ul className="item-list" aria-labelledby={titleId}>
          {payments.map((p) => (
            <li key={p.id} className="item">
              <p className="item__name">{t('payments.itemTitle', { name: p.patientName, amount: money(p.amount) })}</p>
              <p>
                <span className={`status-tag billing-status billing-status--${p.status}`}>{t(`payments.statuses.${p.status}`)}</span>{' '}
                {day(p.postedAt ?? p.createdAt)} · {t(`payments.methods.${p.method}`)}
              </p>
              {p.receiptNumber ? <p className="item__detail">{t('recent.receipt')}: {p.receiptNumber}</p> : null}
              {p.reference ? <p className="item__detail">{t('recent.reference')}: {p.reference}</p> : null}
              <p className="item__detail">{t('recent.by')}: {p.requestedBy}</p>
              {p.reason ? <p className="item__detail">{t('recent.reason')}: {p.reason}</p> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
