import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { ProxyGrantView, ProxyScope } from '@ourchart/contracts';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { FormAlert, SubmitButton, useSubmit } from '../account/fields.tsx';
import { fieldErrors, ScopeCheckboxes } from './form-bits.tsx';
import { InputField } from '../../components/native-fields.tsx';
import { proxiesApi } from './proxies-api.ts';
import { isPastDay, orderedScopes, todayIso } from './scope-words.ts';

type GrantChangeFormProps = {
  grant: ProxyGrantView;
  onSaved: (grant: ProxyGrantView) => void;
  onCancel: () => void;
  onApiError: (error: unknown) => void;
};

/** "Change": the scopes and the last day of one proxy's access. */
export function GrantChangeForm({ grant, onSaved, onCancel, onApiError }: GrantChangeFormProps) {
  const { t } = useTranslation('proxies');
  const [scopes, setScopes] = useState<Set<ProxyScope>>(() => new Set(grant.scopes));
  const [endsOn, setEndsOn] = useState(grant.endsAt ? grant.endsAt.slice(0, 10) : '');
  const [submitted, setSubmitted] = useState(false);
  const { isPending, failure, failureText, run } = useSubmit(onApiError);
  const firstScope = useRef<HTMLInputElement>(null);
  const endsRef = useRef<HTMLInputElement>(null);

  const server = failure instanceof ApiError ? fieldErrors(failure.problem) : {};
  const problems = {
    scopes: scopes.size === 0 ? t('form.scopesMissing') : null,
    endsOn: isPastDay(endsOn, todayIso()) ? t('form.endsOnPast') : null,
  };
  const shown = submitted ? problems : { scopes: null, endsOn: null };

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isPending) return;
    setSubmitted(true);
    if (problems.scopes) return firstScope.current?.focus();
    if (problems.endsOn) return endsRef.current?.focus();
    const result = await run(() => proxiesApi.changeGrant(grant.id, { scopes: orderedScopes(scopes), endsOn: endsOn || null }));
    if (result.ok) onSaved(result.value);
  }

  const summary = [shown.scopes, shown.endsOn].filter((p): p is string => Boolean(p));
  return (
    <form className="inline-form" noValidate onSubmit={(event) => void handleSubmit(event)} aria-label={t('mine.changeNamed', { name: grant.name })}>
      <FormAlert message={failureText} problems={summary} />
      <ScopeCheckboxes value={scopes} onChange={setScopes} error={shown.scopes ?? server.scopes} firstRef={firstScope} />
      <InputField
        label={t('form.endsOn')} hint={t('form.endsOnHint')} name="endsOn" type="date" value={endsOn} onChange={setEndsOn}
        error={shown.endsOn ?? server.endsOn} inputRef={endsRef} min={todayIso()} autoComplete="off"
      />
      <div className="actions">
        <SubmitButton isPending={isPending} label={t('mine.save')} pendingLabel={t('mine.saving')} />
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('mine.cancel')}
        </button>
      </div>
    </form>
  );
}
