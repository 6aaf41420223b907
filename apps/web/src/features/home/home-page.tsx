import { useCallback, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '@ourchart/contracts';
import { ApiError } from '../../api/client.ts';
import { Link, useRouter } from '../../router/router.tsx';
import { usePatientContext } from '../../session/patient-context.tsx';
import { useSession } from '../../session/session-context.tsx';
import { featureForPath, homePathFor, navItemsFor } from '../../shell/nav-items.ts';
import { PageHeading } from '../../shell/page-heading.tsx';
import { useDocumentTitle } from '../../shell/use-document-title.ts';
import { AttentionSection } from './attention-section.tsx';
import { HealthSummaryView } from './health-summary.tsx';
import { MfaInvitation } from './mfa-invitation.tsx';
import '../../styles/summary.css';

/** The patient's home. RequireSession (app.tsx) has already made sure someone is signed in. */
export function HomePage() {
  const { me } = useSession();
  return me ? <Home me={me} /> : null;
}

function Home({ me }: { me: Me }) {
  const { t } = useTranslation('home');
  const { setMe } = useSession();
  const { navigate } = useRouter();
  const introRef = useRef<HTMLParagraphElement>(null);
  const { current, isProxyView } = usePatientContext();
  useDocumentTitle(t('title'));

  // Care teams start on the patient list; "/" is the patient's own page.
  const ownHome = homePathFor(me);
  useEffect(() => {
    if (ownHome !== '/') navigate(ownHome, { replace: true });
  }, [ownHome, navigate]);

  const handleError = useCallback(
    (error: unknown) => {
      // The session ended: forget the user, which sends them to sign in.
      if (error instanceof ApiError && error.status === 401) setMe(null);
    },
    [setMe],
  );

  if (ownHome !== '/') return null;
  if (isProxyView && current) return <ProxyHome name={current.name} features={current.features} onError={handleError} />;

  return (
    <>
      <PageHeading>{t('greeting', { name: me.displayName || me.patient?.name })}</PageHeading>
      {me.accountStatus === 'pending-verification' ? (
        <PendingVerification />
      ) : me.patient ? (
        <>
          {me.mfaEnabled ? null : <MfaInvitation userId={me.id} focusAfter={introRef} />}
          <p ref={introRef} tabIndex={-1} className="page__intro">
            {t('intro')}
          </p>
          <AttentionSection />
          <HealthSummaryView onError={handleError} />
        </>
      ) : (
        <p className="notice">{t('noRecord')}</p>
      )}
    </>
  );
}

/**
 * The home page of someone else's record (issue 7): whose record it is, and only what the access
 * includes: the summary with the full record, else links to the parts they may use.
 */
function ProxyHome({ name, features, onError }: { name: string; features: Me['patients'][number]['features']; onError: (error: unknown) => void }) {
  const { t } = useTranslation('home');
  const tc = useTranslation('common').t;
  const parts = navItemsFor('patient', { features }).filter((item) => featureForPath(item.href) !== null);
  return (
    <>
      <PageHeading>{t('proxyGreeting', { name })}</PageHeading>
      {parts.length === 0 ? (
        <p className="notice">{t('proxyNothing', { name })}</p>
      ) : (
        <>
          <p className="page__intro">{t('proxyIntro', { name })}</p>
          <ul>
            {parts.map((item) => (
              <li key={item.href}>
                <Link href={item.href}>{tc(item.label)}</Link>
              </li>
            ))}
          </ul>
        </>
      )}
      {features.includes('record') ? <HealthSummaryView onError={onError} /> : null}
    </>
  );
}

/** A self-signup whose details did not match one record: nothing to show until the clinic links it. */
function PendingVerification() {
  const { t } = useTranslation('home');
  return (
    <section className="notice notice--info" aria-labelledby="pending-heading">
      <h2 id="pending-heading" className="notice__title">
        {t('pending.heading')}
      </h2>
      <p>{t('pending.body')}</p>
      <p>{t('pending.next')}</p>
    </section>
  );
}
