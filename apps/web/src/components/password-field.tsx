import { useEffect, useState } from 'react';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
// One import per component keeps the rest of react-aria-components out of the bundle.
import { FieldError } from 'react-aria-components/FieldError';
import { Input } from 'react-aria-components/Input';
import { Label } from 'react-aria-components/Label';
import { Text } from 'react-aria-components/Text';
import { TextField } from 'react-aria-components/TextField';
import { reasonKey, strengthKey } from './password-strength.ts';
import { usePasswordCheck } from './use-password-check.ts';
import type { PasswordCheckFor } from './use-password-check.ts';
import '../styles/forms.css';
import '../styles/password-field.css';

export type PasswordFieldProps = {
  /** Defaults to "New password". */
  label?: string;
  value: string;
  onChange: (value: string) => void;
  /** The account's email, so the meter can warn about passwords built from it. */
  email?: string;
  name?: string;
  /** What to do to fix the value (see newPasswordProblem); marks the field invalid while set. */
  error?: string | null;
  isRequired?: boolean;
  inputRef?: Ref<HTMLInputElement>;
  /** Hears each strength check (null while none is known), e.g. to block a refused password on submit. */
  onCheck?: (check: PasswordCheckFor | null) => void;
};

/**
 * A new-password field with a show/hide toggle and a strength meter. The meter asks the server
 * (debounced) and says the strength in words, plus what to change when the server would refuse
 * the password. Length is the only rule; there are no "one capital, one symbol" rules.
 */
export function PasswordField({ label, value, onChange, email, name = 'new-password', error, isRequired = true, inputRef, onCheck }: PasswordFieldProps) {
  const { t } = useTranslation('common');
  const [isShown, setShown] = useState(false);
  const check = usePasswordCheck(value, email);
  // Only a check of the value in the field now is shown: no "Strong" for a password since shortened.
  const current = check && check.password === value ? check.result : null;

  useEffect(() => {
    onCheck?.(check);
  }, [check, onCheck]);

  const strength = current ? t(strengthKey(current.score)) : '';
  const advice = current ? reasonKey(current.reason) : null;

  return (
    <div className="password-field">
      <TextField
        className="field"
        name={name}
        type={isShown ? 'text' : 'password'}
        autoComplete="new-password"
        value={value}
        onChange={onChange}
        isRequired={isRequired}
        isInvalid={Boolean(error)}
        validationBehavior="aria"
      >
        <Label className="field__label">{label ?? t('password.newLabel')}</Label>
        <Text slot="description" className="field__hint">
          {t('password.hint')}
        </Text>
        <div className="password-field__control">
          <Input ref={inputRef} className="field__input" spellCheck={false} autoCapitalize="none" />
          <button
            type="button"
            className="button button--secondary password-field__toggle"
            aria-pressed={isShown}
            onClick={() => setShown((shown) => !shown)}
          >
            {/* Short on screen so the field keeps its width at 360 px; the full name for screen readers. */}
            {t('password.showShort')}
            <span className="visually-hidden"> {t('password.showWhat')}</span>
          </button>
        </div>
        <FieldError className="field__error">{error ?? ''}</FieldError>
      </TextField>

      <div className="password-meter" hidden={!current}>
        <div
          role="meter"
          aria-label={t('password.meterLabel')}
          aria-valuemin={0}
          aria-valuemax={4}
          aria-valuenow={current?.score ?? 0}
          aria-valuetext={strength}
          className="password-meter__track"
          data-score={current?.score ?? 0}
        >
          <div className="password-meter__bar" />
        </div>
      </div>
      {/* Polite, and only after typing pauses: read once per check, not on every key. */}
      <p aria-live="polite" className="password-meter__text">
        {current ? t('password.strengthIs', { strength }) : ''}
        {current && advice ? ` ${t(advice)}` : ''}
      </p>
    </div>
  );
}
