import { useCallback, useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { completePasswordReset } from '../../api/auth-endpoints.ts';
import { errorMessage } from '../../api/error-message.ts';
import { FormAlert, FormStatus, SubmitButton } from '../../components/form-parts.tsx';
import { PasswordField } from '../../components/password-field.tsx';
import { newPasswordProblem } from '../../components/password-strength.ts';
import { useFormProblems } from '../../components/use-form-problems.ts';
import type { PasswordCheckFor } from '../../components/use-password-check.ts';
import { useRequest } from '../../components/use-request.ts';
import { Link, useRouter } from '../../router/router.tsx';
import { useSession } from '../../session/session-context.tsx';
import { PageHeading } from '../../shell/page-heading.tsx';
import { useDocumentTitle } from '../../shell/use-document-title.ts';

/** The page the emailed link opens (/reset-password?token=...): choose a new password. */
export function ResetPasswordPage() {
  const { t } = useTranslation('auth');
  const { t: tCommon } = useTranslation('common');
  const { search } = useRouter();
  const { setMe } = useSession();
  // Read once, then dropped from the address bar so the token is not left in history or screenshots.
  const [token] = useState(() => new URLSearchParams(search).get('token') ?? '');
  const [password, setPassword] = useState('');
  const [check, setCheck] = useState<PasswordCheckFor | null>(null);
  const [isDone, setDone] = useState(false);
  const request = useRequest();
  const refs = { password: useRef<HTMLInputElement>(null) };
  const onCheck = useCallback((next: PasswordCheckFor | null) => setCheck(next), []);
  const passwordKey = newPasswordProblem(password, check);
  const { shown, summary, check: checkForm } = useFormProblems({ password: passwordKey ? tCommon(passwordKey) : null }, refs);
  useDocumentTitle(t('reset.title'));

  useEffect(() => {
    if (token) window.history.replaceState(null, '', '/reset-password');
  }, [token]);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    request.clearFailure();
    if (!checkForm()) return;
    const saved = await request.run(async () => {
      await completePasswordReset(token, password);
      return true;
    });
    if (saved) {
      // Every session of the account has ended, including one in this browser.
      setMe(null);
      setDone(true);
    }
  }

  return (
    <div className="auth-page">
      <PageHeading>{t('reset.heading')}</PageHeading>
      <FormStatus message={isDone ? t('reset.done') : null} />
      {isDone ? (
        <p>
          <Link href="/sign-in" className="button button--primary">
            {t('reset.signIn')}
          </Link>
        </p>
      ) : !token ? (
        <>
          <p className="notice notice--error">{t('reset.missingToken')}</p>
          <p>
            <Link href="/forgot-password">{t('reset.newLink')}</Link>
          </p>
        </>
      ) : (
        <>
          <p className="auth-page__intro">{t('reset.intro')}</p>
          <FormAlert message={request.failure ? errorMessage(request.failure, tCommon) : null} problems={summary} />
          {request.failure ? (
            <p>
              <Link href="/forgot-password">{t('reset.newLink')}</Link>
            </p>
          ) : null}
          <form className="form" noValidate onSubmit={(event) => void handleSubmit(event)}>
            <PasswordField value={password} onChange={setPassword} error={shown.password} inputRef={refs.password} onCheck={onCheck} />
            <SubmitButton isPending={request.isPending} label={t('reset.submit')} pendingLabel={t('reset.submitting')} />
          </form>
        </>
      )}
    </div>
  );
}
