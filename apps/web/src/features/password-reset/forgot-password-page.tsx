import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { requestPasswordReset } from '../../api/auth-endpoints.ts';
import { errorMessage } from '../../api/error-message.ts';
import { EmailInput, FormAlert, FormStatus, SubmitButton } from '../../components/form-parts.tsx';
import { useFormProblems } from '../../components/use-form-problems.ts';
import { useRequest } from '../../components/use-request.ts';
import { emailProblem } from '../../components/validate.ts';
import { Link } from '../../router/router.tsx';
import { PageHeading } from '../../shell/page-heading.tsx';
import { useDocumentTitle } from '../../shell/use-document-title.ts';

/**
 * Asks for a reset link by email. The answer is the same whether or not the email has an
 * account, so the page cannot be used to find out who has one.
 */
export function ForgotPasswordPage() {
  const { t } = useTranslation('auth');
  const { t: tCommon } = useTranslation('common');
  const { t: tForms } = useTranslation('forms');
  const [email, setEmail] = useState('');
  const [isSent, setSent] = useState(false);
  const request = useRequest();
  const refs = { email: useRef<HTMLInputElement>(null) };
  const emailKey = emailProblem(email);
  const { shown, summary, check } = useFormProblems({ email: emailKey ? tForms(emailKey) : null }, refs);
  useDocumentTitle(t('forgot.title'));

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    request.clearFailure();
    if (!check()) return;
    if (await request.run(() => requestPasswordReset(email.trim()))) setSent(true);
  }

  return (
    <div className="auth-page">
      <PageHeading>{t('forgot.heading')}</PageHeading>
      <FormStatus message={isSent ? t('forgot.sent') : null} />
      {isSent ? (
        <p>
          <button type="button" className="link-button" onClick={() => setSent(false)}>
            {t('forgot.sendAnother')}
          </button>
        </p>
      ) : (
        <>
          <p className="auth-page__intro">{t('forgot.intro')}</p>
          <FormAlert message={request.failure ? errorMessage(request.failure, tCommon) : null} problems={summary} />
          <form className="form" noValidate onSubmit={(event) => void handleSubmit(event)}>
            <EmailInput
              label={t('email')}
              autoComplete="username"
              value={email}
              onChange={setEmail}
              error={shown.email}
              isRequired
              inputRef={refs.email}
            />
            <SubmitButton isPending={request.isPending} label={t('forgot.submit')} pendingLabel={t('forgot.submitting')} />
          </form>
        </>
      )}
      <p>
        <Link href="/sign-in">{t('backToSignIn')}</Link>
      </p>
    </div>
  );
}
