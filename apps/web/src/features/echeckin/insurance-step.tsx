import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { confirmInsurance } from './echeckin-api.ts';
import { ErrorSummary, TextAreaField } from '../../components/native-fields.tsx';
import { StepButtons, useStepSubmit, type StepProps } from './step-parts.tsx';

/** Step 2: the insurance on file, and "it is the same" or "it changed" with a note for the front desk. */
export function InsuranceStep({ view, patientId, onSaved, onApiError }: StepProps) {
  const { t } = useTranslation('echeckin');
  const [answer, setAnswer] = useState<'same' | 'changed' | ''>(view.done.includes('insurance') ? (view.insuranceChanged ? 'changed' : 'same') : '');
  const [note, setNote] = useState('');
  const { problems, failure, pending, summaryRef, run } = useStepSubmit(onApiError);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: { id: string; text: string }[] = [];
    if (!answer) found.push({ id: 'insurance-same', text: t('insurance.answerProblem') });
    if (answer === 'changed' && note.trim().length < 3) found.push({ id: 'insurance-note', text: t('insurance.noteProblem') });
    void run(found, () => confirmInsurance(view.appointment.id, answer === 'changed' ? { changed: true, note: note.trim() } : { changed: false }, patientId), onSaved, (p) => `insurance-${p}`);
  }

  const answerError = problems.find((p) => p.id === 'insurance-same')?.text ?? null;
  return (
    <form className="inline-form" onSubmit={handleSubmit} noValidate aria-labelledby="step-heading">
      <ErrorSummary title={t('fixThese')} problems={problems} summaryRef={summaryRef} />
      {failure ? <p className="notice notice--error">{failure}</p> : null}
      <p>{view.coverages.length ? t('insurance.intro') : t('insurance.none')}</p>
      {view.coverages.length ? (
        <ul className="item-list">
          {view.coverages.map((c) => (
            <li key={c.id} className="card">
              <p className="strong">{c.payor}</p>
              {c.memberId ? <p>{t('insurance.member', { id: c.memberId })}</p> : null}
              {c.plan ? <p>{t('insurance.plan', { plan: c.plan })}</p> : null}
            </li>
          ))}
        </ul>
      ) : null}
      <fieldset className="field questionnaire__choice" aria-describedby={answerError ? 'insurance-answer-error' : undefined}>
        <legend className="field__label">{t('insurance.question')}</legend>
        {answerError ? <p id="insurance-answer-error" className="field__error">{answerError}</p> : null}
        {(['same', 'changed'] as const).map((v) => (
          <label key={v} className="questionnaire__option">
            <input id={`insurance-${v}`} type="radio" name="insurance" value={v} checked={answer === v} aria-invalid={answerError ? true : undefined} onChange={() => setAnswer(v)} /> {t(`insurance.${v}`)}
          </label>
        ))}
      </fieldset>
      {answer === 'changed' ? (
        <TextAreaField
          id="insurance-note" label={t('insurance.note')} hint={t('insurance.noteHint')} value={note} onChange={setNote} maxLength={1000} rows={3} isRequired={false} errorFirst
          error={problems.find((p) => p.id === 'insurance-note')?.text ?? null}
        />
      ) : null}
      <StepButtons pending={pending} label={t('next')} />
    </form>
  );
}
