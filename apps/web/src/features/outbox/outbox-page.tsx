import './words.ts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutboxEmail } from '@ourchart/contracts';
import { useApi } from '../../api/use-api.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { PageHeading } from '../../shell/page-heading.tsx';
import { useDocumentTitle } from '../../shell/use-document-title.ts';
import { isStatus, useSignedIn } from '../account/use-signed-in.ts';
import { LoadFailed, Loading } from '../account/status-notices.tsx';
import { getOutbox } from './outbox-api.ts';
import '../../styles/reminders.css';

function when(iso: string): string {
  return new Intl.DateTimeFormat(currentLanguage() === 'es' ? 'es-US' : 'en-US', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

function Email({ email }: { email: OutboxEmail }) {
  const { t } = useTranslation('outbox');
  return (
    <li className="card outbox-email">
      <details>
        <summary>
          <span className="outbox-email__subject">{email.subject}</span>
          <span>
            {t('to')}: {email.to}
          </span>
          <span>{email.sentAt ? `${t('queued')}: ${when(email.sentAt)}` : `${t('waiting')} (${when(email.queuedAt)})`}</span>
        </summary>
        <pre className="outbox-email__body">{email.text}</pre>
      </details>
    </li>
  );
}

/**
 * /staff/outbox: "Sent email (demo)". Without a mail server (development, demo) front desk and
 * admins read every email the portal queued, newest first, 20 a page. With a mail server the API
 * answers 404 and the page says mail goes out through it.
 */
export function OutboxPage() {
  const { t } = useTranslation('outbox');
  const { onApiError } = useSignedIn();
  useDocumentTitle(t('title'));
  const [page, setPage] = useState(1);
  const outbox = useApi(useCallback(() => getOutbox(page), [page]));
  const listRef = useRef<HTMLHeadingElement>(null);
  const turned = useRef(false);

  useEffect(() => {
    if (outbox.status === 'error') onApiError(outbox.error);
    // After turning a page, start reading at the new list (keyboard and screen reader users).
    if (outbox.status === 'ready' && turned.current) {
      turned.current = false;
      listRef.current?.focus();
    }
  }, [outbox, onApiError]);

  const turn = (to: number) => {
    turned.current = true;
    setPage(to);
  };
  const off = outbox.status === 'error' && isStatus(outbox.error, 404);

  return (
    <>
      <PageHeading>{t('title')}</PageHeading>
      {off ? <p className="notice">{t('off')}</p> : <p>{t('intro')}</p>}
      {outbox.status === 'loading' ? <Loading text={t('loading')} /> : null}
      {outbox.status === 'error' && !off ? <LoadFailed error={outbox.error} onRetry={outbox.reload} /> : null}
      {outbox.status === 'ready' ? (
        <>
          {outbox.data.total === 0 ? (
            <p>{t('empty')}</p>
          ) : (
            <>
              <p ref={listRef} tabIndex={-1}>
                {t('count', { total: outbox.data.total, page: outbox.data.page, pages: Math.max(1, Math.ceil(outbox.data.total / outbox.data.pageSize)) })}
              </p>
              <ul className="outbox-list">
                {outbox.data.emails.map((email) => (
                  <Email key={email.id} email={email} />
                ))}
              </ul>
            </>
          )}
          {page > 1 || page * outbox.data.pageSize < outbox.data.total ? (
            <nav aria-label={t('pages')} className="outbox-pager">
              {page > 1 ? (
                <button type="button" className="button button--secondary" onClick={() => turn(page - 1)}>
                  {t('newer')}
                </button>
              ) : null}
              {page * outbox.data.pageSize < outbox.data.total ? (
                <button type="button" className="button button--secondary" onClick={() => turn(page + 1)}>
                  {t('older')}
                </button>
              ) : null}
            </nav>
          ) : null}
        </>
      ) : null}
    </>
  );
}
