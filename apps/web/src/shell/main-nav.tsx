import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '@ourchart/contracts';
import { Link, useRouter } from '../router/router.tsx';
import { usePatientContext } from '../session/patient-context.tsx';
import { navItemsFor } from './nav-items.ts';

/**
 * The signed-in menu: plain links in a <nav>, the current page marked with aria-current.
 * On narrow screens the list folds behind a "Menu" button (a disclosure, not an ARIA menu,
 * so it works like ordinary links with Tab and screen-reader link lists).
 */
export function MainNav({ me }: { me: Me }) {
  const { t } = useTranslation('common');
  const { path } = useRouter();
  const { features } = usePatientContext();
  const [isOpen, setOpen] = useState(false);
  const listId = useId();

  // Fold the menu again after choosing a page.
  useEffect(() => setOpen(false), [path]);

  return (
    <nav aria-label={t('nav.label')} className="main-nav">
      <button
        type="button"
        className="button button--secondary main-nav__toggle"
        aria-expanded={isOpen}
        aria-controls={listId}
        onClick={() => setOpen((open) => !open)}
      >
        {t('nav.menu')}
      </button>
      <ul id={listId} className="main-nav__list" data-open={isOpen || undefined}>
        {navItemsFor(me.role, { mailOutbox: me.mailOutbox, features }).map((item) => (
          <li key={item.href}>
            <Link href={item.href} className="main-nav__link" aria-current={path === item.href ? 'page' : undefined}>
              {t(item.label)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
