import './words.ts';
import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { ProxyAgeRules, ProxyFeature } from '@ourchart/contracts';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { useApi } from '../../api/use-api.ts';
import { PageHeading } from '../../shell/page-heading.tsx';
import { useDocumentTitle } from '../../shell/use-document-title.ts';
import { FormAlert, FormStatus, SubmitButton, useSubmit } from '../account/fields.tsx';
import { LoadFailed, Loading } from '../account/status-notices.tsx';
import { useSignedIn } from '../account/use-signed-in.ts';
import { fieldErrors } from './form-bits.tsx';
import { InputField } from '../../components/native-fields.tsx';
import { proxiesApi } from './proxies-api.ts';
import { FEATURES } from './scope-words.ts';
import './proxies.css';

/** /admin/proxy-rules ("Family access rules"): the organization's age rules for proxy access. */
export function ProxyRulesPage() {
  const { t } = useTranslation('proxies');
  useDocumentTitle(t('admin.title'));
  const rules = useApi(proxiesApi.rules);
  return (
    <>
      <PageHeading>{t('admin.title')}</PageHeading>
      <p className="page__intro">{t('admin.intro')}</p>
      {rules.status === 'loading' ? <Loading text={t('admin.loading')} /> : null}
      {rules.status === 'error' ? <LoadFailed error={rules.error} onRetry={rules.reload} /> : null}
      {rules.status === 'ready' ? <RulesForm initial={rules.data} /> : null}
    </>
  );
}

type AgeField = 'ownAccountMinAge' | 'adolescentAge' | 'adultAge';
const AGE_FIELDS: readonly AgeField[] = ['ownAccountMinAge', 'adolescentAge', 'adultAge'];

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** A whole number of years in range, or null. */
function parseAge(text: string, min: number): number | null {
  if (!/^\d{1,2}$/.test(text.trim())) return null;
  const value = Number(text);
  return value >= min && value <= 21 ? value : null;
}

function RulesForm({ initial }: { initial: ProxyAgeRules }) {
  const { t } = useTranslation('proxies');
  const { onApiError } = useSignedIn();
  const [ages, setAges] = useState<Record<AgeField, string>>({
    ownAccountMinAge: String(initial.ownAccountMinAge), adolescentAge: String(initial.adolescentAge), adultAge: String(initial.adultAge),
  });
  const [features, setFeatures] = useState<Set<ProxyFeature>>(() => new Set(initial.adolescentParentFeatures));
  const [submitted, setSubmitted] = useState(false);
  const [saved, setSaved] = useState('');
  const { isPending, failure, failureText, run } = useSubmit(onApiError);
  const refs = { ownAccountMinAge: useRef<HTMLInputElement>(null), adolescentAge: useRef<HTMLInputElement>(null), adultAge: useRef<HTMLInputElement>(null) };

  const values = {
    ownAccountMinAge: parseAge(ages.ownAccountMinAge, 0), adolescentAge: parseAge(ages.adolescentAge, 0), adultAge: parseAge(ages.adultAge, 12),
  };
  const problems: Record<AgeField, string | null> = {
    ownAccountMinAge: values.ownAccountMinAge === null ? t('admin.ageInvalid') : null,
    adolescentAge: values.adolescentAge === null ? t('admin.ageInvalid')
      : values.adultAge !== null && values.adolescentAge > values.adultAge ? t('admin.teenAboveAdult') : null,
    adultAge: values.adultAge === null ? t('admin.adultInvalid') : null,
  };
  const server = failure instanceof ApiError ? fieldErrors(failure.problem) : {};
  const errorOf = (field: AgeField) => (submitted ? problems[field] : null) ?? server[field] ?? null;
  const summary = submitted ? AGE_FIELDS.map((f) => problems[f]).filter((p): p is string => Boolean(p)) : [];

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isPending) return;
    setSubmitted(true);
    setSaved('');
    const first = AGE_FIELDS.find((f) => problems[f]);
    if (first) return refs[first].current?.focus();
    const body = {
      ownAccountMinAge: values.ownAccountMinAge!, adolescentAge: values.adolescentAge!, adultAge: values.adultAge!,
      adolescentParentFeatures: FEATURES.filter((f) => features.has(f)),
    };
    const result = await run(() => proxiesApi.saveRules(body));
    if (result.ok) setSaved(t('admin.saved'));
  }

  return (
    <form className="card inline-form" noValidate onSubmit={(event) => void handleSubmit(event)} aria-label={t('admin.title')}>
      <FormAlert message={failureText} problems={summary} />
      {AGE_FIELDS.map((field) => (
        <InputField
          key={field} className="age-field" label={t(`admin.${field}`)} hint={t('admin.ageHint')} name={field} type="number" min="0" max="21"
          value={ages[field]} onChange={(v) => setAges({ ...ages, [field]: v })} error={errorOf(field)} inputRef={refs[field]} autoComplete="off"
        />
      ))}
      <fieldset className="choice-group">
        <legend>{t('admin.featuresLegend')}</legend>
        {FEATURES.map((feature) => (
          <div key={feature} className="choice">
            <input
              id={`teen-${feature}`}
              type="checkbox"
              checked={features.has(feature)}
              onChange={(event) => {
                const next = new Set(features);
                if (event.target.checked) next.add(feature);
                else next.delete(feature);
                setFeatures(next);
              }}
            />
            <label htmlFor={`teen-${feature}`}>{capitalize(t(`feature.${feature}`))}</label>
          </div>
        ))}
      </fieldset>
      <FormStatus message={saved} />
      <div className="actions">
        <SubmitButton isPending={isPending} label={t('admin.save')} pendingLabel={t('admin.saving')} />
      </div>
    </form>
  );
}
