import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SignUpRequest } from '@ourchart/contracts';
import { startSignUp } from '../../api/auth-endpoints.ts';
import { errorMessage } from '../../api/error-message.ts';
import { DateOfBirthField } from '../../components/date-of-birth-field.tsx';
import { emptyDate, toIsoDate } from '../../components/date-of-birth.ts';
import { EmailInput, FormAlert, SubmitButton, TextInput } from '../../components/form-parts.tsx';
import { useFormProblems } from '../../components/use-form-problems.ts';
import { useRequest } from '../../components/use-request.ts';
import { emailProblem } from '../../components/validate.ts';
import { Link } from '../../router/router.tsx';
import { PageHeading } from '../../shell/page-heading.tsx';
import { useDocumentTitle } from '../../shell/use-document-title.ts';
import { VerifyStep } from './verify-step.tsx';

/**
 * Self sign-up without an activation code: name, date of birth and email; then the code
 * emailed to that address and a password. The server answers the first step the same way
 * whatever the details, so the page never says whether a person or an email is known.
 */
export function SignUpPage() {
  const { t } = useTranslation('auth');
  const [details, setDetails] = useState<SignUpRequest | null>(null);
  useDocumentTitle(t('signUp.title'));

  return (
    <div className="auth-page">
      <PageHeading>{t('signUp.heading')}</PageHeading>
      {details ? (
        <VerifyStep details={details} onChangeDetails={() => setDetails(null)} />
      ) : (
        <DetailsStep onSent={setDetails} />
      )}
    </div>
  );
}

function DetailsStep({ onSent }: { onSent: (details: SignUpRequest) => void }) {
  const { t } = useTranslation('auth');
  const { t: tCommon } = useTranslation('common');
  const { t: tForms } = useTranslation('forms');
  const [givenName, setGivenName] = useState('');
  const [familyName, setFamilyName] = useState('');
  const [birthDate, setBirthDate] = useState(emptyDate);
  const [email, setEmail] = useState('');
  const request = useRequest();
  const refs = {
    givenName: useRef<HTMLInputElement>(null),
    familyName: useRef<HTMLInputElement>(null),
    birthDate: useRef<HTMLInputElement>(null),
    email: useRef<HTMLInputElement>(null),
  };

  const date = toIsoDate(birthDate);
  const emailKey = emailProblem(email);
  const { shown, summary, check } = useFormProblems(
    {
      givenName: givenName.trim() ? null : t('signUp.givenNameRequired'),
      familyName: familyName.trim() ? null : t('signUp.familyNameRequired'),
      birthDate: 'error' in date ? tForms(date.error) : null,
      email: emailKey ? tForms(emailKey) : null,
    },
    refs,
  );

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    request.clearFailure();
    if (!check() || !('value' in date)) return;
    const details = { givenName: givenName.trim(), familyName: familyName.trim(), birthDate: date.value, email: email.trim() };
    const accepted = await request.run(() => startSignUp(details));
    if (accepted) onSent(details);
  }

  return (
    <>
      <p className="auth-page__intro">{t('signUp.intro')}</p>
      <FormAlert message={request.failure ? errorMessage(request.failure, tCommon) : null} problems={summary} />
      <form className="form" noValidate onSubmit={(event) => void handleSubmit(event)}>
        <TextInput
          label={t('signUp.givenName')}
          name="given-name"
          autoComplete="given-name"
          value={givenName}
          onChange={setGivenName}
          error={shown.givenName}
          isRequired
          maxLength={100}
          inputRef={refs.givenName}
        />
        <TextInput
          label={t('signUp.familyName')}
          name="family-name"
          autoComplete="family-name"
          value={familyName}
          onChange={setFamilyName}
          error={shown.familyName}
          isRequired
          maxLength={100}
          inputRef={refs.familyName}
        />
        <DateOfBirthField value={birthDate} onChange={setBirthDate} error={shown.birthDate} firstInputRef={refs.birthDate} />
        <EmailInput
          label={t('email')}
          description={t('signUp.emailHint')}
          value={email}
          onChange={setEmail}
          error={shown.email}
          isRequired
          inputRef={refs.email}
        />
        <SubmitButton isPending={request.isPending} label={t('signUp.continue')} pendingLabel={t('signUp.continuing')} />
      </form>
      <ul className="form-links">
        <li>
          <Link href="/activate">{t('signUp.haveCode')}</Link>
        </li>
        <li>
          <Link href="/sign-in">{t('backToSignIn')}</Link>
        </li>
      </ul>
    </>
  );
}
