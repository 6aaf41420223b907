import './words.ts';
import { useCallback, useEffect, useState } from 'react';
import type { AccountSecurity } from '@ourchart/contracts';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../session/session-context.tsx';
import { PageHeading } from '../../shell/page-heading.tsx';
import { useDocumentTitle } from '../../shell/use-document-title.ts';
import { LoadFailed, Loading } from './status-notices.tsx';
import { getMe } from '../../api/endpoints.ts';
import { getSecurity } from './account-api.ts';
import { DevicesSection } from './devices-section.tsx';
import { EmailSection } from './email-section.tsx';
import { PasskeysSection } from './passkeys-section.tsx';
import { PasswordSection } from './password-section.tsx';
import { RecoveryCodesView } from './recovery-codes.tsx';
import { RecoverySection } from './recovery-section.tsx';
import { TwoStepSection } from './two-step-section.tsx';
import { useSignedIn } from './use-signed-in.ts';

type Loaded = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; data: AccountSecurity };

/** /account/security: second factors, recovery codes, password, email and signed-in devices. */
export function SecurityPage() {
  const { t } = useTranslation('account');
  const { setMe } = useSession();
  const { me, onApiError } = useSignedIn();
  const [security, setSecurity] = useState<Loaded>({ status: 'loading' });
  const [newCodes, setNewCodes] = useState<string[] | null>(null);
  useDocumentTitle(t('security.title'));

  // Keeps showing the sections while fresh numbers load, so focus and messages stay put.
  const refresh = useCallback(() => {
    getSecurity().then(
      (data) => setSecurity({ status: 'ready', data }),
      (error: unknown) => {
        onApiError(error);
        setSecurity((old) => (old.status === 'ready' ? old : { status: 'error', error }));
      },
    );
  }, [onApiError]);

  // After a change the session's copy of the user (mfaEnabled, mfaEnrollmentNeeded) is stale too.
  const refreshAll = useCallback(() => {
    refresh();
    getMe().then(setMe, onApiError);
  }, [refresh, setMe, onApiError]);

  const userId = me?.id;
  useEffect(() => {
    if (userId) refresh();
  }, [userId, refresh]);

  if (!me) {
    return <Loading text={t('security.loading')} />;
  }

  const heading = <PageHeading>{t('security.heading')}</PageHeading>;
  if (security.status !== 'ready') {
    return (
      <>
        {heading}
        {security.status === 'loading' ? (
          <Loading text={t('security.loading')} />
        ) : (
          <LoadFailed error={security.error} onRetry={refresh} />
        )}
      </>
    );
  }

  const data = security.data;
  const hasSecondFactor = data.totp || data.passkeys.length > 0;
  if (newCodes) {
    return (
      <>
        {heading}
        <RecoveryCodesView
          codes={newCodes}
          onDone={() => {
            setNewCodes(null);
            refreshAll();
          }}
        />
      </>
    );
  }

  return (
    <>
      {heading}
      {data.mfaEnrollmentNeeded ? (
        <div className="notice notice--warning" role="note">
          <p className="strong">{t('security.enrollBannerTitle')}</p>
          <p>{t('security.enrollBanner')}</p>
        </div>
      ) : null}
      <p className="page__intro">{t('security.intro')}</p>
      <div className="cards">
        <TwoStepSection security={data} onChanged={refreshAll} onRecoveryCodes={setNewCodes} onApiError={onApiError} />
        <PasskeysSection
          passkeys={data.passkeys}
          onChanged={refreshAll}
          onRecoveryCodes={setNewCodes}
          onApiError={onApiError}
        />
        <RecoverySection
          codesLeft={data.recoveryCodesLeft}
          hasSecondFactor={hasSecondFactor}
          onRecoveryCodes={setNewCodes}
          onApiError={onApiError}
        />
        <PasswordSection email={data.email} onApiError={onApiError} />
        <EmailSection
          email={data.email}
          onApiError={onApiError}
          onChanged={(updated) => {
            setMe(updated);
            refresh();
          }}
        />
        <DevicesSection onApiError={onApiError} />
      </div>
    </>
  );
}
