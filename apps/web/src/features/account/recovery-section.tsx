import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { newRecoveryCodes } from './account-api.ts';
import { ConfirmPassword } from './confirm-password.tsx';
import { Section } from './section.tsx';

type RecoverySectionProps = {
  codesLeft: number;
  hasSecondFactor: boolean;
  onRecoveryCodes: (codes: string[]) => void;
  onApiError: (error: unknown) => void;
};

/** How many one-time recovery codes are left, and a way to replace them all. */
export function RecoverySection({ codesLeft, hasSecondFactor, onRecoveryCodes, onApiError }: RecoverySectionProps) {
  const { t } = useTranslation('account');
  const [asking, setAsking] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);

  return (
    <Section title={t('recovery.title')} headingRef={headingRef}>
      <p>{t('recovery.intro')}</p>
      {hasSecondFactor ? (
        <p className={codesLeft <= 2 ? 'strong' : undefined}>{t('recovery.left', { count: codesLeft })}</p>
      ) : (
        <p>{t('recovery.afterSetup')}</p>
      )}
      {!hasSecondFactor ? null : asking ? (
        <ConfirmPassword
          intro={t('recovery.makeNewIntro')}
          submitLabel={t('recovery.makeNew')}
          onApiError={onApiError}
          onCancel={() => {
            setAsking(false);
            headingRef.current?.focus();
          }}
          onConfirm={async (password) => {
            const { recoveryCodes } = await newRecoveryCodes(password);
            setAsking(false);
            onRecoveryCodes(recoveryCodes);
          }}
        />
      ) : (
        <button type="button" className="button button--secondary" onClick={() => setAsking(true)}>
          {t('recovery.makeNew')}
        </button>
      )}
    </Section>
  );
}
