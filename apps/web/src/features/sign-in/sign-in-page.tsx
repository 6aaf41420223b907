import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
// One import per component keeps the rest of react-aria-components out of the bundle.
import { Button } from 'react-aria-components/Button';
import { FieldError } from 'react-aria-components/FieldError';
import { Form } from 'react-aria-components/Form';
import { Input } from 'react-aria-components/Input';
import { Label } from 'react-aria-components/Label';
import { TextField } from 'react-aria-components/TextField';
import { errorMessage } from '../../api/error-message.ts';
import { signIn } from '../../api/endpoints.ts';
import { useRouter } from '../../router/router.tsx';
import { useSession } from '../../session/session-context.tsx';
import { PageHeading } from '../../shell/page-heading.tsx';
import { useDocumentTitle } from '../../shell/use-document-title.ts';
import { validateEmail, validatePassword } from './validate-sign-in.ts';
import type { SignInErrorKey } from './validate-sign-in.ts';
import '../../styles/forms.css';

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

export function SignInPage() {
  const { t } = useTranslation('signIn');
  const { t: tCommon } = useTranslation('common');
  const { setMe } = useSession();
  const { navigate } = useRouter();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [isPending, setPending] = useState(false);
  // The error itself, not its text: our fallback wording then follows a language switch.
  const [failure, setFailure] = useState<unknown>(null);
  useDocumentTitle(t('title'));

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isPending) return;
    setPending(true);
    setFailure(null);
    try {
      const { me } = await signIn({ email: email.trim(), password });
      setMe(me);
      navigate('/');
    } catch (error) {
      setFailure(error);
      setPending(false);
    }
  }

  return (
    <div className="sign-in">
      <PageHeading>{t('heading')}</PageHeading>
      <p className="sign-in__intro">{t('intro')}</p>

      {/* Always in the page, so screen readers announce the message the moment it appears. */}
      <div role="alert" className="form-alert">
        {failure ? <p className="notice notice--error">{errorMessage(failure, tCommon)}</p> : null}
      </div>

      <Form className="form" onSubmit={(event) => void handleSubmit(event)}>
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
        <Button type="submit" className="button button--primary form__submit" aria-disabled={isPending || undefined}>
          {isPending ? t('submitting') : t('submit')}
        </Button>
        <span role="status" className="visually-hidden">
          {isPending ? t('submitting') : ''}
        </span>
      </Form>
    </div>
  );
}
