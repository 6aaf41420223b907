import './words.ts';
import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { BillingSummary, PayResponse, PaymentView } from '@ourchart/contracts';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/use-api.ts';
import { ChoiceGroup, ErrorSummary, InputField } from '../../components/native-fields.tsx';
import { useServerForm } from '../../components/use-server-form.ts';
import { Link } from '../../router/router.tsx';
import { usePatientContext } from '../../session/patient-context.tsx';
import { PageHeading } from '../../shell/page-heading.tsx';
import { useDocumentTitle } from '../../shell/use-document-title.ts';
import { LoadFailed, Loading } from '../account/status-notices.tsx';
import { useSignedIn } from '../account/use-signed-in.ts';
import { getBilling, pay } from './billing-api.ts';
import { CardPayment } from './card-payment.tsx';
import { checkAmount, toCents, toDollars } from './money.ts';
import { newIdempotencyKey } from './idempotency-key.ts';
import { PayDone } from './pay-done.tsx';
import { useMoney } from './use-money.ts';
import '../../styles/forms.css';
import '../account/account.css';
import '../../styles/documents.css';
import '../../styles/billing.css';

type Step = { kind: 'form' } | { kind: 'card'; started: PayResponse } | { kind: 'done'; payment: PaymentView; card: 'no' | 'paid' | 'processing' };

/**
 * /billing/pay: pay all or part of what can be paid now, by card (when the clinic takes cards
 * online) or at the front desk, then what happens next.
 */
export function PayPage() {
  const { t } = useTranslation('billing');
  const { current, isProxyView } = usePatientContext();
  useDocumentTitle(t('pay.title'));
  const summary = useApi(getBilling);
  const [step, setStep] = useState<Step>({ kind: 'form' });

  return (
    <>
      <PageHeading>{t('pay.title')}</PageHeading>
      {isProxyView && current ? <p className="strong">{t('forPatient', { name: current.name })}</p> : null}
      {summary.status === 'loading' ? <Loading text={t('loading')} /> : null}
      {summary.status === 'error' ? <LoadFailed error={summary.error} onRetry={summary.reload} /> : null}
      {summary.status === 'ready' && step.kind === 'form' ? (
        <PayForm
          summary={summary.data}
          onStarted={(started) => (started.clientSecret ? setStep({ kind: 'card', started }) : setStep({ kind: 'done', payment: started.payment, card: 'no' }))}
        />
      ) : null}
      {summary.status === 'ready' && step.kind === 'card' && summary.data.stripe && step.started.clientSecret ? (
        <CardPayment
          publishableKey={summary.data.stripe.publishableKey}
          clientSecret={step.started.clientSecret}
          amount={step.started.payment.amount}
          onPaid={(processing) => setStep({ kind: 'done', payment: step.started.payment, card: processing ? 'processing' : 'paid' })}
        />
      ) : null}
      {step.kind === 'done' ? <PayDone payment={step.payment} card={step.card} /> : null}
      <p>
        <Link href="/billing">{t('backToBilling')}</Link>
      </p>
    </>
  );
}

type Choice = 'full' | 'other';
type Method = 'card' | 'front-desk';

function PayForm({ summary, onStarted }: { summary: BillingSummary; onStarted: (started: PayResponse) => void }) {
  const { t } = useTranslation('billing');
  const { money } = useMoney();
  const { onApiError } = useSignedIn();
  const { pending, errors, message, run, formRef } = useServerForm(onApiError);
  // One key per visit to this form, kept across retries: the server answers a repeat with the same payment.
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [choice, setChoice] = useState<Choice>('full');
  const [amountText, setAmountText] = useState('');
  const [method, setMethod] = useState<Method | null>(summary.stripe ? null : 'front-desk');
  const [submitted, setSubmitted] = useState(0);
  const summaryRef = useRef<HTMLDivElement>(null);
  const maxCents = toCents(summary.maxPayment);
  const max = money(summary.maxPayment);

  const checked = choice === 'full' ? ({ ok: true, cents: maxCents } as const) : checkAmount(amountText, maxCents);
  const problems = [
    ...(checked.ok ? [] : [{ id: 'pay-amount', text: t(`pay.amountProblems.${checked.problem}`, { max }) }]),
    ...(method ? [] : [{ id: 'pay-method-card', text: t('pay.chooseMethod') }]),
  ];
  const shown = submitted > 0 ? problems : [];
  const amountError = shown.find((p) => p.id === 'pay-amount')?.text ?? errors.amount ?? null;
  const methodError = shown.find((p) => p.id === 'pay-method-card')?.text ?? errors.method;

  useEffect(() => {
    if (submitted > 0 && problems.length > 0) summaryRef.current?.focus();
    // Only after a submit, not while the person fixes things.
  }, [submitted]);

  if (maxCents <= 0) return <p className="notice">{t('pay.nothing')}</p>;

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    setSubmitted((n) => n + 1);
    if (!checked.ok || !method) return;
    const cents = checked.cents;
    const result = await run(() => pay({ amount: toDollars(cents), method }, idempotencyKey));
    if (result.ok) onStarted(result.value);
  }

  const amountNow = checked.ok ? money(toDollars(checked.cents)) : null;
  return (
    <form ref={formRef} className="card inline-form billing-pay" onSubmit={(event) => void handleSubmit(event)} noValidate aria-label={t('pay.title')}>
      <ErrorSummary title={t('pay.errorsTitle')} problems={shown} summaryRef={summaryRef} message={message} />
      <p>{t('pay.intro', { balance: money(summary.balanceDue), max })}</p>
      {summary.pendingAmount > 0 ? <p>{t('pay.introPending', { pending: money(summary.pendingAmount) })}</p> : null}
      <ChoiceGroup legend={t('pay.howMuch')}>
        <label className="checkbox">
          <input type="radio" name="amount-choice" value="full" checked={choice === 'full'} onChange={() => setChoice('full')} />
          <span>{t('pay.full', { amount: max })}</span>
        </label>
        <label className="checkbox">
          <input type="radio" name="amount-choice" value="other" checked={choice === 'other'} onChange={() => setChoice('other')} />
          <span>{t('pay.other')}</span>
        </label>
      </ChoiceGroup>
      {choice === 'other' ? (
        <InputField
          id="pay-amount"
          className="field--short"
          label={t('pay.amount')}
          hint={t('pay.amountHint', { max })}
          name="amount"
          inputMode="text"
          autoComplete="transaction-amount"
          maxLength={12}
          isRequired
          value={amountText}
          onChange={setAmountText}
          error={amountError}
        />
      ) : null}
      <ChoiceGroup legend={t('pay.how')} error={methodError}>
        {summary.stripe ? (
          <label className="checkbox">
            <input id="pay-method-card" type="radio" name="method" value="card" checked={method === 'card'} onChange={() => setMethod('card')} />
            <span>
              <span className="strong">{t('pay.card')}</span>
              <br />
              <span className="field__hint">{t('pay.cardHint')}</span>
            </span>
          </label>
        ) : null}
        <label className="checkbox">
          <input id={summary.stripe ? undefined : 'pay-method-card'} type="radio" name="method" value="front-desk" checked={method === 'front-desk'} onChange={() => setMethod('front-desk')} />
          <span>
            <span className="strong">{t('pay.frontDesk')}</span>
            <br />
            <span className="field__hint">{t('pay.frontDeskHint')}</span>
          </span>
        </label>
      </ChoiceGroup>
      <p className="field__hint">{t('pay.sameRequest')}</p>
      <div className="actions">
        <button type="submit" className="button button--primary" aria-disabled={pending || undefined}>
          {pending ? t('pay.sending') : method === 'card' ? t('pay.continueToCard') : amountNow ? t('pay.submit', { amount: amountNow }) : t('pay.submitPlain')}
        </button>
      </div>
    </form>
  );
}
