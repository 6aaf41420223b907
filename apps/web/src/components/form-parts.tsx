import type { Ref } from 'react';
// One import per component keeps the rest of react-aria-components out of the bundle.
import { FieldError } from 'react-aria-components/FieldError';
import { Input } from 'react-aria-components/Input';
import { Label } from 'react-aria-components/Label';
import { Text } from 'react-aria-components/Text';
import { TextField } from 'react-aria-components/TextField';
import './forms-words.ts';
export { FormAlert } from './form-alert.tsx';
import '../styles/forms.css';

// Form pieces for every form in the app (signed-out identity pages, account, staff and admin
// pages). Fields show our own messages ("what to do next"), never the browser's.

type TextInputProps = {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  /** What to do to fix the value; the field is marked invalid while set. */
  error?: string | null;
  description?: string;
  type?: 'text' | 'email' | 'password' | 'search' | 'date';
  autoComplete?: string;
  inputMode?: 'text' | 'numeric' | 'email' | 'search';
  maxLength?: number;
  isRequired?: boolean;
  inputRef?: Ref<HTMLInputElement>;
  autoCapitalize?: 'none' | 'characters' | 'words';
  className?: string;
};

export function TextInput({ label, error, description, inputRef, inputMode, autoCapitalize, className, ...field }: TextInputProps) {
  const plain = field.type === 'email' || field.type === 'password' || inputMode === 'numeric';
  return (
    <TextField {...field} className={className ? `field ${className}` : 'field'} isInvalid={Boolean(error)} validationBehavior="aria">
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
        autoCapitalize={autoCapitalize ?? (plain ? 'none' : undefined)}
        spellCheck={plain || field.type === 'search' || field.type === 'date' ? false : undefined}
      />
      <FieldError className="field__error">{error ?? ''}</FieldError>
    </TextField>
  );
}

type EmailInputProps = Omit<TextInputProps, 'type' | 'inputMode' | 'name'> & { name?: string };

/** An email field: the right keyboard on phones, no auto-capitals or spell-check, autofill as given. */
export function EmailInput({ name = 'email', autoComplete = 'email', ...props }: EmailInputProps) {
  return <TextInput {...props} name={name} type="email" inputMode="email" autoComplete={autoComplete} />;
}

/** Announces progress and success politely, after what the reader is saying now. */
export function FormStatus({ message }: { message: string | null | undefined }) {
  return (
    <div role="status" className="form-alert">
      {message ? <p className="notice notice--success">{message}</p> : null}
    </div>
  );
}

type SubmitButtonProps = { isPending: boolean; label: string; pendingLabel: string; variant?: 'primary' | 'secondary' };

/**
 * aria-disabled rather than disabled: the button keeps focus while we wait. A hidden status
 * says "…ing" once, because the changed button text alone is not announced.
 */
export function SubmitButton({ isPending, label, pendingLabel, variant = 'primary' }: SubmitButtonProps) {
  return (
    <>
      <button type="submit" className={`button button--${variant} form__submit`} aria-disabled={isPending || undefined}>
        {isPending ? pendingLabel : label}
      </button>
      <span role="status" className="visually-hidden">
        {isPending ? pendingLabel : ''}
      </span>
    </>
  );
}
