import './words.ts';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { BillingSummary, PaymentPlan } from '@ourchart/contracts';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/use-api.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { ChoiceGroup } from '../../components/native-fields.tsx';
import { useServerForm } from '../../components/use-server-form.ts';
import { Link } from '../../router/router.tsx';
import { usePatientContext } from '../../session/patient-context.tsx';
import { PageHeading } from '../../shell/page-heading.tsx';
import { useDocumentTitle } from '../../shell/use-document-title.ts';
import { LoadFailed, Loading } from '../account/status-notices.tsx';
import { useSignedIn } from '../account/use-signed-in.ts';
import { cancelPlan, getBilling, startPlan } from './billing-api.ts';
import { useMoney } from './use-money.ts';
import '../../styles/forms.css';
import '../account/account.css';
import '../../styles/documents.css';
import '../../styles/billing.css';

/** /billing/plan: the payment plan and its monthly payments, or a choice of months to set one up. */
export function PlanPage() {
  const { t } = useTranslation('billing');
  const { current, isProxyView } = usePatientContext();
  useDocumentTitle(t('plan.title'));
  const summary = useApi(getBilling);
  const [announcement, setAnnouncement] = useState<string | null>(null);
  const announcementRef = useRef<HTMLParagraphElement>(null);

  const handleChanged = useCallback((message: string) => {
    setAnnouncement(message);
    summary.reload();
    requestAnimationFrame(() => announcementRef.current?.focus());
  }, [summary]);

  return (
    <>
      <PageHeading>{t('plan.title')}</PageHeading>
      {isProxyView && current ? <p className="strong">{t('forPatient', { name: current.name })}</p> : null}
      <div role="status" className="form-alert">
        {announcement ? (
          <p ref={announcementRef} tabIndex={-1} className="notice notice--success">
            {announcement}
          </p>
        ) : null}
      </div>
      {summary.status === 'loading' ? <Loading text={t('loading')} /> : null}
      {summary.status === 'error' ? <LoadFailed error={summary.error} onRetry={summary.reload} /> : null}
      {summary.status === 'ready' && summary.data.plan ? <PlanView plan={summary.data.plan} onCanceled={() => handleChanged(t('plan.canceled'))} /> : null}
      {summary.status === 'ready' && !summary.data.plan ? <PlanForm summary={summary.data} onStarted={() => handleChanged(t('plan.started'))} /> : null}
      <p>
        <Link href="/billing">{t('backToBilling')}</Link>
      </p>
    </>
  );
}

function PlanForm({ summary, onStarted }: { summary: BillingSummary; onStarted: () => void }) {
  const { t } = useTranslation('billing');
  const { money } = useMoney();
  const { onApiError } = useSignedIn();
  const { pending, errors, message, run, formRef } = useServerForm(onApiError);
  const [months, setMonths] = useState<number | null>(null);
  const [missing, setMissing] = useState(false);
  const chosen = summary.planChoices.find((c) => c.months === months) ?? null;

  if (summary.planChoices.length === 0) return <p>{t('plan.none', { amount: money(summary.planRules.minBalance) })}</p>;

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    if (months === null) {
      setMissing(true);
      formRef.current?.querySelector<HTMLInputElement>('input[type="radio"]')?.focus();
      return;
    }
    const result = await run(() => startPlan({ months }));
    if (result.ok) onStarted();
  }

  return (
    <form ref={formRef} className="card inline-form" onSubmit={(event) => void handleSubmit(event)} noValidate aria-label={t('plan.title')}>
      <p>{t('plan.intro')}</p>
      <FormAlert message={message} />
      <ChoiceGroup legend={t('plan.howLong')} error={missing && months === null ? t('plan.chooseMonths') : errors.months}>
        {summary.planChoices.map((choice) => (
          <label key={choice.months} className="checkbox">
            <input type="radio" name="months" value={choice.months} checked={months === choice.months} onChange={() => setMonths(choice.months)} />
            <span>{t('plan.choice', { months: choice.months, amount: money(choice.instalment) })}</span>
          </label>
        ))}
      </ChoiceGroup>
      <p aria-live="polite">{chosen ? t('plan.preview', { months: chosen.months, amount: money(chosen.instalment) }) : ''}</p>
      <div className="actions">
        <button type="submit" className="button button--primary" aria-disabled={pending || undefined}>
          {pending ? t('plan.sending') : t('plan.submit')}
        </button>
      </div>
    </form>
  );
}

function PlanView({ plan, onCanceled }: { plan: PaymentPlan; onCanceled: () => void }) {
  const { t } = useTranslation('billing');
  const { money, day } = useMoney();
  const { onApiError } = useSignedIn();
  const { pending, message, run } = useServerForm(onApiError);
  const [asking, setAsking] = useState(false);
  const titleId = useId();
  const captionId = useId();
  const cancelRef = useRef<HTMLButtonElement>(null);
  const yesRef = useRef<HTMLButtonElement>(null);
  const columns = { dueDate: t('plan.dueDate'), amount: t('plan.amount'), status: t('plan.status') };

  useEffect(() => {
    if (asking) yesRef.current?.focus();
  }, [asking]);

  async function confirmCancel() {
    if (pending) return;
    const result = await run(() => cancelPlan(plan.id));
    if (result.ok) onCanceled();
  }

  return (
    <section aria-labelledby={titleId} className="card">
      <h2 id={titleId} className="card__title">
        {t('plan.yourPlan')}
      </h2>
      <p className="strong">{t('plan.summary', { total: money(plan.total), months: plan.months, remaining: money(plan.remaining) })}</p>
      <div className="table-wrap" role="region" aria-labelledby={captionId} tabIndex={0}>
        <table className="data-table data-table--stack billing-table">
          <caption id={captionId} className="data-table__caption">
            {t('plan.caption')}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('plan.number')}</th>
              <th scope="col">{columns.dueDate}</th>
              <th scope="col">{columns.amount}</th>
              <th scope="col">{columns.status}</th>
            </tr>
          </thead>
          <tbody>
            {plan.instalments.map((i) => (
              <tr key={i.n}>
                <th scope="row">{t('plan.nth', { n: i.n })}</th>
                <td data-label={columns.dueDate}>{day(i.dueDate)}</td>
                <td className="billing-amount" data-label={columns.amount}>{money(i.amount)}</td>
                <td data-label={columns.status}>
                  <span className={`status-tag billing-status billing-status--${i.status}`}>{t(`plan.statuses.${i.status}`)}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <FormAlert message={message} />
      {asking ? (
        <div className="banner" role="group" aria-label={t('plan.cancel')}>
          <p>{t('plan.cancelQuestion')}</p>
          <div className="actions">
            <button ref={yesRef} type="button" className="button button--primary" aria-disabled={pending || undefined} onClick={() => void confirmCancel()}>
              {pending ? t('plan.canceling') : t('plan.cancelYes')}
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                setAsking(false);
                requestAnimationFrame(() => cancelRef.current?.focus());
              }}
            >
              {t('plan.cancelNo')}
            </button>
          </div>
        </div>
      ) : (
        <button ref={cancelRef} type="button" className="button button--secondary" onClick={() => setAsking(true)}>
          {t('plan.cancel')}
        </button>
      )}
    </section>
  );
}
