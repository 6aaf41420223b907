import { useTranslation } from 'react-i18next';
import { Link, useRouter } from '../../router/router.tsx';
import { useUnreadCount } from './live-events.tsx';
import '../../styles/notifications.css';

/**
 * "Notifications" in the header, with the unread count as a badge. Screen readers hear
 * "Notifications, 3 unread" (the badge digits are hidden from them). The count comes live from the
 * event stream, so it changes without a reload.
 */
export function NotificationsLink() {
  const { t } = useTranslation('common');
  const { path } = useRouter();
  const { unread } = useUnreadCount();
  // The name is one string ("Notifications, 3 unread"): pieces in separate elements are joined
  // differently by different screen readers. It starts with the visible words (WCAG 2.5.3).
  const name = unread ? `${t('nav.notifications')}${t('nav.notificationsUnread', { count: unread })}` : undefined;
  return (
    <Link href="/notifications" className="notifications-link" aria-label={name} aria-current={path === '/notifications' ? 'page' : undefined}>
      {t('nav.notifications')}
      {unread ? (
        <span className="notifications-link__badge" aria-hidden="true">
          {unread > 99 ? '99+' : unread}
        </span>
      ) : null}
    </Link>
  );
}
