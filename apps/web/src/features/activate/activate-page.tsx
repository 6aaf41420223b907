import { useCallback, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { activateAccount } from '../../api/auth-endpoints.ts';
import { errorMessage } from '../../api/error-message.ts';
import { DateOfBirthField } from '../../components/date-of-birth-field.tsx';
import { emptyDate, toIsoDate } from '../../components/date-of-birth.ts';
import { EmailInput, FormAlert, SubmitButton, TextInput } from '../../components/form-parts.tsx';
import { PasswordField } from '../../components/password-field.tsx';
import { newPasswordProblem } from '../../components/password-strength.ts';
import { useFormProblems } from '../../components/use-form-problems.ts';
import { useRequest } from '../../components/use-request.ts';
import type { PasswordCheckFor } from '../../components/use-password-check.ts';
import { codeProblem, emailProblem } from '../../components/validate.ts';
import { Link, useRouter } from '../../router/router.tsx';
import { useSignedInResult } from '../../session/use-signed-in-result.ts';
import { PageHeading } from '../../shell/page-heading.tsx';
import { useDocumentTitle } from '../../shell/use-document-title.ts';

/** A patient turns the activation code from their clinic into an account, and is signed in. */
export function ActivatePage() {
  const { t } = useTranslation('auth');
  const { t: tCommon } = useTranslation('common');
  const { t: tForms } = useTranslation('forms');
  const { search } = useRouter();
  const finish = useSignedInResult();
  // A clinic's letter may carry the code in its link (/activate?code=...).
  const [code, setCode] = useState(() => new URLSearchParams(search).get('code') ?? '');
  const [birthDate, setBirthDate] = useState(emptyDate);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [check, setCheck] = useState<PasswordCheckFor | null>(null);
  const request = useRequest();
  const refs = { code: useRef<HTMLInputElement>(null), birthDate: useRef<HTMLInputElement>(null), email: useRef<HTMLInputElement>(null), password: useRef<HTMLInputElement>(null) };
  useDocumentTitle(t('activate.title'));
  const onCheck = useCallback((next: PasswordCheckFor | null) => setCheck(next), []);

  const date = toIsoDate(birthDate);
  const problems = {
    code: codeProblem(code) ? t('activate.codeRequired') : null,
    birthDate: 'error' in date ? tForms(date.error) : null,
    email: emailProblem(email) ? tForms(emailProblem(email)!) : null,
    password: newPasswordProblem(password, check) ? tCommon(newPasswordProblem(password, check)!) : null,
  };
  const { shown, summary, check: checkForm } = useFormProblems(problems, refs);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    request.clearFailure();
    if (!checkForm() || !('value' in date)) return;
    const result = await request.run(() =>
      activateAccount({ code: code.trim(), birthDate: date.value, email: email.trim(), password }),
    );
    if (result) finish(result);
  }

  return (
    <div className="auth-page">
      <PageHeading>{t('activate.heading')}</PageHeading>
      <p className="auth-page__intro">{t('activate.intro')}</p>
      <FormAlert message={request.failure ? errorMessage(request.failure, tCommon) : null} problems={summary} />

      <form className="form" noValidate onSubmit={(event) => void handleSubmit(event)}>
        <TextInput
          label={t('activate.code')}
          description={t('activate.codeHint')}
          name="activation-code"
          value={code}
          onChange={setCode}
          error={shown.code}
          isRequired
          autoComplete="off"
          autoCapitalize="characters"
          maxLength={32}
          inputRef={refs.code}
        />
        <DateOfBirthField value={birthDate} onChange={setBirthDate} error={shown.birthDate} firstInputRef={refs.birthDate} />
        <EmailInput
          label={t('email')}
          description={t('activate.emailHint')}
          value={email}
          onChange={setEmail}
          error={shown.email}
          isRequired
          inputRef={refs.email}
        />
        <PasswordField value={password} onChange={setPassword} email={email} error={shown.password} inputRef={refs.password} onCheck={onCheck} />
        <SubmitButton isPending={request.isPending} label={t('activate.submit')} pendingLabel={t('activate.submitting')} />
      </form>

      <ul className="form-links">
        <li>
          <Link href="/sign-up">{t('activate.noCode')}</Link>
        </li>
        <li>
          <Link href="/sign-in">{t('backToSignIn')}</Link>
        </li>
      </ul>
    </div>
  );
}
