import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { confirmTotp, startTotp } from './account-api.ts';
import type { TotpStart } from './account-api.ts';
import { FormAlert, SubmitButton, TextInput, useSubmit } from './fields.tsx';
import { digitsOnly, groupSecret, isSixDigitCode, svgDataUrl } from './group-secret.ts';

type TotpSetupProps = {
  /** Called with the recovery codes (empty when the account already had some). */
  onConfirmed: (recoveryCodes: string[]) => void;
  onCancel: () => void;
  onApiError: (error: unknown) => void;
};

/** Set up an authenticator app: scan (or type) the key, then prove it works with one code. */
export function TotpSetup({ onConfirmed, onCancel, onApiError }: TotpSetupProps) {
  const { t } = useTranslation('account');
  const [start, setStart] = useState<TotpStart | null>(null);
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState(false);
  const starting = useSubmit(onApiError);
  const confirming = useSubmit(onApiError);
  const stepRef = useRef<HTMLHeadingElement>(null);
  const codeRef = useRef<HTMLInputElement>(null);
  const { run: runStart } = starting;

  useEffect(() => {
    void runStart(startTotp).then((result) => {
      if (result.ok) setStart(result.value);
    });
  }, [runStart]);

  useEffect(() => {
    if (start) stepRef.current?.focus();
  }, [start]);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (confirming.isPending) return;
    if (!isSixDigitCode(code)) {
      setCodeError(true);
      codeRef.current?.focus();
      return;
    }
    setCodeError(false);
    const result = await confirming.run(() => confirmTotp(digitsOnly(code)));
    if (result.ok) onConfirmed(result.value.recoveryCodes);
    else codeRef.current?.focus();
  }

  if (!start) {
    return (
      <div className="inline-form">
        {starting.isPending ? <p role="status">{t('working')}</p> : null}
        <FormAlert message={starting.failureText} />
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    );
  }

  const error = codeError ? t('errors.codeFormat') : null;
  return (
    <div className="inline-form">
      <h3 ref={stepRef} tabIndex={-1} className="card__subtitle">
        {t('totp.step1')}
      </h3>
      <p>{t('totp.scan')}</p>
      <img className="qr" src={svgDataUrl(start.qrSvg)} alt={t('totp.qrAlt')} width={200} height={200} />
      <p>{t('totp.typeInstead')}</p>
      {/* Real spaces between the groups, so screen readers and copy-paste get them too. */}
      <p>
        <code className="secret">{groupSecret(start.secret).join(' ')}</code>
      </p>
      <form className="inline-form" onSubmit={(event) => void handleSubmit(event)} noValidate>
        <h3 className="card__subtitle">{t('totp.step2')}</h3>
        <FormAlert message={error ?? confirming.failureText} />
        <TextInput
          label={t('totp.codeLabel')}
          description={t('totp.codeHint')}
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={9}
          isRequired
          value={code}
          onChange={setCode}
          error={error}
          inputRef={codeRef}
          className="field--short"
        />
        <div className="actions">
          <SubmitButton isPending={confirming.isPending} label={t('totp.confirm')} pendingLabel={t('working')} />
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {t('cancel')}
          </button>
        </div>
      </form>
    </div>
  );
}
