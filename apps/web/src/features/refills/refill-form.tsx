import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { RefillRequest } from '@ourchart/contracts';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/use-api.ts';
import { FormAlert, SubmitButton, useSubmit } from '../account/fields.tsx';
import { LoadFailed, Loading } from '../account/status-notices.tsx';
import { getPharmacies, requestRefill } from './refills-api.ts';
import { LIMITS } from './refill-words.ts';
import { TextAreaField } from '../../components/native-fields.tsx';

type RefillFormProps = {
  medication: { id: string; name: string };
  onSent: (request: RefillRequest) => void;
  onCancel: () => void;
  onApiError: (error: unknown) => void;
};

/**
 * "Ask for a refill" of one medicine: a pharmacy (the one chosen last time comes first) and an
 * optional note. A second request while one is open is refused by the server with a sentence
 * that says so; it is shown as sent.
 */
export function RefillForm({ medication, onSent, onCancel, onApiError }: RefillFormProps) {
  const { t } = useTranslation('refills');
  const choices = useApi(getPharmacies);
  const [pharmacyId, setPharmacyId] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const { isPending, failureText, run } = useSubmit(onApiError);
  const selectRef = useRef<HTMLSelectElement>(null);
  const id = useId();
  const ready = choices.status === 'ready';

  const focusSelect = useCallback(() => selectRef.current?.focus(), []);
  useEffect(() => {
    if (ready) focusSelect();
  }, [ready, focusSelect]);

  if (choices.status === 'loading') return <Loading text={t('form.pharmaciesLoading')} />;
  if (choices.status === 'error') return <LoadFailed error={choices.error} onRetry={choices.reload} />;
  const chosen = pharmacyId ?? choices.data.preferredPharmacyId ?? '';
  const problem = chosen ? null : t('form.pharmacyMissing');
  const shown = submitted ? problem : null;

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isPending) return;
    setSubmitted(true);
    if (problem) {
      focusSelect();
      return;
    }
    const result = await run(() => requestRefill({ medicationRequestId: medication.id, pharmacyId: chosen, ...(note.trim() ? { note: note.trim() } : {}) }));
    if (result.ok) onSent(result.value);
  }

  return (
    <form className="inline-form refill-form" onSubmit={(event) => void handleSubmit(event)} noValidate aria-label={t('form.title', { name: medication.name })}>
      <FormAlert message={shown ?? failureText} />
      <div className="field">
        <label className="field__label" htmlFor={`${id}-pharmacy`}>
          {t('form.pharmacy')}
        </label>
        <p id={`${id}-hint`} className="field__hint">
          {t('form.pharmacyHint')}
        </p>
        <select
          id={`${id}-pharmacy`}
          ref={selectRef}
          className="field__input"
          aria-required="true"
          aria-invalid={shown ? true : undefined}
          aria-describedby={shown ? `${id}-hint ${id}-error` : `${id}-hint`}
          value={chosen}
          onChange={(event) => setPharmacyId(event.target.value)}
        >
          <option value="">{t('form.choosePharmacy')}</option>
          {choices.data.pharmacies.map((p) => (
            <option key={p.id} value={p.id}>
              {[p.name, p.address].filter(Boolean).join(', ')}
            </option>
          ))}
        </select>
        {shown ? (
          <p id={`${id}-error`} className="field__error">
            {shown}
          </p>
        ) : null}
      </div>
      <TextAreaField label={t('form.note')} hint={t('form.noteHint')} name="note" isRequired={false} rows={3} maxLength={LIMITS.max} value={note} onChange={setNote} />
      <div className="actions">
        <SubmitButton isPending={isPending} label={t('form.submit')} pendingLabel={t('form.sending')} />
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('form.cancel')}
        </button>
      </div>
    </form>
  );
}
