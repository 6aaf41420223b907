import { useId } from 'react';
import type { PaymentView } from '@ourchart/contracts';
import { useTranslation } from 'react-i18next';
import { receiptPdfUrl } from './billing-api.ts';
import { useMoney } from './use-money.ts';

/** Payments made here, newest first: status in words, how, and the receipt of each one that went through. */
export function PaymentHistory({ payments }: { payments: PaymentView[] }) {
  const { t } = useTranslation('billing');
  const titleId = useId();
  return (
    <section aria-labelledby={titleId} className="card">
      <h2 id={titleId} className="card__title">
        {t('payments.title')}
      </h2>
      {payments.length === 0 ? <p>{t('payments.empty')}</p> : null}
      {payments.length > 0 ? (
        <ul className="item-list" aria-labelledby={titleId}>
          {payments.map((payment) => (
            <PaymentItem key={payment.id} payment={payment} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function PaymentItem({ payment }: { payment: PaymentView }) {
  const { t } = useTranslation('billing');
  const { money, day, locale: lang } = useMoney();
  const headingId = useId();
  return (
    <li className="item">
      <article aria-labelledby={headingId} className="billing-payment">
        <h3 id={headingId} className="item__name billing-payment__title">
          {t('payments.itemTitle', { amount: money(payment.amount), date: day(payment.createdAt) })}
        </h3>
        <dl className="billing-facts">
          <div>
            <dt>{t('payments.status')}</dt>
            <dd>
              <span className={`status-tag billing-status billing-status--${payment.status}`}>{t(`payments.statuses.${payment.status}`)}</span>
            </dd>
          </div>
          <div>
            <dt>{t('payments.method')}</dt>
            <dd>
              {t(`payments.methods.${payment.method}`)}
              {payment.planInstalment !== null ? ` · ${t('payments.instalment', { n: payment.planInstalment })}` : ''}
            </dd>
          </div>
          {payment.postedAt ? (
            <div>
              <dt>{t('payments.postedOn')}</dt>
              <dd>{day(payment.postedAt)}</dd>
            </div>
          ) : null}
          {payment.receiptNumber ? (
            <div>
              <dt>{t('payments.receipt')}</dt>
              <dd>{payment.receiptNumber}</dd>
            </div>
          ) : null}
          {payment.reason ? (
            <div>
              <dt>{t('payments.reason')}</dt>
              <dd>{payment.reason}</dd>
            </div>
          ) : null}
        </dl>
        {payment.status === 'succeeded' && payment.receiptNumber ? (
          <a href={receiptPdfUrl(payment.id, lang)} download aria-label={t('payments.downloadReceiptAria', { number: payment.receiptNumber })}>
            {t('payments.downloadReceipt')}
          </a>
        ) : null}
      </article>
    </li>
  );
}
