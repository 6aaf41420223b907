import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../router/router.tsx';
import { LiveEventsProvider } from '../features/notifications/live-events.tsx';
import { NotificationsLink } from '../features/notifications/notifications-link.tsx';
import { RecordBanner, RecordSwitcher } from '../features/proxies/record-switcher.tsx';
import { IdleTimeout } from '../session/idle-timeout.tsx';
import { useSession } from '../session/session-context.tsx';
import { LanguageSwitch } from './language-switch.tsx';
import { MainNav } from './main-nav.tsx';
import { SignOutButton } from './sign-out-button.tsx';

/** Skip link, header with the signed-in menu, and the one `<main>` every page renders into. */
export function AppShell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { me } = useSession();

  return (
    <LiveEventsProvider userId={me?.id ?? null}>
      <a className="skip-link" href="#main">
        {t('skipLink')}
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <Link href="/" className="site-header__brand">
            {t('productName')}
          </Link>
          <div className="site-header__actions">
            <LanguageSwitch />
            {me ? <NotificationsLink /> : null}
            {me ? <SignOutButton /> : null}
          </div>
          {me ? <RecordSwitcher /> : null}
          {me ? <MainNav me={me} /> : null}
        </div>
      </header>
      <main id="main" tabIndex={-1} className="page">
        {me?.mfaEnrollmentNeeded ? <MfaGateNotice /> : null}
        {me ? <RecordBanner /> : null}
        {children}
      </main>
      <IdleTimeout />
    </LiveEventsProvider>
  );
}

/**
 * Staff without a second factor can only reach Account security. An alert, because it appears
 * above the page heading that takes focus, and would otherwise be skipped by screen readers.
 */
function MfaGateNotice() {
  const { t } = useTranslation();
  return (
    <div role="alert" className="notice notice--info">
      <p>
        <strong>{t('mfaGate.heading')}</strong>
      </p>
      <p>{t('mfaGate.body')}</p>
    </div>
  );
}
