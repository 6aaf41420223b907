import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { Me } from '@ourchart/contracts';
import { useTranslation } from 'react-i18next';
import { requestEmailChange, verifyEmailChange } from './account-api.ts';
import { FormAlert, FormStatus, SubmitButton, TextInput, useSubmit } from './fields.tsx';
import { digitsOnly, isSixDigitCode } from './group-secret.ts';
import { Section } from './section.tsx';

type EmailSectionProps = {
  email: string;
  onChanged: (me: Me) => void;
  onApiError: (error: unknown) => void;
};

type Problem = 'emailInvalid' | 'passwordRequired' | 'codeFormat' | null;

const looksLikeEmail = (value: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim());

/** Change the sign-in email in two steps: ask (with the password), then prove the new address with a code. */
export function EmailSection({ email, onChanged, onApiError }: EmailSectionProps) {
  const { t } = useTranslation('account');
  const [newEmail, setNewEmail] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [problem, setProblem] = useState<Problem>(null);
  const [done, setDone] = useState<string | null>(null);
  const { isPending, failureText, setFailure, run } = useSubmit(onApiError);
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const codeRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (sentTo) codeRef.current?.focus();
  }, [sentTo]);

  async function handleRequest(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isPending) return;
    setDone(null);
    const found: Problem = !looksLikeEmail(newEmail) ? 'emailInvalid' : !password ? 'passwordRequired' : null;
    setProblem(found);
    if (found) return (found === 'emailInvalid' ? emailRef : passwordRef).current?.focus();
    const result = await run(() => requestEmailChange(newEmail.trim(), password));
    if (result.ok) {
      setPassword('');
      setSentTo(newEmail.trim());
    }
  }

  async function handleVerify(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isPending) return;
    const found: Problem = isSixDigitCode(code) ? null : 'codeFormat';
    setProblem(found);
    if (found) return codeRef.current?.focus();
    const result = await run(() => verifyEmailChange(digitsOnly(code)));
    if (result.ok) {
      setDone(t('email.changed', { email: result.value.email }));
      setSentTo(null);
      setNewEmail('');
      setCode('');
      onChanged(result.value);
    }
  }

  function startOver() {
    setSentTo(null);
    setCode('');
    setProblem(null);
    setFailure(null);
    emailRef.current?.focus();
  }

  const errorFor = (which: Exclude<Problem, null>) => (problem === which ? t(`email.errors.${which}`) : null);
  const alert = problem ? t(`email.errors.${problem}`) : failureText;

  return (
    <Section title={t('email.title')}>
      <p>{t('email.current', { email })}</p>
      <FormStatus message={done} />
      {sentTo ? (
        <form className="inline-form" onSubmit={(event) => void handleVerify(event)} noValidate>
          <p>{t('email.codeSent', { email: sentTo })}</p>
          <FormAlert message={alert} />
          <TextInput
            label={t('email.codeLabel')}
            name="email-code"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={9}
            isRequired
            value={code}
            onChange={setCode}
            error={errorFor('codeFormat')}
            inputRef={codeRef}
            className="field--short"
          />
          <div className="actions">
            <SubmitButton isPending={isPending} label={t('email.verify')} pendingLabel={t('working')} />
            <button type="button" className="button button--secondary" onClick={startOver}>
              {t('email.startOver')}
            </button>
          </div>
        </form>
      ) : (
        <form className="inline-form" onSubmit={(event) => void handleRequest(event)} noValidate>
          <p>{t('email.intro')}</p>
          <FormAlert message={alert} />
          <TextInput
            label={t('email.newLabel')}
            name="new-email"
            type="email"
            inputMode="email"
            autoComplete="email"
            isRequired
            value={newEmail}
            onChange={setNewEmail}
            error={errorFor('emailInvalid')}
            inputRef={emailRef}
          />
          <TextInput
            label={t('email.password')}
            name="email-password"
            type="password"
            autoComplete="current-password"
            isRequired
            value={password}
            onChange={setPassword}
            error={errorFor('passwordRequired')}
            inputRef={passwordRef}
          />
          <div className="actions">
            <SubmitButton isPending={isPending} label={t('email.submit')} pendingLabel={t('working')} />
          </div>
        </form>
      )}
    </Section>
  );
}
