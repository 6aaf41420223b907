import { useRef, useState } from 'react';
import type { AccountSecurity } from '@ourchart/contracts';
import { useTranslation } from 'react-i18next';
import { removeTotp, setEmailCodes } from './account-api.ts';
import { ConfirmPassword } from './confirm-password.tsx';
import { FormStatus } from './fields.tsx';
import { Section } from './section.tsx';
import { TotpSetup } from './totp-setup.tsx';

type TwoStepSectionProps = {
  security: AccountSecurity;
  onChanged: () => void;
  onRecoveryCodes: (codes: string[]) => void;
  onApiError: (error: unknown) => void;
};

type Mode = 'idle' | 'setup' | 'remove' | 'email';

/** The authenticator app, and emailed codes as the second step for people without one. */
export function TwoStepSection({ security, onChanged, onRecoveryCodes, onApiError }: TwoStepSectionProps) {
  const { t } = useTranslation('account');
  const [mode, setMode] = useState<Mode>('idle');
  const [done, setDone] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  // The form that had focus is gone; start again from this part's heading.
  const finish = (message: string | null) => {
    setMode('idle');
    setDone(message);
    onChanged();
    headingRef.current?.focus();
  };
  const cancel = () => {
    setMode('idle');
    headingRef.current?.focus();
  };

  return (
    <Section title={t('twoStep.title')} headingRef={headingRef}>
      <p>{t('twoStep.intro')}</p>
      <FormStatus message={done} />

      <h3 className="card__subtitle">{t('totp.title')}</h3>
      <p>{security.totp ? t('totp.on') : t('totp.off')}</p>
      {mode === 'setup' ? (
        <TotpSetup
          onApiError={onApiError}
          onCancel={cancel}
          onConfirmed={(codes) => {
            finish(t('totp.added'));
            if (codes.length > 0) onRecoveryCodes(codes);
          }}
        />
      ) : mode === 'remove' ? (
        <ConfirmPassword
          intro={t('totp.removeIntro')}
          submitLabel={t('totp.remove')}
          onApiError={onApiError}
          onCancel={cancel}
          onConfirm={async (password) => {
            await removeTotp(password);
            finish(t('totp.removed'));
          }}
        />
      ) : security.totp ? (
        <button type="button" className="button button--secondary" onClick={() => { setDone(null); setMode('remove'); }}>
          {t('totp.remove')}
        </button>
      ) : (
        <button type="button" className="button button--primary" onClick={() => { setDone(null); setMode('setup'); }}>
          {t('totp.setUp')}
        </button>
      )}

      <h3 className="card__subtitle">{t('emailCodes.title')}</h3>
      <p>{t('emailCodes.backup', { email: security.email })}</p>
      <p>{security.emailCodes ? t('emailCodes.on') : t('emailCodes.off')}</p>
      {mode === 'email' ? (
        <ConfirmPassword
          intro={security.emailCodes ? t('emailCodes.turnOffIntro') : t('emailCodes.turnOnIntro')}
          submitLabel={security.emailCodes ? t('emailCodes.turnOff') : t('emailCodes.turnOn')}
          onApiError={onApiError}
          onCancel={cancel}
          onConfirm={async (password) => {
            await setEmailCodes(!security.emailCodes, password);
            finish(security.emailCodes ? t('emailCodes.turnedOff') : t('emailCodes.turnedOn'));
          }}
        />
      ) : (
        <button type="button" className="button button--secondary" onClick={() => { setDone(null); setMode('email'); }}>
          {security.emailCodes ? t('emailCodes.turnOff') : t('emailCodes.turnOn')}
        </button>
      )}
    </Section>
  );
}
