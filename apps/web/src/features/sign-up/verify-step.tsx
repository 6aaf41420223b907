import { useCallback, useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SignUpRequest } from '@ourchart/contracts';
import { finishSignUp, startSignUp } from '../../api/auth-endpoints.ts';
import { errorMessage } from '../../api/error-message.ts';
import { FormAlert, FormStatus, SubmitButton, TextInput } from '../../components/form-parts.tsx';
import { PasswordField } from '../../components/password-field.tsx';
import { newPasswordProblem } from '../../components/password-strength.ts';
import { useFormProblems } from '../../components/use-form-problems.ts';
import type { PasswordCheckFor } from '../../components/use-password-check.ts';
import { useRequest } from '../../components/use-request.ts';
import { normaliseCode, sixDigitProblem } from '../../components/validate.ts';
import { useSignedInResult } from '../../session/use-signed-in-result.ts';

type VerifyStepProps = { details: SignUpRequest; onChangeDetails: () => void };

/** Step two of sign-up: the emailed 6-digit code and a password. */
export function VerifyStep({ details, onChangeDetails }: VerifyStepProps) {
  const { t } = useTranslation('auth');
  const { t: tCommon } = useTranslation('common');
  const { t: tForms } = useTranslation('forms');
  const finish = useSignedInResult();
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [check, setCheck] = useState<PasswordCheckFor | null>(null);
  const [resent, setResent] = useState(false);
  const request = useRequest();
  const resend = useRequest();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const refs = { code: useRef<HTMLInputElement>(null), password: useRef<HTMLInputElement>(null) };
  const onCheck = useCallback((next: PasswordCheckFor | null) => setCheck(next), []);

  // A new step on the same page: say so by moving focus to its heading.
  useEffect(() => headingRef.current?.focus(), []);

  const codeKey = sixDigitProblem(code);
  const passwordKey = newPasswordProblem(password, check);
  const { shown, summary, check: checkForm } = useFormProblems(
    { code: codeKey ? tForms(codeKey) : null, password: passwordKey ? tCommon(passwordKey) : null },
    refs,
  );

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    request.clearFailure();
    if (!checkForm()) return;
    const result = await request.run(() => finishSignUp({ email: details.email, code: normaliseCode(code), password }));
    if (result) finish(result);
  }

  async function sendAgain() {
    setResent(false);
    if (await resend.run(() => startSignUp(details))) setResent(true);
  }

  const failure = request.failure ?? resend.failure;
  return (
    <section aria-labelledby="check-email" className="auth-page">
      <h2 id="check-email" ref={headingRef} tabIndex={-1} className="sign-in__subheading">
        {t('signUp.checkEmail')}
      </h2>
      <p>{t('signUp.sent', { email: details.email })}</p>
      <FormAlert message={failure ? errorMessage(failure, tCommon) : null} problems={summary} />
      <FormStatus message={resent ? t('signUp.sentAgain', { email: details.email }) : null} />
      <form className="form" noValidate onSubmit={(event) => void handleSubmit(event)}>
        <TextInput
          label={t('signUp.code')}
          name="one-time-code"
          autoComplete="one-time-code"
          inputMode="numeric"
          maxLength={9}
          value={code}
          onChange={setCode}
          error={shown.code}
          isRequired
          inputRef={refs.code}
        />
        <PasswordField value={password} onChange={setPassword} email={details.email} error={shown.password} inputRef={refs.password} onCheck={onCheck} />
        <SubmitButton isPending={request.isPending} label={t('signUp.submit')} pendingLabel={t('signUp.submitting')} />
      </form>
      <ul className="form-links">
        <li>
          <button type="button" className="link-button" aria-disabled={resend.isPending || undefined} onClick={() => void sendAgain()}>
            {t('signUp.sendAgain')}
          </button>
        </li>
        <li>
          <button type="button" className="link-button" onClick={onChangeDetails}>
            {t('signUp.changeDetails')}
          </button>
        </li>
      </ul>
    </section>
  );
}
