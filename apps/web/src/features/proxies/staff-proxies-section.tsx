import './words.ts';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { FormEvent, RefObject } from 'react';
import type { ProxyGrantView, ProxyRelationship, ProxyScope } from '@ourchart/contracts';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { errorMessage } from '../../api/error-message.ts';
import { FormAlert, SubmitButton, useSubmit } from '../account/fields.tsx';
import { LoadFailed, Loading } from '../account/status-notices.tsx';
import { ConfirmStep } from './confirm-step.tsx';
import { fieldErrors, RelationshipRadios, ScopeCheckboxes } from './form-bits.tsx';
import { InputField } from '../../components/native-fields.tsx';
import { GrantDetails } from './grant-details.tsx';
import { proxiesApi } from './proxies-api.ts';
import { isPastDay, looksLikeEmail, orderedScopes, todayIso } from './scope-words.ts';
import './proxies.css';

type Props = { patientId: string; patientName: string; canEdit: boolean; onApiError: (error: unknown) => void };
type State = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; grants: ProxyGrantView[] };

/**
 * "Proxies" in the staff patient view: who has access, with the reason and approver; front desk
 * and admins can grant access (with a documented reason) and end it.
 */
export function StaffProxiesSection({ patientId, patientName, canEdit, onApiError }: Props) {
  const { t } = useTranslation('proxies');
  const [state, setState] = useState<State>({ status: 'loading' });
  const [status, setStatus] = useState('');
  const [granting, setGranting] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const grantButton = useRef<HTMLButtonElement>(null);

  const load = useCallback(() => {
    proxiesApi.staffList(patientId).then(
      (grants) => setState({ status: 'ready', grants }),
      (error: unknown) => {
        onApiError(error);
        setState({ status: 'error', error });
      },
    );
  }, [patientId, onApiError]);
  useEffect(load, [load]);

  const open = state.status === 'ready' ? state.grants.filter((g) => g.status !== 'ended') : [];
  return (
    <section aria-labelledby={`proxies-${patientId}`} className="summary-section">
      <h3 id={`proxies-${patientId}`} ref={heading} tabIndex={-1} className="card__subtitle">
        {t('staff.title')}
      </h3>
      <p role="status" className={status ? 'notice notice--success' : undefined}>
        {status}
      </p>
      {state.status === 'loading' ? <Loading text={t('staff.loading')} /> : null}
      {state.status === 'error' ? <LoadFailed error={state.error} onRetry={load} /> : null}
      {state.status === 'ready' && open.length === 0 ? <p>{t('staff.empty')}</p> : null}
      {open.length > 0 ? (
        <ul className="proxy-list">
          {open.map((grant) => (
            <StaffGrant
              key={grant.id} grant={grant} patientId={patientId} canEdit={canEdit} onApiError={onApiError}
              onEnded={(message) => {
                setStatus(message);
                load();
                heading.current?.focus();
              }}
            />
          ))}
        </ul>
      ) : null}
      {canEdit && !granting ? (
        <div className="actions">
          <button ref={grantButton} type="button" className="button button--secondary" onClick={() => setGranting(true)}>
            {t('staff.grantOpen')}
          </button>
        </div>
      ) : null}
      {canEdit && granting ? (
        <GrantForm
          patientId={patientId} patientName={patientName} onApiError={onApiError}
          onCancel={() => {
            setGranting(false);
            requestAnimationFrame(() => grantButton.current?.focus());
          }}
          onGranted={(grant) => {
            setGranting(false);
            setStatus(t('staff.granted', { name: grant.name }));
            load();
            requestAnimationFrame(() => grantButton.current?.focus());
          }}
        />
      ) : null}
    </section>
  );
}

type StaffGrantProps = { grant: ProxyGrantView; patientId: string; canEdit: boolean; onEnded: (message: string) => void; onApiError: (error: unknown) => void };

function StaffGrant({ grant, patientId, canEdit, onEnded, onApiError }: StaffGrantProps) {
  const { t } = useTranslation('proxies');
  const tc = useTranslation('common').t;
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const endButton = useRef<HTMLButtonElement>(null);

  async function end() {
    setPending(true);
    setError(null);
    try {
      await proxiesApi.staffEnd(patientId, grant.id);
      onEnded(t('staff.ended', { name: grant.name }));
    } catch (failure) {
      onApiError(failure);
      setError(errorMessage(failure, tc));
      setPending(false);
    }
  }

  return (
    <GrantDetails grant={grant} showStatus>
      {canEdit && !confirming ? (
        <div className="actions">
          <button ref={endButton} type="button" className="button button--secondary" aria-label={t('staff.endNamed', { name: grant.name })} onClick={() => setConfirming(true)}>
            {t('staff.end')}
          </button>
        </div>
      ) : null}
      {confirming ? (
        <ConfirmStep
          question={t('staff.confirmEnd', { name: grant.name })} yes={t('staff.confirmEndYes')} no={t('staff.keep')}
          isPending={pending} error={error} onYes={() => void end()}
          onNo={() => {
            setConfirming(false);
            requestAnimationFrame(() => endButton.current?.focus());
          }}
        />
      ) : null}
    </GrantDetails>
  );
}

type Field = 'email' | 'scopes' | 'reason' | 'startsOn' | 'endsOn';
type GrantFormProps = {
  patientId: string;
  patientName: string;
  onGranted: (grant: ProxyGrantView) => void;
  onCancel: () => void;
  onApiError: (error: unknown) => void;
};

function GrantForm({ patientId, patientName, onGranted, onCancel, onApiError }: GrantFormProps) {
  const { t } = useTranslation('proxies');
  const [email, setEmail] = useState('');
  const [relationship, setRelationship] = useState<ProxyRelationship>('guardian');
  const [scopes, setScopes] = useState<Set<ProxyScope>>(() => new Set());
  const [reason, setReason] = useState('');
  const [startsOn, setStartsOn] = useState('');
  const [endsOn, setEndsOn] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const { isPending, failure, failureText, run } = useSubmit(onApiError);
  const refs: Record<Field, RefObject<HTMLInputElement | null>> = {
    email: useRef<HTMLInputElement>(null), scopes: useRef<HTMLInputElement>(null), reason: useRef<HTMLInputElement>(null),
    startsOn: useRef<HTMLInputElement>(null), endsOn: useRef<HTMLInputElement>(null),
  };
  const today = todayIso();
  const problems: Record<Field, string | null> = {
    email: email.trim() === '' ? t('invite.emailMissing') : looksLikeEmail(email) ? null : t('invite.emailInvalid'),
    scopes: scopes.size === 0 ? t('form.scopesMissing') : null,
    reason: reason.trim().length < 5 ? t('staff.reasonMissing') : null,
    startsOn: null,
    endsOn: isPastDay(endsOn, startsOn > today ? startsOn : today) ? t('form.endsOnPast') : null,
  };
  const server = failure instanceof ApiError ? fieldErrors(failure.problem) : {};
  const errorOf = (field: Field) => (submitted ? problems[field] : null) ?? server[field] ?? null;
  const fields = Object.keys(problems) as Field[];
  const summary = submitted ? fields.map((f) => problems[f]).filter((p): p is string => Boolean(p)) : [];

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isPending) return;
    setSubmitted(true);
    const first = fields.find((f) => problems[f]);
    if (first) return refs[first].current?.focus();
    const result = await run(() =>
      proxiesApi.staffGrant(patientId, {
        email: email.trim(), relationship, scopes: orderedScopes(scopes), reason: reason.trim(), startsOn: startsOn || null, endsOn: endsOn || null,
      }),
    );
    if (result.ok) onGranted(result.value);
  }

  useEffect(() => {
    const first = fields.find((f) => f in server);
    if (first) refs[first].current?.focus();
  }, [failure]);

  return (
    <form className="inline-form" noValidate onSubmit={(event) => void handleSubmit(event)} aria-label={`${t('staff.grantTitle')}: ${patientName}`}>
      <p>{t('staff.grantIntro')}</p>
      <FormAlert message={failureText} problems={summary} />
      <InputField label={t('staff.email')} name="email" type="email" value={email} onChange={setEmail} error={errorOf('email')} inputRef={refs.email} autoComplete="off" />
      <RelationshipRadios legend={t('staff.relationshipLegend')} value={relationship} onChange={setRelationship} />
      <ScopeCheckboxes value={scopes} onChange={setScopes} error={errorOf('scopes')} firstRef={refs.scopes} />
      <InputField label={t('staff.reason')} hint={t('staff.reasonHint')} name="reason" value={reason} onChange={setReason} error={errorOf('reason')} inputRef={refs.reason} type="text" autoComplete="off" />
      <InputField label={t('staff.startsOn')} hint={t('staff.startsOnHint')} name="startsOn" type="date" value={startsOn} onChange={setStartsOn} error={errorOf('startsOn')} inputRef={refs.startsOn} min={today} autoComplete="off" />
      <InputField label={t('form.endsOn')} hint={t('form.endsOnHint')} name="endsOn" type="date" value={endsOn} onChange={setEndsOn} error={errorOf('endsOn')} inputRef={refs.endsOn} min={today} autoComplete="off" />
      <div className="actions">
        <SubmitButton isPending={isPending} label={t('staff.submit')} pendingLabel={t('staff.granting')} />
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('mine.cancel')}
        </button>
      </div>
    </form>
  );
}
