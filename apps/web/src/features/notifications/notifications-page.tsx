import './words.ts';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NotificationItem, NotificationList } from '@ourchart/contracts';
import { errorMessage } from '../../api/error-message.ts';
import { useRequest } from '../../components/use-request.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { Link } from '../../router/router.tsx';
import { PageHeading } from '../../shell/page-heading.tsx';
import { useDocumentTitle } from '../../shell/use-document-title.ts';
import { LoadFailed, Loading } from '../account/status-notices.tsx';
import { useSignedIn } from '../account/use-signed-in.ts';
import { useLiveEvents, useUnreadCount } from './live-events.tsx';
import { notificationHref } from './notification-links.ts';
import { getNotifications, markRead } from './notifications-api.ts';
import '../../styles/notifications.css';

/**
 * /notifications: everything that is new, newest first, in plain words (each kind in both
 * languages), each a link to the item's page. Opening one marks it read; "Mark all as read" reads
 * all. New notifications appear live (the app's event stream).
 */
export function NotificationsPage() {
  const { t } = useTranslation('notifications');
  const { t: tc } = useTranslation('common');
  const { me, onApiError } = useSignedIn();
  const { setUnread } = useUnreadCount();
  useDocumentTitle(t('title'));
  const [list, setList] = useState<NotificationList | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [status, setStatus] = useState<string | null>(null);
  const request = useRequest();

  const load = useCallback(() => {
    setLoadError(null);
    getNotifications().then(
      (data) => {
        setList(data);
        setUnread(data.unread);
      },
      (error: unknown) => {
        setLoadError(error);
        onApiError(error);
      },
    );
  }, [onApiError, setUnread]);
  useEffect(load, [load]);
  // A new one is added from the event itself, without asking the server: a reload would count as
  // activity and keep an idle session alive while notifications keep coming.
  useLiveEvents({ type: 'notification' }, (event) => {
    if (event.type !== 'notification') return;
    const { id, kind, patientId, entityType, entityId, unread } = event;
    const item: NotificationItem = { id, kind, patientId, entityType, entityId, createdAt: new Date().toISOString(), readAt: null };
    setList((current) =>
      current && {
        unread,
        items: [item, ...current.items.filter((n) => n.id !== id && !(n.kind === kind && n.entityType === entityType && n.entityId === entityId))],
      },
    );
  });
  useLiveEvents({ type: 'unread' }, (event) => {
    if (event.type === 'unread' && event.unread === 0) setList((current) => current && { unread: 0, items: current.items.map((n) => (n.readAt ? n : { ...n, readAt: new Date().toISOString() })) });
  });

  const markAll = async () => {
    setStatus(null);
    const answer = await request.run(() => markRead());
    if (answer) {
      setList(answer);
      setUnread(answer.unread);
      setStatus(t('allRead'));
    }
  };
  useEffect(() => {
    if (request.failure) onApiError(request.failure);
  }, [request.failure, onApiError]);

  const open = (item: NotificationItem) => {
    if (item.readAt) return;
    // The page changes at once; the read mark follows in the background.
    void markRead([item.id]).then((answer) => setUnread(answer.unread), () => undefined);
  };

  const names = new Map((me?.patients ?? []).map((p) => [p.id, p.name]));
  const ownPatientId = me?.patient?.id ?? null;
  const when = new Intl.DateTimeFormat(currentLanguage(), { dateStyle: 'medium', timeStyle: 'short' });

  return (
    <>
      <PageHeading>{t('title')}</PageHeading>
      <p>{t('intro')}</p>
      <p>
        <Link href="/account/notifications">{t('settingsLink')}</Link>
      </p>
      {!list && !loadError ? <Loading text={t('loading')} /> : null}
      {loadError ? <LoadFailed error={loadError} onRetry={load} /> : null}
      {list ? (
        <section aria-labelledby="notifications-count" className="notifications">
          <div className="notifications__bar">
            <p id="notifications-count" className="strong">
              {list.unread > 0 ? t('unreadCount', { count: list.unread }) : t('allReadCount')}
            </p>
            {list.unread > 0 ? (
              <button type="button" className="button button--secondary" onClick={() => void markAll()} disabled={request.isPending}>
                {request.isPending ? t('marking') : t('markAll')}
              </button>
            ) : null}
          </div>
          {request.failure ? (
            <p role="alert" className="notice notice--error">
              {errorMessage(request.failure, tc)}
            </p>
          ) : null}
          <p role="status" className="visually-hidden">
            {status}
          </p>
          {list.items.length === 0 ? <p className="notice">{t('empty')}</p> : null}
          <ul className="notifications__list">
            {list.items.map((item) => {
              const about = me?.role === 'patient' && item.patientId !== ownPatientId ? names.get(item.patientId) : undefined;
              return (
                <li key={item.id} className={item.readAt ? 'notification' : 'notification notification--unread'}>
                  {item.readAt ? null : <span className="notification__new">{t('new')}</span>}
                  <Link href={notificationHref(item, { role: me?.role ?? 'patient', ownPatientId })} className="notification__link" onClick={() => open(item)}>
                    {t(`kind.${item.kind}`)}
                  </Link>
                  {about ? <span className="notification__about">{t('about', { name: about })}</span> : null}
                  <time className="notification__time" dateTime={item.createdAt}>
                    {when.format(new Date(item.createdAt))}
                  </time>
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
    </>
  );
}
