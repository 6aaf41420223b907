import { useState } from 'react';
import type { FormEvent } from 'react';
import type { DemographicsInput } from '@ourchart/contracts';
import { useTranslation } from 'react-i18next';
import { confirmDemographics } from './echeckin-api.ts';
import { ErrorSummary, InputField } from '../../components/native-fields.tsx';
import { StepButtons, useStepSubmit, type StepProps } from './step-parts.tsx';

const PHONE = /^\+?[\d\s().-]{7,20}$/;
const STATE = /^[A-Za-z]{2}$/;
const ZIP = /^\d{5}(-\d{4})?$/;

type Key = 'phone' | 'line' | 'city' | 'state' | 'postalCode';

/** Step 1: name, email and language to check; phone and home address to correct if needed. */
export function DemographicsStep({ view, patientId, onSaved, onApiError }: StepProps) {
  const { t } = useTranslation('echeckin');
  const d = view.demographics!;
  const [values, setValues] = useState<Record<Key, string>>({
    phone: d.phone ?? '', line: d.address?.line ?? '', city: d.address?.city ?? '', state: d.address?.state ?? '', postalCode: d.address?.postalCode ?? '',
  });
  const { problems, failure, pending, summaryRef, run } = useStepSubmit(onApiError);
  const id = (k: Key) => `demographics-${k}`;
  const set = (k: Key) => (v: string) => setValues({ ...values, [k]: v });

  function check(): { id: string; text: string }[] {
    const out: { id: string; text: string }[] = [];
    const v = Object.fromEntries(Object.entries(values).map(([k, x]) => [k, x.trim()])) as Record<Key, string>;
    if (!PHONE.test(v.phone)) out.push({ id: id('phone'), text: t('demographics.phoneProblem') });
    if (v.line.length < 3) out.push({ id: id('line'), text: t('demographics.lineProblem') });
    if (v.city.length < 2) out.push({ id: id('city'), text: t('demographics.cityProblem') });
    if (!STATE.test(v.state)) out.push({ id: id('state'), text: t('demographics.stateProblem') });
    if (!ZIP.test(v.postalCode)) out.push({ id: id('postalCode'), text: t('demographics.postalCodeProblem') });
    return out;
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const v = Object.fromEntries(Object.entries(values).map(([k, x]) => [k, x.trim()])) as Record<Key, string>;
    const body: DemographicsInput = {};
    if (v.phone !== (d.phone ?? '')) body.phone = v.phone;
    const a = d.address;
    if (!a || a.line !== v.line || a.city !== v.city || a.state !== v.state || a.postalCode !== v.postalCode) body.address = { line: v.line, city: v.city, state: v.state, postalCode: v.postalCode };
    void run(check(), () => confirmDemographics(view.appointment.id, body, patientId), onSaved, (path) => id((path.split('.').pop() ?? 'phone') as Key));
  }

  const errorFor = (k: Key) => problems.find((p) => p.id === id(k))?.text ?? null;
  return (
    <form className="inline-form" onSubmit={handleSubmit} noValidate aria-labelledby="step-heading">
      <ErrorSummary title={t('fixThese')} problems={problems} summaryRef={summaryRef} />
      {failure ? <p className="notice notice--error">{failure}</p> : null}
      <p>{t('demographics.intro')}</p>
      <dl className="echeckin-facts">
        <dt>{t('demographics.name')}</dt>
        <dd>{d.name}</dd>
        <dt>{t('demographics.email')}</dt>
        <dd>{d.email ?? t('demographics.unknown')}</dd>
        <dt>{t('demographics.language')}</dt>
        <dd>{d.language ?? t('demographics.unknown')}</dd>
      </dl>
      <InputField id={id('phone')} label={t('demographics.phone')} hint={t('demographics.phoneHint')} value={values.phone} onChange={set('phone')} error={errorFor('phone')} autoComplete="tel" inputMode="tel" maxLength={200} errorFirst />
      <InputField id={id('line')} label={t('demographics.line')} value={values.line} onChange={set('line')} error={errorFor('line')} autoComplete="street-address" maxLength={200} errorFirst />
      <InputField id={id('city')} label={t('demographics.city')} value={values.city} onChange={set('city')} error={errorFor('city')} autoComplete="address-level2" maxLength={200} errorFirst />
      <InputField id={id('state')} label={t('demographics.state')} hint={t('demographics.stateHint')} value={values.state} onChange={set('state')} error={errorFor('state')} autoComplete="address-level1" maxLength={2} errorFirst />
      <InputField id={id('postalCode')} label={t('demographics.postalCode')} value={values.postalCode} onChange={set('postalCode')} error={errorFor('postalCode')} autoComplete="postal-code" inputMode="numeric" maxLength={10} errorFirst />
      <StepButtons pending={pending} label={t('demographics.confirm')} />
    </form>
  );
}
