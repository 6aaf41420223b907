import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert, SubmitButton, TextInput, useSubmit } from './fields.tsx';

type ConfirmPasswordProps = {
  /** What pressing the button does, e.g. "Remove the app". */
  submitLabel: string;
  /** Why we ask, read before the field. */
  intro: string;
  onConfirm: (password: string) => Promise<void>;
  onCancel: () => void;
  onApiError: (error: unknown) => void;
};

/** Asks for the password again before a change that weakens or resets sign-in. */
export function ConfirmPassword({ submitLabel, intro, onConfirm, onCancel, onApiError }: ConfirmPasswordProps) {
  const { t } = useTranslation('account');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState(false);
  const { isPending, failureText, run } = useSubmit(onApiError);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => inputRef.current?.focus(), []);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isPending) return;
    if (!password) {
      setMissing(true);
      inputRef.current?.focus();
      return;
    }
    setMissing(false);
    await run(() => onConfirm(password));
  }

  const error = missing ? t('errors.passwordRequired') : null;
  return (
    <form className="inline-form" onSubmit={(event) => void handleSubmit(event)} noValidate>
      <p>{intro}</p>
      <FormAlert message={error ?? failureText} />
      <TextInput
        label={t('confirmPassword.label')}
        name="password"
        type="password"
        autoComplete="current-password"
        isRequired
        value={password}
        onChange={setPassword}
        error={error}
        inputRef={inputRef}
      />
      <div className="actions">
        <SubmitButton isPending={isPending} label={submitLabel} pendingLabel={t('working')} />
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
