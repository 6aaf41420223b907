import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { ProxyRelationship, ProxyScope } from '@ourchart/contracts';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { FormAlert, SubmitButton, useSubmit } from '../account/fields.tsx';
import { Section } from '../account/section.tsx';
import { fieldErrors, RelationshipRadios, ScopeCheckboxes } from './form-bits.tsx';
import { InputField } from '../../components/native-fields.tsx';
import { proxiesApi } from './proxies-api.ts';
import { isPastDay, looksLikeEmail, orderedScopes, todayIso } from './scope-words.ts';

type Props = { canInvite: boolean; adultAge: number; onInvited: () => void; onApiError: (error: unknown) => void };

/** "Invite someone": email, relationship, scopes and an optional last day (adults only). */
export function InviteSection({ canInvite, adultAge, onInvited, onApiError }: Props) {
  const { t } = useTranslation('proxies');
  return (
    <Section title={t('invite.title')}>
      {canInvite ? <InviteForm onInvited={onInvited} onApiError={onApiError} /> : <p>{t('invite.notYet', { age: adultAge })}</p>}
    </Section>
  );
}

type Field = 'email' | 'scopes' | 'endsOn';

function InviteForm({ onInvited, onApiError }: Omit<Props, 'canInvite' | 'adultAge'>) {
  const { t } = useTranslation('proxies');
  const [email, setEmail] = useState('');
  const [relationship, setRelationship] = useState<ProxyRelationship>('caregiver');
  const [scopes, setScopes] = useState<Set<ProxyScope>>(() => new Set());
  const [endsOn, setEndsOn] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [sent, setSent] = useState('');
  const { isPending, failure, failureText, run } = useSubmit(onApiError);
  const refs = { email: useRef<HTMLInputElement>(null), scopes: useRef<HTMLInputElement>(null), endsOn: useRef<HTMLInputElement>(null) };

  const problems: Record<Field, string | null> = {
    email: email.trim() === '' ? t('invite.emailMissing') : looksLikeEmail(email) ? null : t('invite.emailInvalid'),
    scopes: scopes.size === 0 ? t('form.scopesMissing') : null,
    endsOn: isPastDay(endsOn, todayIso()) ? t('form.endsOnPast') : null,
  };
  const shown: Record<Field, string | null> = submitted ? problems : { email: null, scopes: null, endsOn: null };
  // The server's field messages (e.g. "Enter their email, not yours.") sit beside their field too.
  const server = failure instanceof ApiError ? fieldErrors(failure.problem) : {};
  const errorOf = (field: Field) => shown[field] ?? server[field] ?? null;
  const summary = (Object.keys(problems) as Field[]).map((f) => shown[f]).filter((p): p is string => Boolean(p));

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isPending) return;
    setSubmitted(true);
    setSent('');
    const first = (Object.keys(problems) as Field[]).find((f) => problems[f]);
    if (first) return refs[first].current?.focus();
    const address = email.trim();
    const result = await run(() => proxiesApi.invite({ email: address, relationship, scopes: orderedScopes(scopes), endsOn: endsOn || null }));
    if (result.ok) {
      setSent(t('invite.sent', { email: address }));
      setSubmitted(false);
      setEmail('');
      setScopes(new Set());
      setEndsOn('');
      onInvited();
    }
  }

  // A field the server refused (e.g. "Enter their email, not yours.") gets focus, like ours do.
  useEffect(() => {
    const first = (['email', 'scopes', 'endsOn'] as const).find((f) => f in server);
    if (first) refs[first].current?.focus();
    // Only when a new failure arrives.
  }, [failure]);

  return (
    <form className="inline-form" noValidate onSubmit={(event) => void handleSubmit(event)} aria-label={t('invite.title')}>
      <p>{t('invite.intro')}</p>
      <FormAlert message={failureText} problems={summary} />
      <p role="status" className={sent ? 'notice notice--success' : undefined}>
        {sent}
      </p>
      <InputField label={t('invite.email')} name="email" type="email" autoComplete="off" value={email} onChange={setEmail} error={errorOf('email')} inputRef={refs.email} />
      <RelationshipRadios legend={t('invite.relationshipLegend')} value={relationship} onChange={setRelationship} />
      <ScopeCheckboxes value={scopes} onChange={setScopes} error={errorOf('scopes')} firstRef={refs.scopes} />
      <InputField
        label={t('form.endsOn')} hint={t('form.endsOnHint')} name="endsOn" type="date" value={endsOn} onChange={setEndsOn}
        error={errorOf('endsOn')} inputRef={refs.endsOn} min={todayIso()} autoComplete="off"
      />
      <div className="actions">
        <SubmitButton isPending={isPending} label={t('invite.submit')} pendingLabel={t('invite.sending')} />
      </div>
    </form>
  );
}
