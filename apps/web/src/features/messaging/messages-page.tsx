import './words.ts';
import { useMemo } from 'react';
import type { ThreadList } from '@ourchart/contracts';
import { useTranslation } from 'react-i18next';
import { Link, useRouter } from '../../router/router.tsx';
import { PageHeading } from '../../shell/page-heading.tsx';
import { useDocumentTitle } from '../../shell/use-document-title.ts';
import '../account/fields.tsx';
import { formatDateTime } from '../account/format.ts';
import { LoadFailed, Loading } from '../account/status-notices.tsx';
import { useLiveData } from '../inbox/use-live-data.ts';
import { useLiveEvents } from '../notifications/live-events.tsx';
import { listThreads, query } from './messages-api.ts';
import './messaging.css';
import { usePatientInContext } from '../appointments/patient-in-context.ts';

/**
 * /messages[?status=closed][&patient=]: the conversations with the care team, newest activity
 * first, each with its unread count (a badge, and the count in words for screen readers).
 */
export function MessagesPage() {
  const { t, i18n } = useTranslation('messaging');
  const { search } = useRouter();
  useDocumentTitle(t('title'));
  const params = new URLSearchParams(search);
  const status = params.get('status') === 'closed' ? 'closed' : 'open';
  const { patient, patientId } = usePatientInContext();
  const live = useLiveData<ThreadList>(useMemo(() => () => listThreads(status, patientId), [status, patientId]));
  // New replies and status changes arrive as events (ids only): the list is read again in place.
  useLiveEvents({ type: 'change', entityType: 'MessageThread' }, live.refresh);
  const list = { ...live.state, reload: live.reload };

  return (
    <>
      <PageHeading>{t('title')}</PageHeading>
      {patient && patient.relationship !== 'self' ? <p className="strong">{t('forPatient', { name: patient.name })}</p> : null}
      <p>{t('intro')}</p>
      <p className="notice notice--info">{t('notForEmergencies')}</p>
      <p>
        <Link className="button" href={`/messages/new${query({ patient: patientId })}`}>
          {t('newMessage')}
        </Link>
      </p>
      <nav aria-label={t('filters.label')}>
        <ul className="message-filters">
          {(['open', 'closed'] as const).map((s) => (
            <li key={s}>
              <Link
                className="button button--secondary"
                href={`/messages${query({ status: s === 'closed' ? 'closed' : undefined, patient: patientId })}`}
                aria-current={s === status ? 'page' : undefined}
              >
                {t(`filters.${s}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {list.status === 'loading' ? <Loading text={t('loading')} /> : null}
      {list.status === 'error' ? <LoadFailed error={list.error} onRetry={list.reload} /> : null}
      {list.status === 'ready' && list.data.threads.length === 0 ? <p className="notice">{t(`empty.${status}`)}</p> : null}
      {list.status === 'ready' && list.data.threads.length > 0 ? (
        <ul className="thread-list" aria-label={t('listLabel')}>
          {list.data.threads.map((thread) => (
            <li key={thread.id} className={`thread-list__item${thread.unread > 0 ? ' thread-list__item--unread' : ''}`}>
              <Link className="thread-list__subject" href={`/messages/thread${query({ id: thread.id, patient: patientId })}`}>
                {thread.subject}
                {thread.unread > 0 ? (
                  <>
                    <span className="unread-badge" aria-hidden="true">
                      {thread.unread}
                    </span>
                    <span className="visually-hidden">, {t('unread', { count: thread.unread })}</span>
                  </>
                ) : null}
              </Link>
              <span className="thread-list__meta">
                {t(`topic.${thread.topic}`)} · {t(`status.${thread.status}`)}
              </span>
              <span className="thread-list__meta">
                {t('lastMessage', { when: formatDateTime(thread.lastMessageAt, i18n.language) })}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
