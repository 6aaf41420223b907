import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { StaffCorrection } from '@ourchart/contracts';
import { useTranslation } from 'react-i18next';
import { FormAlert, SubmitButton, useSubmit } from '../account/fields.tsx';
import { isStatus } from '../account/use-signed-in.ts';
import { decide } from './corrections-api.ts';
import { LIMITS, isLongEnough } from './correction-words.ts';
import { TextAreaField } from '../../components/native-fields.tsx';

type DecisionFormProps = {
  request: StaffCorrection;
  decision: 'accept' | 'deny';
  onDecided: (request: StaffCorrection) => void;
  /** Someone else decided first: the queue should reload. */
  onStale: () => void;
  onCancel: () => void;
  onApiError: (error: unknown) => void;
};

/** Accept (say what was changed in the EHR) or deny (a reason the patient reads); both need words. */
export function DecisionForm({ request, decision, onDecided, onStale, onCancel, onApiError }: DecisionFormProps) {
  const { t } = useTranslation('corrections');
  const [text, setText] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const { isPending, failure, failureText, run } = useSubmit(onApiError);
  const fieldRef = useRef<HTMLTextAreaElement>(null);
  const accept = decision === 'accept';

  useEffect(() => {
    fieldRef.current?.focus();
  }, []);

  const problem = isLongEnough(text, LIMITS.decision) ? null : t(accept ? 'staff.changeNoteMissing' : 'staff.reasonMissing');
  const shown = submitted ? problem : null;

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isPending) return;
    setSubmitted(true);
    if (problem) {
      fieldRef.current?.focus();
      return;
    }
    const body = accept ? { decision, changeNote: text.trim() } : { decision, reason: text.trim() };
    const result = await run(() => decide(request.id, body));
    if (result.ok) onDecided(result.value);
  }

  const stale = isStatus(failure, 409);
  return (
    <form className="inline-form" onSubmit={(event) => void handleSubmit(event)} noValidate aria-label={t(accept ? 'staff.acceptNamed' : 'staff.denyNamed', { name: request.patient.name })}>
      <FormAlert message={shown ?? (stale ? t('staff.alreadyDecided') : failureText)} />
      <TextAreaField
        label={t(accept ? 'staff.changeNoteLabel' : 'staff.reasonLabel')}
        hint={t(accept ? 'staff.changeNoteHint' : 'staff.reasonHint')}
        name={accept ? 'changeNote' : 'reason'}
        maxLength={LIMITS.max}
        rows={3}
        value={text}
        onChange={setText}
        error={shown}
        textareaRef={fieldRef}
      />
      <div className="actions">
        <SubmitButton isPending={isPending} label={t(accept ? 'staff.confirmAccept' : 'staff.confirmDeny')} pendingLabel={t('working')} />
        <button type="button" className="button button--secondary" onClick={stale ? onStale : onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
