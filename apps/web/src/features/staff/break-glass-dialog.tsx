import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert, SubmitButton, useSubmit } from '../account/fields.tsx';
import { breakGlass } from './staff-api.ts';

type BreakGlassDialogProps = {
  patientId: string;
  patientName: string;
  onGranted: (expiresAt: string) => void;
  onCancel: () => void;
  onApiError: (error: unknown) => void;
};

const MIN_REASON = 10;

/**
 * "Emergency access": a modal that asks why before opening a record outside the care team.
 * A native <dialog> opened with showModal(): the browser keeps focus inside, makes the page
 * behind it inert and closes it with Escape, with no extra script.
 */
export function BreakGlassDialog({ patientId, patientName, onGranted, onCancel, onApiError }: BreakGlassDialogProps) {
  const { t } = useTranslation('staff');
  const dialogRef = useRef<HTMLDialogElement>(null);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const [reason, setReason] = useState('');
  const [tooShort, setTooShort] = useState(false);
  const { isPending, failureText, run } = useSubmit(onApiError);
  const titleId = useId();
  const hintId = useId();
  const errorId = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    reasonRef.current?.focus();
    return () => dialog?.close();
  }, []);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isPending) return;
    if (reason.trim().length < MIN_REASON) {
      setTooShort(true);
      reasonRef.current?.focus();
      return;
    }
    setTooShort(false);
    const result = await run(() => breakGlass(patientId, reason.trim()));
    if (result.ok) onGranted(result.value.expiresAt);
  }

  const error = tooShort ? t('breakGlass.tooShort', { min: MIN_REASON }) : null;
  return (
    <dialog
      ref={dialogRef}
      className="dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        // Escape: let React decide, so the dialog and our state cannot disagree.
        event.preventDefault();
        onCancel();
      }}
    >
      <form className="inline-form" onSubmit={(event) => void handleSubmit(event)} noValidate>
        <h2 id={titleId} className="card__title">
          {t('breakGlass.title')}
        </h2>
        <p>{t('breakGlass.intro', { name: patientName })}</p>
        <p className="strong">{t('breakGlass.recorded')}</p>
        <FormAlert message={error ?? failureText} />
        <div className="field">
          <label className="field__label" htmlFor={`${titleId}-reason`}>
            {t('breakGlass.reasonLabel')}
          </label>
          <p id={hintId} className="field__hint">
            {t('breakGlass.reasonHint', { min: MIN_REASON })}
          </p>
          <textarea
            id={`${titleId}-reason`}
            ref={reasonRef}
            className="field__input field__textarea"
            name="reason"
            rows={3}
            maxLength={500}
            required
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${hintId} ${errorId}` : hintId}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
          />
          {error ? (
            <p id={errorId} className="field__error">
              {error}
            </p>
          ) : null}
        </div>
        <div className="actions">
          <SubmitButton isPending={isPending} label={t('breakGlass.submit')} pendingLabel={t('working')} />
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {t('cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
