import './words.ts';
import { useCallback, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { StaffInsuranceUpdate } from '@ourchart/contracts';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/use-api.ts';
import { ErrorSummary, TextAreaField } from '../../components/native-fields.tsx';
import { useServerForm } from '../../components/use-server-form.ts';
import { useDocumentTitle } from '../../shell/use-document-title.ts';
import { useSignedIn } from '../account/use-signed-in.ts';
import { useMoney } from '../billing/use-money.ts';
import { acceptInsuranceUpdate, getInsuranceQueue, photoUrl, rejectInsuranceUpdate } from './insurance-api.ts';
import { CoverageFacts } from './insurance-page.tsx';
import { FactList, StateTag } from './fact-list.tsx';
import { StaffWorkList } from './staff-work-list.tsx';
import '../../styles/forms.css';
import '../account/account.css';
import '../../styles/billing.css';
import '../../styles/billing-help.css';

type Filter = 'pending' | 'decided';

/** /staff/billing/insurance: insurance cards patients sent, with both photos, to accept or reject with a reason. */
export function StaffInsurancePage() {
  const { t } = useTranslation('insurance');
  const { onApiError } = useSignedIn();
  const [filter, setFilter] = useState<Filter>('pending');
  const [confirmation, setConfirmation] = useState<string | null>(null);
  useDocumentTitle(t('staff.title'));
  const queue = useApi(useCallback(() => getInsuranceQueue(filter), [filter]));
  const handleDone = useCallback((message: string) => {
    setConfirmation(message);
    queue.reload();
  }, [queue]);

  return (
    <StaffWorkList
      words={{
        title: t('staff.title'), intro: t('staff.intro'), show: t('staff.show'), listTitle: t(filter === 'pending' ? 'staff.pendingTitle' : 'staff.decidedTitle'),
        loading: t('staff.loading'), empty: t(filter === 'pending' ? 'staff.emptyPending' : 'staff.emptyDecided'), count: (count) => t('staff.count', { count }),
      }}
      filters={(['pending', 'decided'] as const).map((value) => ({ value, label: t(`staff.${value}`) }))}
      filter={filter} onFilter={setFilter} confirmation={confirmation} list={queue} items={queue.status === 'ready' ? queue.data.updates : []}
    >
      {(u) => <UpdateCard key={u.id} update={u} onDone={handleDone} onApiError={onApiError} />}
    </StaffWorkList>
  );
}

function UpdateCard({ update: u, onDone, onApiError }: { update: StaffInsuranceUpdate; onDone: (message: string) => void; onApiError: (error: unknown) => void }) {
  const { t } = useTranslation('insurance');
  const { day } = useMoney();
  const headingId = useId();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const summaryRef = useRef<HTMLDivElement>(null);
  const server = useServerForm(onApiError);
  const reasonId = `${headingId}-reason`;

  async function accept() {
    const result = await server.run(() => acceptInsuranceUpdate(u.id));
    if (result.ok) onDone(t('staff.accepted', { name: u.patient.name }));
  }
  async function reject(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = await server.run(() => rejectInsuranceUpdate(u.id, reason.trim()));
    if (result.ok) onDone(t('staff.rejected', { name: u.patient.name }));
    else requestAnimationFrame(() => summaryRef.current?.focus());
  }

  const facts: [string, string | null][] = [
    [t('coverage.payer'), u.payerName], [t('coverage.memberId'), u.memberId], [t('coverage.group'), u.groupNumber],
    [t('coverage.subscriber'), u.subscriberName], [t('coverage.relationship'), t(`relationship.${u.relationship}`)],
  ];
  return (
    <li className="item">
      <article aria-labelledby={headingId} className="billing-help">
        <h3 id={headingId} className="item__name">{u.patient.name}</h3>
        <p>
          {t('staff.sentOn', { date: day(u.submittedAt) })}{' '}
          <StateTag state={u.state} text={t(`state.${u.state}`)} />
        </p>
        <h4>{t('staff.newCard')}</h4>
        <FactList facts={[...facts, [t('updates.reason'), u.reason]]} />
        <h4>{t('staff.photos')}</h4>
        <div className="card-photos">
          {(['front', 'back'] as const).map((side) => {
            const type = side === 'front' ? u.frontType : u.backType;
            return type === 'image/heic'
              ? <a key={side} href={photoUrl(u.id, side)}>{t(side === 'front' ? 'staff.openFront' : 'staff.openBack')}</a>
              : <figure key={side}><img src={photoUrl(u.id, side)} alt={t(side === 'front' ? 'staff.frontAlt' : 'staff.backAlt')} /></figure>;
          })}
        </div>
        <h4>{u.state === 'pending' ? t('staff.onFile') : t('staff.result')}</h4>
        {u.currentCoverage ? <CoverageFacts coverage={u.currentCoverage} headingLevel={4} /> : <p>{t('staff.nothingOnFile')}</p>}
        {u.state === 'pending' ? (
          <>
            {!rejecting ? <div role="alert" className="form-alert">{server.message ? <p className="notice notice--error">{server.message}</p> : null}</div> : null}
            {rejecting ? (
              <form ref={server.formRef} onSubmit={(event) => void reject(event)} noValidate aria-label={t('staff.reject')}>
                <ErrorSummary title={t('form.problems')} summaryRef={summaryRef} message={server.message}
                  problems={server.errors.reason ? [{ id: reasonId, text: server.errors.reason }] : []} />
                <TextAreaField id={reasonId} label={t('staff.reason')} hint={t('staff.reasonHint')} name="reason" rows={3} maxLength={500} value={reason} onChange={setReason} error={server.errors.reason ?? null} />
                <div className="actions">
                  <button type="submit" className="button button--primary" aria-disabled={server.pending || undefined}>{t('staff.sendReject')}</button>
                  <button type="button" className="button button--secondary" onClick={() => setRejecting(false)}>{t('staff.cancel')}</button>
                </div>
              </form>
            ) : (
              <div className="actions">
                <button type="button" className="button button--primary" aria-describedby={headingId} aria-disabled={server.pending || undefined} onClick={() => void accept()}>{t('staff.accept')}</button>
                <button type="button" className="button button--secondary" aria-describedby={headingId} onClick={() => setRejecting(true)}>{t('staff.reject')}</button>
              </div>
            )}
          </>
        ) : null}
      </article>
    </li>
  );
}
