import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { CorrectionRequest } from '@ourchart/contracts';
import { useTranslation } from 'react-i18next';
import { FormAlert, SubmitButton, useSubmit } from '../account/fields.tsx';
import { addDisagreement } from './corrections-api.ts';
import { LIMITS, isLongEnough } from './correction-words.ts';
import { TextAreaField } from '../../components/native-fields.tsx';

type DisagreementFormProps = {
  request: CorrectionRequest;
  patientId: string | undefined;
  onAdded: (request: CorrectionRequest) => void;
  onApiError: (error: unknown) => void;
};

/**
 * The right to disagree with a denial (HIPAA 164.526(d)): said in words under every denied request,
 * with a button that opens the statement form. The statement is attached to the same request.
 */
export function DisagreementForm({ request, patientId, onAdded, onApiError }: DisagreementFormProps) {
  const { t } = useTranslation('corrections');
  const [isOpen, setOpen] = useState(false);
  const [statement, setStatement] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const { isPending, failureText, run } = useSubmit(onApiError);
  const fieldRef = useRef<HTMLTextAreaElement>(null);
  const openRef = useRef<HTMLButtonElement>(null);

  const problem = isLongEnough(statement, LIMITS.statement) ? null : t('disagreement.missing');
  const shown = submitted ? problem : null;

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isPending) return;
    setSubmitted(true);
    if (problem) {
      fieldRef.current?.focus();
      return;
    }
    const result = await run(() => addDisagreement(request.id, statement.trim(), patientId));
    if (result.ok) onAdded(result.value);
  }

  return (
    <div className="inline-form correction-rights">
      <p>{t('disagreement.rights')}</p>
      {isOpen ? (
        <form className="inline-form" onSubmit={(event) => void handleSubmit(event)} noValidate aria-label={t('disagreement.open')}>
          <FormAlert message={shown ?? failureText} />
          <TextAreaField
            label={t('disagreement.label')} hint={t('disagreement.hint')} name="statement" maxLength={LIMITS.maxStatement}
            value={statement} onChange={setStatement} error={shown} textareaRef={fieldRef}
          />
          <div className="actions">
            <SubmitButton isPending={isPending} label={t('disagreement.submit')} pendingLabel={t('working')} />
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                setOpen(false);
                requestAnimationFrame(() => openRef.current?.focus());
              }}
            >
              {t('cancel')}
            </button>
          </div>
        </form>
      ) : (
        <div className="actions">
          <button
            ref={openRef}
            type="button"
            className="button button--secondary"
            onClick={() => {
              setOpen(true);
              requestAnimationFrame(() => fieldRef.current?.focus());
            }}
          >
            {t('disagreement.open')}
          </button>
        </div>
      )}
    </div>
  );
}
