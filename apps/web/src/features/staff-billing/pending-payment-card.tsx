import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { StaffPaymentQueue } from '@ourchart/contracts';
import { useTranslation } from 'react-i18next';
import { ErrorSummary, TextAreaField } from '../../components/native-fields.tsx';
import { useServerForm } from '../../components/use-server-form.ts';
import { isStatus } from '../account/use-signed-in.ts';
import { useMoney } from '../billing/use-money.ts';
import { PaidByFields } from './paid-by-fields.tsx';
import type { PaidBy } from './paid-by-fields.tsx';
import { cancelPayment, postPayment } from './staff-billing-api.ts';

type Pending = StaffPaymentQueue['pending'][number];

type Props = {
  payment: Pending;
  /** A confirmation to announce; the queue reloads. */
  onDone: (message: string) => void;
  onApiError: (error: unknown) => void;
};

/** One payment waiting at the front desk: who, how much, when asked; Post payment or Cancel. */
export function PendingPaymentCard({ payment, onDone, onApiError }: Props) {
  const { t } = useTranslation('staffBilling');
  const { money, day } = useMoney();
  const headingId = useId();
  const [acting, setActing] = useState<'post' | 'cancel' | null>(null);
  const buttons = { post: useRef<HTMLButtonElement>(null), cancel: useRef<HTMLButtonElement>(null) };
  const names = { amount: money(payment.amount), name: payment.patientName };

  function back() {
    const was = acting;
    setActing(null);
    if (was) requestAnimationFrame(() => buttons[was].current?.focus());
  }

  return (
    <li className="item">
      <article aria-labelledby={headingId} className="billing-payment">
        <h3 id={headingId} className="item__name billing-payment__title">
          {t('payments.itemTitle', names)}
        </h3>
        <dl className="billing-facts">
          <div>
            <dt>{t('payments.askedOn')}</dt>
            <dd>{day(payment.requestedAt)}</dd>
          </div>
          <div>
            <dt>{t('payments.askedBy')}</dt>
            <dd>{payment.requestedBy}</dd>
          </div>
          <div>
            <dt>{t('payments.how')}</dt>
            <dd>
              {t(`payments.methods.${payment.method}`)}
              {payment.planInstalment !== null ? ` · ${t('payments.planMonth', { n: payment.planInstalment })}` : ''}
            </dd>
          </div>
        </dl>
        {acting === null ? (
          <div className="actions">
            <button ref={buttons.post} type="button" className="button button--primary" aria-label={t('payments.postNamed', names)} onClick={() => setActing('post')}>
              {t('payments.post')}
            </button>
            <button ref={buttons.cancel} type="button" className="button button--secondary" aria-label={t('payments.cancelNamed', names)} onClick={() => setActing('cancel')}>
              {t('payments.cancel')}
            </button>
          </div>
        ) : (
          <ActionForm payment={payment} kind={acting} onBack={back} onDone={onDone} onApiError={onApiError} />
        )}
      </article>
    </li>
  );
}

function ActionForm({ payment, kind, onBack, onDone, onApiError }: { payment: Pending; kind: 'post' | 'cancel'; onBack: () => void } & Omit<Props, 'payment'>) {
  const { t } = useTranslation('staffBilling');
  const { money } = useMoney();
  const { pending, errors, message, run, formRef } = useServerForm(onApiError);
  const [method, setMethod] = useState<PaidBy | null>(payment.method === 'card-on-file' || payment.method === 'cash' || payment.method === 'check' ? payment.method : null);
  const [reference, setReference] = useState('');
  const [reason, setReason] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [stale, setStale] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const id = useId();
  const names = { amount: money(payment.amount), name: payment.patientName };
  const post = kind === 'post';

  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('input, textarea')?.focus();
  }, [formRef]);

  const problems = post
    ? method ? [] : [{ id: `${id}-method`, text: t('payments.chooseMethod') }]
    : reason.trim().length >= 5 ? [] : [{ id: `${id}-reason`, text: t('payments.reasonMissing') }];
  const shown = submitted ? problems : [];

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    setSubmitted(true);
    if (problems.length > 0) {
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    const result = await run(async () => {
      try {
        return post
          ? await postPayment(payment.paymentId, { method: method!, ...(reference.trim() ? { reference: reference.trim() } : {}) })
          : await cancelPayment(payment.paymentId, { reason: reason.trim() });
      } catch (error) {
        if (isStatus(error, 409) || isStatus(error, 404)) setStale(true);
        throw error;
      }
    });
    if (result.ok) onDone(post ? t('payments.posted', { ...names, receipt: result.value.receiptNumber ?? '' }) : t('payments.canceled', names));
  }

  return (
    <form ref={formRef} className="inline-form" onSubmit={(event) => void handleSubmit(event)} noValidate aria-label={t(post ? 'payments.postNamed' : 'payments.cancelNamed', names)}>
      <ErrorSummary title={t('payments.fixThese')} problems={shown} summaryRef={summaryRef} message={stale ? t('payments.alreadyDone') : message} />
      {post ? (
        <PaidByFields
          idPrefix={id}
          method={method}
          onMethod={setMethod}
          reference={reference}
          onReference={setReference}
          methodError={shown[0]?.text ?? errors.method}
          referenceError={errors.reference}
        />
      ) : (
        <TextAreaField
          id={`${id}-reason`}
          label={t('payments.reason')}
          hint={t('payments.reasonHint')}
          name="reason"
          rows={3}
          maxLength={500}
          value={reason}
          onChange={setReason}
          error={shown[0]?.text ?? errors.reason}
        />
      )}
      <div className="actions">
        <button type="submit" className="button button--primary" aria-disabled={pending || undefined}>
          {pending ? t('payments.working') : t(post ? 'payments.confirmPost' : 'payments.confirmCancel')}
        </button>
        <button type="button" className="button button--secondary" onClick={stale ? () => onDone(t('payments.alreadyDone')) : onBack}>
          {t('payments.back')}
        </button>
      </div>
    </form>
  );
}
