import { lazy, Suspense, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
// One import per component keeps the rest of react-aria-components out of the bundle.
import { Button } from 'react-aria-components/Button';
import { FieldError } from 'react-aria-components/FieldError';
import { Form } from 'react-aria-components/Form';
import { Input } from 'react-aria-components/Input';
import { Label } from 'react-aria-components/Label';
import { TextField } from 'react-aria-components/TextField';
import type { SignInResult } from '@ourchart/contracts';
import { errorMessage } from '../../api/error-message.ts';
import { signIn } from '../../api/endpoints.ts';
import { Link, useRouter } from '../../router/router.tsx';
import { useSession } from '../../session/session-context.tsx';
import { homePathFor } from '../../shell/nav-items.ts';
import { PageHeading } from '../../shell/page-heading.tsx';
import { useDocumentTitle } from '../../shell/use-document-title.ts';
import { canUsePasskeys, passkeyProblem, signInWithPasskey } from './passkey-sign-in.ts';
import { validateEmail, validatePassword } from './validate-sign-in.ts';
import type { SignInErrorKey } from './validate-sign-in.ts';
import '../../styles/forms.css';

// Only people with two-step verification need the second step: it is its own chunk.
const SecondStep = lazy(() => import('./second-step.tsx').then((module) => ({ default: module.SecondStep })));

export type Challenge = Extract<SignInResult, { status: 'mfa-required' }>;

/**
 * React Aria keeps a field's message until the field loses focus. Showing the message
 * for the value as typed instead hides it the moment the value is fixed, so the
 * Sign in button does not jump away from the pointer when the field blurs on click.
 * Messages are translation keys, so they also follow a language switch.
 */
function FieldMessage({ error }: { error: SignInErrorKey | null }) {
  const { t } = useTranslation('signIn');
  // An empty string, not null: null would make FieldError fall back to its own (stale) text.
  return <FieldError className="field__error">{error ? t(error) : ''}</FieldError>;
}

/** Sign-in: email and password (or a passkey), then a second step when the account has one. */
export function SignInPage() {
  const { setMe, setSignOutNotice } = useSession();
  const { navigate } = useRouter();
  const [challenge, setChallenge] = useState<Challenge | null>(null);

  function handleResult(result: SignInResult) {
    if (result.status === 'mfa-required') {
      setChallenge(result);
      return;
    }
    setSignOutNotice(null);
    setMe(result.me);
    navigate(homePathFor(result.me));
  }

  if (challenge) {
    return (
      <Suspense fallback={<SecondStepLoading />}>
        <SecondStep challenge={challenge} onResult={handleResult} onStartOver={() => setChallenge(null)} />
      </Suspense>
    );
  }
  return <PasswordStep onResult={handleResult} />;
}

function SecondStepLoading() {
  const { t } = useTranslation('common');
  return (
    <p role="status" className="notice">
      {t('loadingPage')}
    </p>
  );
}

function PasswordStep({ onResult }: { onResult: (result: SignInResult) => void }) {
  const { t } = useTranslation('signIn');
  const { t: tCommon } = useTranslation('common');
  const { signOutNotice } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [pending, setPending] = useState<'password' | 'passkey' | null>(null);
  // The error itself, not its text: our fallback wording then follows a language switch.
  const [failure, setFailure] = useState<unknown>(null);
  useDocumentTitle(t('title'));

  async function run(kind: 'password' | 'passkey', work: () => Promise<SignInResult>) {
    if (pending) return;
    setPending(kind);
    setFailure(null);
    try {
      onResult(await work());
    } catch (error) {
      setFailure(error);
      setPending(null);
    }
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void run('password', () => signIn({ email: email.trim(), password }));
  }

  // API errors carry the server's words; anything else came from the browser's passkey prompt.
  const passkeyMessage = failure ? passkeyProblem(failure) : null;
  const failureText = passkeyMessage ? t(passkeyMessage) : failure ? errorMessage(failure, tCommon) : null;

  return (
    <div className="sign-in">
      <PageHeading>{t('heading')}</PageHeading>
      {signOutNotice?.kind === 'idle' ? (
        <p role="status" className="notice notice--info">
          {t('signedOut.idle', { count: signOutNotice.minutes })}
        </p>
      ) : null}
      <p className="sign-in__intro">{t('intro')}</p>

      {/* Always in the page, so screen readers announce the message the moment it appears. */}
      <div role="alert" className="form-alert">
        {failureText ? <p className="notice notice--error">{failureText}</p> : null}
      </div>

      <Form className="form" onSubmit={handleSubmit}>
        <TextField
          className="field"
          name="email"
          type="email"
          autoComplete="username"
          isRequired
          value={email}
          onChange={setEmail}
          validate={validateEmail}
        >
          <Label className="field__label">{t('email')}</Label>
          <Input className="field__input" inputMode="email" autoCapitalize="none" spellCheck={false} />
          <FieldMessage error={validateEmail(email)} />
        </TextField>

        <TextField
          className="field"
          name="password"
          type="password"
          autoComplete="current-password"
          isRequired
          value={password}
          onChange={setPassword}
          validate={validatePassword}
        >
          <Label className="field__label">{t('password')}</Label>
          <Input className="field__input" />
          <FieldMessage error={validatePassword(password)} />
        </TextField>

        {/*
          aria-disabled rather than disabled: the button keeps focus while we wait.
          Not React Aria's isPending: its announcement outlives the page and points at
          this button after it is gone, which axe reports on the next page.
        */}
        <Button type="submit" className="button button--primary form__submit" aria-disabled={pending !== null || undefined}>
          {pending === 'password' ? t('submitting') : t('submit')}
        </Button>
        <span role="status" className="visually-hidden">
          {pending === 'password' ? t('submitting') : pending === 'passkey' ? t('passkeyWorking') : ''}
        </span>
        <p>
          <Link href="/forgot-password">{t('forgotPassword')}</Link>
        </p>
      </Form>

      {canUsePasskeys() ? (
        <>
          <p className="divider">{t('or')}</p>
          <button
            type="button"
            className="button button--secondary form__submit"
            aria-disabled={pending !== null || undefined}
            aria-describedby="passkey-hint"
            onClick={() => void run('passkey', () => signInWithPasskey())}
          >
            {pending === 'passkey' ? t('passkeyWorking') : t('passkeyButton')}
          </button>
          <p id="passkey-hint" className="field__hint">
            {t('passkeyHint')}
          </p>
        </>
      ) : null}

      <section aria-labelledby="new-here" className="sign-in__new">
        <h2 id="new-here" className="sign-in__subheading">
          {t('newHere')}
        </h2>
        <ul className="form-links">
          <li>
            <Link href="/activate">{t('activateLink')}</Link>
          </li>
          <li>
            <Link href="/sign-up">{t('signUpLink')}</Link>
          </li>
        </ul>
      </section>
    </div>
  );
}
