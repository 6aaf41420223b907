import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../router/router.tsx';
import { useSession } from '../session/session-context.tsx';
import { LanguageSwitch } from './language-switch.tsx';
import { SignOutButton } from './sign-out-button.tsx';

/** Skip link, header and the one `<main>` every page renders into. */
export function AppShell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { me } = useSession();

  return (
    <>
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
            {me ? <SignOutButton /> : null}
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="page">
        {children}
      </main>
    </>
  );
}
