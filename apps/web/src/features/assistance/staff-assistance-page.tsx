import './words.ts';
import { useCallback, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { AssistanceDecision, StaffAssistanceApplication } from '@ourchart/contracts';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/use-api.ts';
import { ChoiceGroup, ErrorSummary, InputField, TextAreaField } from '../../components/native-fields.tsx';
import { useServerForm } from '../../components/use-server-form.ts';
import { useDocumentTitle } from '../../shell/use-document-title.ts';
import { useSignedIn } from '../account/use-signed-in.ts';
import { useMoney } from '../billing/use-money.ts';
import { StateTag } from '../insurance/fact-list.tsx';
import { StaffWorkList } from '../insurance/staff-work-list.tsx';
import { decideApplication, getApplications } from './assistance-api.ts';
import '../../styles/forms.css';
import '../account/account.css';
import '../../styles/billing.css';
import '../../styles/billing-help.css';

type Filter = 'submitted' | 'decided';

/** /staff/billing/assistance: the billing office reads financial help applications and decides. */
export function StaffAssistancePage() {
  const { t } = useTranslation('assistance');
  const { onApiError } = useSignedIn();
  const [filter, setFilter] = useState<Filter>('submitted');
  const [confirmation, setConfirmation] = useState<string | null>(null);
  useDocumentTitle(t('staff.title'));
  const list = useApi(useCallback(() => getApplications(filter), [filter]));
  const handleDone = useCallback((message: string) => {
    setConfirmation(message);
    list.reload();
  }, [list]);

  return (
    <StaffWorkList
      words={{
        title: t('staff.title'), intro: t('staff.intro'), show: t('staff.show'), listTitle: t(filter === 'submitted' ? 'staff.submittedTitle' : 'staff.decidedTitle'),
        loading: t('staff.loading'), empty: t('staff.empty'), count: (count) => t('staff.count', { count }),
      }}
      filters={(['submitted', 'decided'] as const).map((value) => ({ value, label: t(`staff.${value}`) }))}
      filter={filter} onFilter={setFilter} confirmation={confirmation} list={list} items={list.status === 'ready' ? list.data.applications : []}
    >
      {(a) => <ApplicationCard key={a.id} application={a} onDone={handleDone} onApiError={onApiError} />}
    </StaffWorkList>
  );
}

function ApplicationCard({ application: a, onDone, onApiError }: { application: StaffAssistanceApplication; onDone: (message: string) => void; onApiError: (error: unknown) => void }) {
  const { t } = useTranslation('assistance');
  const { day } = useMoney();
  const headingId = useId();
  return (
    <li className="item">
      <article aria-labelledby={headingId} className="billing-help">
        <h3 id={headingId} className="item__name">{a.patient.name}</h3>
        <p>
          {t('staff.sentOn', { date: day(a.submittedAt) })}{' '}
          <StateTag state={a.state} text={t(`state.${a.state}`)} />
        </p>
        <h4>{t('staff.answers')}</h4>
        <dl className="billing-help">
          {a.answers.map((x) => <div key={x.question}><dt className="strong">{x.question}</dt><dd>{x.answer}</dd></div>)}
        </dl>
        {a.discountPercent !== null ? <p>{t('list.discount')}: {t('percent', { value: a.discountPercent })}</p> : null}
        {a.reason ? <p>{t('list.reason')}: {a.reason}</p> : null}
        {a.state === 'submitted' ? <DecisionForm application={a} onDone={onDone} onApiError={onApiError} /> : null}
      </article>
    </li>
  );
}

function DecisionForm({ application: a, onDone, onApiError }: { application: StaffAssistanceApplication; onDone: (message: string) => void; onApiError: (error: unknown) => void }) {
  const { t } = useTranslation('assistance');
  const id = useId();
  const [decision, setDecision] = useState<'approve' | 'deny' | ''>('');
  const [discount, setDiscount] = useState('');
  const [reason, setReason] = useState('');
  const [checked, setChecked] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const server = useServerForm(onApiError);

  const percent = Number(discount.trim());
  const local = {
    decision: decision ? null : t('staff.chooseDecision'),
    discountPercent: decision === 'approve' && !(Number.isInteger(percent) && percent >= 1 && percent <= 100 && discount.trim() !== '') ? t('staff.discountProblem') : null,
    reason: decision === 'deny' && reason.trim().length < 5 ? t('staff.reasonProblem') : null,
  };
  const errorOf = (key: keyof typeof local) => (checked ? local[key] : null) ?? server.errors[key] ?? null;
  const ids = { decision: `${id}-approve`, discountPercent: `${id}-discount`, reason: `${id}-reason` };
  const problems = (Object.keys(ids) as (keyof typeof ids)[]).map((k) => ({ id: ids[k], text: errorOf(k) })).filter((p): p is { id: string; text: string } => !!p.text);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (server.pending) return;
    setChecked(true);
    if (Object.values(local).some(Boolean) || !decision) {
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    const body: AssistanceDecision = decision === 'approve' ? { decision, discountPercent: percent } : { decision, reason: reason.trim() };
    const result = await server.run(() => decideApplication(a.id, body));
    if (result.ok) onDone(t('staff.decidedMessage', { name: a.patient.name }));
    else requestAnimationFrame(() => summaryRef.current?.focus());
  }

  return (
    <form ref={server.formRef} onSubmit={(event) => void handleSubmit(event)} noValidate aria-label={`${t('staff.decision')}: ${a.patient.name}`}>
      <ErrorSummary title={t('staff.decision')} problems={problems} summaryRef={summaryRef} message={server.message} />
      <ChoiceGroup legend={t('staff.decision')} error={errorOf('decision') ?? undefined}>
        {(['approve', 'deny'] as const).map((value) => (
          <label key={value} className="checkbox">
            <input id={`${id}-${value}`} type="radio" name={`${id}-decision`} value={value} checked={decision === value} onChange={() => setDecision(value)} />
            {t(`staff.${value}`)}
          </label>
        ))}
      </ChoiceGroup>
      {decision === 'approve' ? (
        <InputField id={ids.discountPercent} label={t('staff.discount')} name="discountPercent" inputMode="numeric" value={discount} onChange={setDiscount} error={errorOf('discountPercent')} />
      ) : null}
      {decision === 'deny' ? (
        <TextAreaField id={ids.reason} label={t('staff.reason')} name="reason" rows={3} maxLength={500} value={reason} onChange={setReason} error={errorOf('reason')} />
      ) : null}
      <div className="actions">
        <button type="submit" className="button button--primary" aria-disabled={server.pending || undefined}>{server.pending ? t('staff.sending') : t('staff.send')}</button>
      </div>
    </form>
  );
}
