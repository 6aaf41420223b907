import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MfaMethod, SignInResult } from '@ourchart/contracts';
import { sendSignInCode, verifySignInCode } from '../../api/auth-endpoints.ts';
import { errorMessage } from '../../api/error-message.ts';
import { FormAlert, FormStatus, SubmitButton, TextInput } from '../../components/form-parts.tsx';
import { useRequest } from '../../components/use-request.ts';
import { codeProblem, normaliseCode, sixDigitProblem } from '../../components/validate.ts';
import { PageHeading } from '../../shell/page-heading.tsx';
import { useDocumentTitle } from '../../shell/use-document-title.ts';
import { canUsePasskeys, passkeyProblem, signInWithPasskey } from './passkey-sign-in.ts';
import type { Challenge } from './sign-in-page.tsx';

type SecondStepProps = {
  challenge: Challenge;
  onResult: (result: SignInResult) => void;
  onStartOver: () => void;
};

/**
 * The second sign-in step: the account's best method first (the server lists them best first),
 * with the others one click away. Email codes are always offered, for people without a phone app.
 */
export function SecondStep({ challenge, onResult, onStartOver }: SecondStepProps) {
  const { t } = useTranslation('signIn');
  const methods = challenge.methods.filter((method) => method !== 'passkey' || canUsePasskeys());
  const [method, setMethod] = useState<MfaMethod>(methods[0] ?? 'email');
  const [hasSwitched, setSwitched] = useState(false);
  useDocumentTitle(t('mfa.title'));

  function choose(next: MfaMethod) {
    setMethod(next);
    setSwitched(true);
  }

  const panelProps = { challenge, onResult, focusHeading: hasSwitched };
  return (
    <div className="sign-in">
      <PageHeading focusOnMount>{t('mfa.heading')}</PageHeading>
      <p className="sign-in__intro">{t('mfa.intro')}</p>

      {/* Keyed by method so each starts empty, and its heading takes focus after a switch. */}
      {method === 'totp' ? <CodePanel key="totp" method="totp" {...panelProps} /> : null}
      {method === 'recovery' ? <CodePanel key="recovery" method="recovery" {...panelProps} /> : null}
      {method === 'email' ? <EmailPanel key="email" {...panelProps} /> : null}
      {method === 'passkey' ? <PasskeyPanel key="passkey" {...panelProps} /> : null}

      {methods.length > 1 ? (
        <section aria-labelledby="other-ways" className="sign-in__new">
          <h2 id="other-ways" className="sign-in__subheading">
            {t('mfa.otherWays')}
          </h2>
          <ul className="form-links">
            {methods
              .filter((other) => other !== method)
              .map((other) => (
                <li key={other}>
                  <button type="button" className="link-button" onClick={() => choose(other)}>
                    {t(`mfa.${other}.choose`)}
                  </button>
                </li>
              ))}
          </ul>
        </section>
      ) : null}
      <p>
        <button type="button" className="link-button" onClick={onStartOver}>
          {t('mfa.startOver')}
        </button>
      </p>
    </div>
  );
}

type PanelProps = {
  challenge: Challenge;
  onResult: (result: SignInResult) => void;
  /** True after the person chose another method: the new panel's heading takes focus. */
  focusHeading: boolean;
};

function PanelHeading({ id, text, focus }: { id: string; text: string; focus: boolean }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
    // Only when the panel first appears.
  }, []);
  return (
    <h2 id={id} ref={ref} tabIndex={-1} className="sign-in__subheading">
      {text}
    </h2>
  );
}

type CodeFormProps = PanelProps & {
  method: 'totp' | 'email' | 'recovery';
  label: string;
  hint?: string;
};

/** The code box and Confirm button shared by app, email and recovery codes. */
function CodeForm({ challenge, onResult, method, label, hint }: CodeFormProps) {
  const { t } = useTranslation('signIn');
  const { t: tCommon } = useTranslation('common');
  const { t: tForms } = useTranslation('forms');
  const [code, setCode] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const request = useRequest();
  const inputRef = useRef<HTMLInputElement>(null);
  const isSixDigits = method !== 'recovery';

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const key = isSixDigits ? sixDigitProblem(code) : codeProblem(code);
    setProblem(key ? tForms(key) : null);
    if (key) {
      inputRef.current?.focus();
      return;
    }
    const value = isSixDigits ? normaliseCode(code) : code.trim();
    const result = await request.run(() => verifySignInCode({ challengeId: challenge.challengeId, method, code: value }));
    if (result) onResult(result);
    else inputRef.current?.select();
  }

  return (
    <form className="form" noValidate onSubmit={(event) => void handleSubmit(event)}>
      <FormAlert message={request.failure ? errorMessage(request.failure, tCommon) : problem} />
      <TextInput
        label={label}
        description={hint}
        name={isSixDigits ? 'one-time-code' : 'recovery-code'}
        value={code}
        onChange={setCode}
        error={problem}
        isRequired
        inputRef={inputRef}
        autoComplete={isSixDigits ? 'one-time-code' : 'off'}
        inputMode={isSixDigits ? 'numeric' : 'text'}
        autoCapitalize="none"
        maxLength={isSixDigits ? 9 : 32}
      />
      <SubmitButton isPending={request.isPending} label={t('mfa.submit')} pendingLabel={t('mfa.submitting')} />
    </form>
  );
}

function CodePanel(props: PanelProps & { method: 'totp' | 'recovery' }) {
  const { t } = useTranslation('signIn');
  const id = `panel-${props.method}`;
  return (
    <div className="sign-in__panel">
      <PanelHeading id={id} text={t(`mfa.${props.method}.heading`)} focus={props.focusHeading} />
      <CodeForm {...props} label={t(`mfa.${props.method}.label`)} hint={t(`mfa.${props.method}.hint`)} />
    </div>
  );
}

function EmailPanel(props: PanelProps) {
  const { t } = useTranslation('signIn');
  const { t: tCommon } = useTranslation('common');
  const [hasSent, setSent] = useState(false);
  // Cleared while sending, so a second "we sent a code" is a change that screen readers announce.
  const [isSentShown, setSentShown] = useState(false);
  const request = useRequest();
  const email = props.challenge.maskedEmail;

  async function send() {
    setSentShown(false);
    const sent = await request.run(async () => {
      await sendSignInCode(props.challenge.challengeId);
      return true;
    });
    if (sent) {
      setSent(true);
      setSentShown(true);
    }
  }

  return (
    <div className="sign-in__panel">
      <PanelHeading id="panel-email" text={t('mfa.email.heading')} focus={props.focusHeading} />
      <FormAlert message={request.failure ? errorMessage(request.failure, tCommon) : null} />
      <FormStatus message={isSentShown ? t('mfa.email.sent', { email }) : null} />
      {!hasSent ? (
        <>
          <p>{t('mfa.email.intro', { email })}</p>
          <button
            type="button"
            className="button button--primary form__submit"
            aria-disabled={request.isPending || undefined}
            onClick={() => void send()}
          >
            {request.isPending ? t('mfa.email.sending') : t('mfa.email.send')}
          </button>
        </>
      ) : (
        <>
          <CodeForm {...props} method="email" label={t('mfa.email.label')} />
          <p>
            <button type="button" className="link-button" aria-disabled={request.isPending || undefined} onClick={() => void send()}>
              {request.isPending ? t('mfa.email.sending') : t('mfa.email.resend')}
            </button>
          </p>
        </>
      )}
    </div>
  );
}

function PasskeyPanel({ challenge, onResult, focusHeading }: PanelProps) {
  const { t } = useTranslation('signIn');
  const { t: tCommon } = useTranslation('common');
  const request = useRequest();

  async function confirmWithPasskey() {
    const result = await request.run(() => signInWithPasskey(challenge.challengeId));
    if (result) onResult(result);
  }

  const problem = request.failure ? passkeyProblem(request.failure) : null;
  const failureText = problem ? t(problem) : request.failure ? errorMessage(request.failure, tCommon) : null;
  return (
    <div className="sign-in__panel">
      <PanelHeading id="panel-passkey" text={t('mfa.passkey.heading')} focus={focusHeading} />
      <FormAlert message={failureText} />
      <p>{t('mfa.passkey.intro')}</p>
      <button
        type="button"
        className="button button--primary form__submit"
        aria-disabled={request.isPending || undefined}
        onClick={() => void confirmWithPasskey()}
      >
        {request.isPending ? t('passkeyWorking') : t('mfa.passkey.button')}
      </button>
    </div>
  );
}
