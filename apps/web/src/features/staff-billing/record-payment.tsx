import '../staff/words.ts';
import { useCallback, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { StaffPatient } from '@ourchart/contracts';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/use-api.ts';
import { ErrorSummary, InputField } from '../../components/native-fields.tsx';
import { useServerForm } from '../../components/use-server-form.ts';
import { LoadFailed, Loading } from '../account/status-notices.tsx';
import { checkAmount, toCents, toDollars } from '../billing/money.ts';
import { useMoney } from '../billing/use-money.ts';
import { PatientSearch } from '../staff/patient-search.tsx';
import { PaidByFields } from './paid-by-fields.tsx';
import type { PaidBy } from './paid-by-fields.tsx';
import { getPatientBalance, recordPayment } from './staff-billing-api.ts';

type Props = { onDone: (message: string) => void; onApiError: (error: unknown) => void };

/** "Record a payment": find the patient (the staff patient search), see what they owe, enter what they paid. */
export function RecordPayment({ onDone, onApiError }: Props) {
  const { t } = useTranslation('staffBilling');
  const titleId = useId();
  const [patient, setPatient] = useState<StaffPatient | null>(null);
  const searchRef = useRef<HTMLDivElement>(null);

  return (
    <section aria-labelledby={titleId} className="card">
      <h2 id={titleId} className="card__title">
        {t('record.title')}
      </h2>
      <p>{t('record.intro')}</p>
      {patient ? (
        <PaymentForm
          patient={patient}
          onApiError={onApiError}
          onAnother={() => {
            setPatient(null);
            requestAnimationFrame(() => searchRef.current?.querySelector('input')?.focus());
          }}
          onDone={(message) => {
            setPatient(null);
            onDone(message);
          }}
        />
      ) : (
        <div ref={searchRef}>
          <PatientSearch
            onApiError={onApiError}
            renderAction={(p) => (
              <button type="button" className="button button--secondary" aria-label={t('record.chooseNamed', { name: p.name })} onClick={() => setPatient(p)}>
                {t('record.choose')}
              </button>
            )}
          />
        </div>
      )}
    </section>
  );
}

function PaymentForm({ patient, onAnother, onDone, onApiError }: Props & { patient: StaffPatient; onAnother: () => void }) {
  const { t } = useTranslation('staffBilling');
  const { money } = useMoney();
  const balance = useApi(useCallback(() => getPatientBalance(patient.id), [patient.id]));
  const { pending, errors, message, run, formRef } = useServerForm(onApiError);
  const [amountText, setAmountText] = useState('');
  const [method, setMethod] = useState<PaidBy | null>(null);
  const [reference, setReference] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const id = useId();

  if (balance.status === 'loading') return <Loading text={t('record.loading')} />;
  if (balance.status === 'error') return <LoadFailed error={balance.error} onRetry={balance.reload} />;
  const max = money(balance.data.maxPayment);
  const checked = checkAmount(amountText, toCents(balance.data.maxPayment));
  const problems = [
    ...(checked.ok ? [] : [{ id: `${id}-amount`, text: t(`record.amountProblems.${checked.problem}`, { max }) }]),
    ...(method ? [] : [{ id: `${id}-method`, text: t('payments.chooseMethod') }]),
  ];
  const shown = submitted ? problems : [];
  const problemFor = (field: string) => shown.find((p) => p.id === `${id}-${field}`)?.text;

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    setSubmitted(true);
    if (!checked.ok || !method) {
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    const amount = toDollars(checked.cents);
    const result = await run(() => recordPayment({ patientId: patient.id, amount, method, ...(reference.trim() ? { reference: reference.trim() } : {}) }));
    if (result.ok) onDone(t('record.recorded', { amount: money(amount), name: patient.name, receipt: result.value.receiptNumber ?? '' }));
  }

  return (
    <div className="inline-form">
      <p className="strong">{t('record.patient', { name: patient.name })}</p>
      <p>{balance.data.maxPayment > 0 ? t('record.balance', { balance: money(balance.data.balanceDue), max }) : t('record.nothingDue')}</p>
      {balance.data.maxPayment > 0 ? (
        <form ref={formRef} className="inline-form" onSubmit={(event) => void handleSubmit(event)} noValidate aria-label={t('record.title')}>
          <ErrorSummary title={t('payments.fixThese')} problems={shown} summaryRef={summaryRef} message={message} />
          <InputField
            id={`${id}-amount`}
            className="field--short"
            label={t('record.amount')}
            hint={t('record.amountHint', { max })}
            name="amount"
            maxLength={12}
            autoComplete="off"
            isRequired
            value={amountText}
            onChange={setAmountText}
            error={problemFor('amount') ?? errors.amount}
          />
          <PaidByFields
            idPrefix={id}
            method={method}
            onMethod={setMethod}
            reference={reference}
            onReference={setReference}
            methodError={problemFor('method') ?? errors.method}
            referenceError={errors.reference}
          />
          <div className="actions">
            <button type="submit" className="button button--primary" aria-disabled={pending || undefined}>
              {pending ? t('payments.working') : t('record.submit')}
            </button>
          </div>
        </form>
      ) : null}
      <div className="actions">
        <button type="button" className="button button--secondary" onClick={onAnother}>
          {t('record.another')}
        </button>
      </div>
    </div>
  );
}
