import './words.ts';
import { useTranslation } from 'react-i18next';
import { Link, useRouter } from '../../router/router.tsx';
import '../../styles/billing.css';

const TABS = [
  { href: '/staff/billing', label: 'tabs.payments' },
  { href: '/staff/billing/insurance', label: 'tabs.insurance' },
  { href: '/staff/billing/assistance', label: 'tabs.assistance' },
] as const;

/**
 * The billing office's three work lists as plain links (not ARIA tabs: each is its own page, so
 * links work with Tab, screen-reader link lists and the back button). The current one carries
 * aria-current="page".
 */
export function StaffBillingTabs() {
  const { t } = useTranslation('staffBilling');
  const { path } = useRouter();
  return (
    <nav aria-label={t('tabs.label')} className="billing-tabs">
      <ul className="billing-tabs__list">
        {TABS.map((tab) => (
          <li key={tab.href}>
            <Link className="button button--secondary" href={tab.href} aria-current={path === tab.href ? 'page' : undefined}>
              {t(tab.label)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
