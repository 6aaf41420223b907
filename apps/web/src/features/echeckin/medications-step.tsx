import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { reviewMedications } from './echeckin-api.ts';
import { ErrorSummary } from '../../components/native-fields.tsx';
import { StepButtons, useStepSubmit, type StepProps } from './step-parts.tsx';

const idFor = (reference: string) => `review-${reference.replace(/[^\w-]/g, '_')}`;

/** Step 3: each current medicine and allergy, "still" or "not now" (one radio group each). */
export function MedicationsStep({ view, patientId, onSaved, onApiError }: StepProps) {
  const { t } = useTranslation('echeckin');
  const [answers, setAnswers] = useState<Record<string, boolean | undefined>>(
    Object.fromEntries([...view.medications, ...view.allergies].filter((i) => i.taking !== null).map((i) => [i.reference, i.taking as boolean])),
  );
  const { problems, failure, pending, summaryRef, run } = useStepSubmit(onApiError);
  const all = [...view.medications, ...view.allergies];

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = all.filter((i) => answers[i.reference] === undefined).map((i) => ({ id: `${idFor(i.reference)}-yes`, text: t('medications.problem', { name: i.name }) }));
    const items = all.map((i) => ({ reference: i.reference, taking: answers[i.reference] ?? false }));
    void run(found, () => reviewMedications(view.appointment.id, { items }, patientId), onSaved, (p) => `${idFor(p)}-yes`);
  }

  const group = (list: typeof all, allergy: boolean) =>
    list.map((item) => {
      const error = problems.find((p) => p.id === `${idFor(item.reference)}-yes`)?.text ?? null;
      return (
        <fieldset key={item.reference} className="field questionnaire__choice" aria-describedby={error ? `${idFor(item.reference)}-error` : undefined}>
          <legend className="field__label">{item.name}</legend>
          {error ? <p id={`${idFor(item.reference)}-error`} className="field__error">{error}</p> : null}
          {([true, false] as const).map((v) => (
            <label key={String(v)} className="questionnaire__option">
              <input
                id={`${idFor(item.reference)}-${v ? 'yes' : 'no'}`} type="radio" name={idFor(item.reference)} checked={answers[item.reference] === v}
                aria-invalid={error ? true : undefined} onChange={() => setAnswers({ ...answers, [item.reference]: v })}
              />{' '}
              {t(allergy ? (v ? 'medications.stillAllergic' : 'medications.notAllergic') : v ? 'medications.taking' : 'medications.notTaking')}
            </label>
          ))}
        </fieldset>
      );
    });

  return (
    <form className="inline-form" onSubmit={handleSubmit} noValidate aria-labelledby="step-heading">
      <ErrorSummary title={t('fixThese')} problems={problems} summaryRef={summaryRef} />
      {failure ? <p className="notice notice--error">{failure}</p> : null}
      <p>{t('medications.intro')}</p>
      <h3>{t('medications.medicines')}</h3>
      {view.medications.length ? group(view.medications, false) : <p>{t('medications.none')}</p>}
      <h3>{t('medications.allergies')}</h3>
      {view.allergies.length ? group(view.allergies, true) : <p>{t('medications.none')}</p>}
      <StepButtons pending={pending} label={t('next')} />
    </form>
  );
}
