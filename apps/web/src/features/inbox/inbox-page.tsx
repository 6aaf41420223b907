import './words.ts';
import { useCallback, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import type { InboxFilter, StaffInbox, StaffPoolList, StaffThreadDetail } from '@ourchart/contracts';
import { useTranslation } from 'react-i18next';
import { Link, useRouter } from '../../router/router.tsx';
import { PageHeading } from '../../shell/page-heading.tsx';
import { useDocumentTitle } from '../../shell/use-document-title.ts';
import { formatDateTime } from '../account/format.ts';
import { LoadFailed, Loading } from '../account/status-notices.tsx';
import { isStatus, useSignedIn } from '../account/use-signed-in.ts';
import { inLanguage } from '../messaging/message-words.ts';
import { useLiveEvents } from '../notifications/live-events.tsx';
import { getInbox, getPools, getStaffThread } from './inbox-api.ts';
import { PatientPanel } from './patient-panel.tsx';
import { StaffThreadView } from './staff-thread.tsx';
import { useLiveData } from './use-live-data.ts';
import '../messaging/messaging.css';
import './inbox.css';

const FILTERS: readonly InboxFilter[] = ['open', 'unread', 'mine', 'waiting', 'done'];

/** The address of the inbox with these choices (the page keeps its state in the URL, so Back works). */
function inboxHref(path: string, parts: { pool?: string; filter?: InboxFilter; thread?: string }): string {
  const params = new URLSearchParams();
  if (parts.pool) params.set('pool', parts.pool);
  if (parts.filter && parts.filter !== 'open') params.set('filter', parts.filter);
  if (parts.thread) params.set('thread', parts.thread);
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/**
 * /inbox (staff land here after sign-in): the teams ("pools") the user answers for with their
 * counts, a filter (all open, unread, mine, waiting on patient, done), the conversations, and the
 * open conversation beside them on wide screens (below them on a phone), with the patient's
 * medications, allergies and results waiting for review. Live: any change to a conversation of
 * these teams reloads what is on screen in place, and a polite live region says what arrived.
 */
export function InboxPage() {
  const { t, i18n } = useTranslation('inbox');
  const language = i18n.language;
  const { path, search, navigate } = useRouter();
  const { onApiError } = useSignedIn();
  useDocumentTitle(t('title'));
  const params = new URLSearchParams(search);
  const asked = params.get('filter') as InboxFilter | null;
  const filter: InboxFilter = asked && FILTERS.includes(asked) ? asked : 'open';
  const threadId = params.get('thread') ?? undefined;
  const [announcement, setAnnouncement] = useState('');

  const threadLoad = useMemo(() => (threadId ? () => getStaffThread(threadId) : null), [threadId]);
  const thread = useLiveData<StaffThreadDetail>(threadLoad, (next, previous) => {
    if (!previous || previous.id !== next.id) return;
    const known = new Set(previous.messages.map((m) => m.id));
    const fresh = next.messages.find((m) => !known.has(m.id) && !m.mine);
    if (fresh) setAnnouncement(t('live.newInOpen', { name: fresh.authorName }));
  });

  const pools = useLiveData<StaffPoolList>(useCallback(() => getPools(), []));
  const poolList = pools.state.status === 'ready' ? pools.state.data.pools : [];
  // A link to one conversation (e.g. from a notification) shows its team's list beside it.
  const askedPool = params.get('pool') ?? (thread.state.status === 'ready' ? thread.state.data.pool.id : undefined);
  const pool = poolList.find((p) => p.id === askedPool) ?? poolList[0];
  const poolId = pool?.id;

  const inboxLoad = useMemo(() => (poolId ? () => getInbox(poolId, filter) : null), [poolId, filter]);
  const inbox = useLiveData<StaffInbox>(inboxLoad, (next, previous) => {
    if (!previous) return;
    const before = new Map(previous.threads.map((th) => [th.id, th.unread]));
    // The open conversation announces itself (above); here, the others that got a new message.
    const arrived = next.threads.filter((th) => th.id !== threadId && th.unread > (before.get(th.id) ?? 0));
    if (arrived[0]) setAnnouncement(t('live.newMessage', { name: arrived[0].patient.name, subject: arrived[0].subject }));
  });

  const refreshLists = useCallback(() => {
    pools.refresh();
    inbox.refresh();
  }, [pools, inbox]);

  // Events carry ids only; what changed is read again through the API (audited like any read).
  useLiveEvents({ type: 'change', entityType: 'MessageThread' }, (event) => {
    refreshLists();
    if (event.type === 'change' && event.entityId === threadId) thread.refresh();
  });

  if (pools.state.status === 'loading') return <Shell announcement={announcement}><Loading text={t('loading')} /></Shell>;
  if (pools.state.status === 'error') return <Shell announcement={announcement}><LoadFailed error={pools.state.error} onRetry={pools.reload} /></Shell>;
  if (!pool) return <Shell announcement={announcement}><p className="notice">{t('noPools')}</p></Shell>;

  const poolName = inLanguage(pool.name, language);
  return (
    <Shell announcement={announcement}>
      {poolList.length > 1 ? (
        <nav aria-label={t('pools.label')}>
          <ul className="message-filters">
            {poolList.map((p) => (
              <li key={p.id}>
                <Link className="button button--secondary" href={inboxHref(path, { pool: p.id, filter })} aria-current={p.id === pool.id ? 'page' : undefined}>
                  {inLanguage(p.name, language)}
                  <CountBadge count={p.counts.unread} words={t('pools.unread', { count: p.counts.unread })} />
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : (
        <p className="strong">
          {poolName} ({t('pools.unread', { count: pool.counts.unread })})
        </p>
      )}
      <fieldset className="inbox-filters">
        <legend className="strong">{t('filters.legend')}</legend>
        {FILTERS.map((f) => (
          <label key={f} className="inbox-filters__option">
            <input
              type="radio" name="inbox-filter" value={f} checked={f === filter}
              onChange={() => navigate(inboxHref(path, { pool: pool.id, filter: f, thread: threadId }), { replace: true })}
            />
            <span>
              {t(`filters.${f}`)}
              <CountBadge count={pool.counts[f]} words={t('filters.count', { count: pool.counts[f] })} />
            </span>
          </label>
        ))}
      </fieldset>

      <div className="inbox-layout">
        <section aria-labelledby="inbox-list-heading" className="inbox-layout__list">
          <h2 id="inbox-list-heading">{t('list.heading')}</h2>
          {inbox.state.status === 'loading' ? <Loading text={t('loading')} /> : null}
          {inbox.state.status === 'error' ? <LoadFailed error={inbox.state.error} onRetry={inbox.reload} /> : null}
          {inbox.state.status === 'ready' && inbox.state.data.threads.length === 0 ? <p className="notice">{t(`list.empty.${filter}`)}</p> : null}
          {inbox.state.status === 'ready' && inbox.state.data.threads.length > 0 ? (
            <ul className="thread-list" aria-label={t('list.label', { pool: poolName })}>
              {inbox.state.data.threads.map((th) => (
                <li key={th.id} className={`thread-list__item${th.unread > 0 ? ' thread-list__item--unread' : ''}${th.id === threadId ? ' thread-list__item--current' : ''}`}>
                  <Link className="thread-list__subject" href={inboxHref(path, { pool: pool.id, filter, thread: th.id })} aria-current={th.id === threadId ? 'true' : undefined}>
                    {th.patient.name}: {th.subject}
                    {th.unread > 0 ? <CountBadge count={th.unread} words={t('list.unread', { count: th.unread })} /> : null}
                  </Link>
                  <span className="thread-list__meta">
                    {t(`status.${th.status}`)} · {th.assignedTo ? t('list.assigned', { name: th.assignedTo.name }) : t('list.unassigned')}
                  </span>
                  <span className="thread-list__meta">{t('list.last', { when: formatDateTime(th.lastMessageAt, language) })}</span>
                </li>
              ))}
            </ul>
          ) : null}
        </section>

        <div className="inbox-layout__thread">
          {!threadId ? <p className="notice">{t('thread.choose')}</p> : null}
          {threadId && thread.state.status === 'loading' ? <Loading text={t('thread.loading')} /> : null}
          {threadId && thread.state.status === 'error' ? (
            isStatus(thread.state.error, 404) ? <p className="notice notice--error">{t('thread.notFound')}</p> : <LoadFailed error={thread.state.error} onRetry={thread.reload} />
          ) : null}
          {threadId && thread.state.status === 'ready' ? (
            <>
              <StaffThreadView
                key={thread.state.data.id}
                thread={thread.state.data}
                onApiError={onApiError}
                onChanged={(next) => {
                  if (next) thread.set(next);
                  else thread.refresh();
                  refreshLists();
                }}
              />
              <PatientPanel key={thread.state.data.patient.id} patient={thread.state.data.patient} onApiError={onApiError} />
            </>
          ) : null}
        </div>
      </div>
    </Shell>
  );
}

function Shell({ announcement, children }: { announcement: string; children: ReactNode }) {
  const { t } = useTranslation('inbox');
  return (
    <>
      <PageHeading>{t('title')}</PageHeading>
      <p>{t('intro')}</p>
      {/* Always in the page, so screen readers hear what is put in it later. */}
      <div role="status" aria-live="polite" aria-atomic="true">
        {announcement ? <p className="notice notice--info">{announcement}</p> : null}
      </div>
      {children}
    </>
  );
}

/** A number for the eye (hidden from screen readers) and the same count in words for the ear. */
function CountBadge({ count, words }: { count: number; words: string }) {
  return (
    <>
      {count > 0 ? (
        <span className="unread-badge" aria-hidden="true">
          {count}
        </span>
      ) : null}
      <span className="visually-hidden">, {words}</span>
    </>
  );
}
