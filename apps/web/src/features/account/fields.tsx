import { useCallback, useState } from 'react';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
// One import per component keeps the rest of react-aria-components out of the bundle.
import { FieldError } from 'react-aria-components/FieldError';
import { Input } from 'react-aria-components/Input';
import { Label } from 'react-aria-components/Label';
import { Text } from 'react-aria-components/Text';
import { TextField } from 'react-aria-components/TextField';
import { errorMessage } from '../../api/error-message.ts';
// FormAlert and FormStatus are the shared ones, so every form in the app announces the same way.
export { FormAlert, FormStatus } from '../../components/form-parts.tsx';
import '../../styles/forms.css';
import './account.css';

// Form pieces for the signed-in account, staff and admin pages. components/form-parts.tsx has
// the signed-out pages' TextInput; this one also takes password, search and date fields.

type TextInputProps = {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  /** What to do to fix the value; the field is marked invalid while set. */
  error?: string | null;
  description?: string;
  type?: 'text' | 'password' | 'email' | 'search' | 'date';
  autoComplete?: string;
  inputMode?: 'text' | 'numeric' | 'email' | 'search';
  maxLength?: number;
  isRequired?: boolean;
  inputRef?: Ref<HTMLInputElement>;
  className?: string;
};

export function TextInput({ label, error, description, inputRef, className, inputMode, ...field }: TextInputProps) {
  return (
    <TextField
      {...field}
      className={className ? `field ${className}` : 'field'}
      isInvalid={Boolean(error)}
      // Our own messages, not the browser's: they say what to do, in the reader's language.
      validationBehavior="aria"
    >
      <Label className="field__label">{label}</Label>
      {description ? (
        <Text slot="description" className="field__hint">
          {description}
        </Text>
      ) : null}
      <Input
        ref={inputRef}
        className="field__input"
        inputMode={inputMode}
        autoCapitalize={field.type === 'email' || inputMode === 'numeric' ? 'none' : undefined}
        spellCheck={field.type === 'text' ? undefined : false}
      />
      <FieldError className="field__error">{error ?? ''}</FieldError>
    </TextField>
  );
}

/**
 * Runs one request at a time for a form: `isPending` while it runs, `failure` when it
 * failed (worded by `failureText`, so the words follow a language switch).
 * `onApiError` sees every failure first, so an ended session goes to sign-in.
 */
export function useSubmit(onApiError: (error: unknown) => void) {
  const { t } = useTranslation('common');
  const [isPending, setPending] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  const run = useCallback(
    async <T,>(work: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false }> => {
      setPending(true);
      setFailure(null);
      try {
        const value = await work();
        return { ok: true, value };
      } catch (error) {
        onApiError(error);
        setFailure(error);
        return { ok: false };
      } finally {
        setPending(false);
      }
    },
    [onApiError],
  );

  const failureText = failure ? errorMessage(failure, t) : null;
  return { isPending, failure, failureText, setFailure, run };
}

type SubmitButtonProps = { isPending: boolean; label: string; pendingLabel: string; variant?: 'primary' | 'secondary' };

/** aria-disabled rather than disabled: the button keeps focus while we wait. */
export function SubmitButton({ isPending, label, pendingLabel, variant = 'primary' }: SubmitButtonProps) {
  return (
    <button
      type="submit"
      className={`button button--${variant}`}
      aria-disabled={isPending || undefined}
    >
      {isPending ? pendingLabel : label}
    </button>
  );
}

