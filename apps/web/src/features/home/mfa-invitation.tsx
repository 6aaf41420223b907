import { useState } from 'react';
import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../../router/router.tsx';

const storageKey = (userId: string) => `ourchart.mfaInvite.dismissed.${userId}`;

function wasDismissed(userId: string): boolean {
  try {
    return localStorage.getItem(storageKey(userId)) === '1';
  } catch {
    return false;
  }
}

/**
 * Invites a patient without two-step verification to add it. "Not now" hides it on this
 * device for this account; focus then moves to `focusAfter` so it is not lost with the button.
 */
export function MfaInvitation({ userId, focusAfter }: { userId: string; focusAfter: RefObject<HTMLElement | null> }) {
  const { t } = useTranslation('home');
  const [isDismissed, setDismissed] = useState(() => wasDismissed(userId));

  if (isDismissed) return null;

  function dismiss() {
    try {
      localStorage.setItem(storageKey(userId), '1');
    } catch {
      // Not remembered across visits; it is still hidden for now.
    }
    setDismissed(true);
    // The button is gone: keep focus where the reader was, not at the top of the page.
    requestAnimationFrame(() => focusAfter.current?.focus());
  }

  return (
    <section className="notice notice--info invitation" aria-labelledby="mfa-invite-heading">
      <h2 id="mfa-invite-heading" className="notice__title">
        {t('mfaInvite.heading')}
      </h2>
      <p>{t('mfaInvite.body')}</p>
      <div className="invitation__actions">
        <Link href="/account/security" className="button button--primary">
          {t('mfaInvite.link')}
        </Link>
        <button type="button" className="button button--secondary" onClick={dismiss}>
          {t('mfaInvite.dismiss')}
        </button>
      </div>
    </section>
  );
}
