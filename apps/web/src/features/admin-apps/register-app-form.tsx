import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { NewAdminApp, NewAdminAppResult, SmartClientKind } from '@ourchart/contracts';
import { useTranslation } from 'react-i18next';
import { ChoiceGroup, InputField, TextAreaField } from '../../components/native-fields.tsx';
import { useServerForm } from '../../components/use-server-form.ts';
import { FormAlert, SubmitButton } from '../account/fields.tsx';
import { registerApp } from './admin-apps-api.ts';

const KINDS: readonly SmartClientKind[] = ['public', 'confidential-secret', 'confidential-jwt'];

type Draft = { name: string; redirects: string; kind: SmartClientKind; jwksUri: string };
type Problems = Partial<Record<'name' | 'redirectUris' | 'jwksUri', string>>;

const EMPTY: Draft = { name: '', redirects: '', kind: 'public', jwksUri: '' };

/** One address per line, blank lines dropped. */
export function redirectLines(text: string): string[] {
  return text.split('\n').map((line) => line.trim()).filter(Boolean);
}

const isWebAddress = (value: string, httpsOnly = false) => {
  try {
    const url = new URL(value);
    return httpsOnly ? url.protocol === 'https:' : url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
};

/** The problems the page can see before asking the server (which checks the same and more). */
function check(draft: Draft, t: (key: 'form.nameMissing' | 'form.redirectsMissing' | 'form.redirectsInvalid' | 'form.jwksUriMissing') => string): Problems {
  const problems: Problems = {};
  if (draft.name.trim().length < 2) problems.name = t('form.nameMissing');
  const redirects = redirectLines(draft.redirects);
  if (redirects.length === 0) problems.redirectUris = t('form.redirectsMissing');
  else if (!redirects.every((r) => isWebAddress(r))) problems.redirectUris = t('form.redirectsInvalid');
  if (draft.kind === 'confidential-jwt' && !isWebAddress(draft.jwksUri.trim(), true)) problems.jwksUri = t('form.jwksUriMissing');
  return problems;
}

type RegisterAppFormProps = {
  onRegistered: (app: { name: string } & NewAdminAppResult) => void;
  onApiError: (error: unknown) => void;
};

/** "Register an app": its name, where it may send people back, and how it proves who it is. */
export function RegisterAppForm({ onRegistered, onApiError }: RegisterAppFormProps) {
  const { t } = useTranslation('adminApps');
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [submitted, setSubmitted] = useState(false);
  const server = useServerForm(onApiError);
  const refs = { name: useRef<HTMLInputElement>(null), redirectUris: useRef<HTMLTextAreaElement>(null), jwksUri: useRef<HTMLInputElement>(null) };
  const problems = check(draft, t);
  const errorOf = (field: keyof Problems) => (submitted ? problems[field] : undefined) ?? server.errors[field] ?? null;
  const summary = submitted ? Object.values(problems) : [];
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (server.pending) return;
    setSubmitted(true);
    const first = (['name', 'redirectUris', 'jwksUri'] as const).find((field) => problems[field]);
    if (first) {
      refs[first].current?.focus();
      return;
    }
    const body: NewAdminApp = {
      name: draft.name.trim(),
      redirectUris: redirectLines(draft.redirects),
      kind: draft.kind,
      ...(draft.kind === 'confidential-jwt' ? { jwksUri: draft.jwksUri.trim() } : {}),
    };
    const result = await server.run(() => registerApp(body));
    if (!result.ok) return;
    setDraft(EMPTY);
    setSubmitted(false);
    onRegistered({ name: body.name, ...result.value });
  }

  return (
    <form ref={server.formRef} className="inline-form" onSubmit={(event) => void handleSubmit(event)} noValidate aria-label={t('form.title')}>
      <FormAlert message={server.message} problems={summary} />
      <InputField
        label={t('form.name')}
        hint={t('form.nameHint')}
        name="name"
        value={draft.name}
        onChange={(value) => set('name', value)}
        maxLength={100}
        isRequired
        error={errorOf('name')}
        inputRef={refs.name}
      />
      <TextAreaField
        label={t('form.redirects')}
        hint={t('form.redirectsHint')}
        name="redirectUris"
        rows={3}
        maxLength={4000}
        value={draft.redirects}
        onChange={(value) => set('redirects', value)}
        error={errorOf('redirectUris')}
        textareaRef={refs.redirectUris}
      />
      <ChoiceGroup legend={t('form.kind')} hint={t('form.kindHint')}>
        {KINDS.map((kind) => (
          <label key={kind} className="checkbox">
            <input type="radio" name="kind" value={kind} checked={draft.kind === kind} onChange={() => set('kind', kind)} />
            <span>{t(`form.kinds.${kind}`)}</span>
          </label>
        ))}
      </ChoiceGroup>
      {draft.kind === 'confidential-jwt' ? (
        <InputField
          label={t('form.jwksUri')}
          hint={t('form.jwksUriHint')}
          name="jwksUri"
          value={draft.jwksUri}
          onChange={(value) => set('jwksUri', value)}
          maxLength={2000}
          isRequired
          error={errorOf('jwksUri')}
          inputRef={refs.jwksUri}
        />
      ) : null}
      <SubmitButton isPending={server.pending} label={t('form.submit')} pendingLabel={t('form.working')} />
    </form>
  );
}
