import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/use-api.ts';
import { getSessions, signOutOthers, signOutSession } from './account-api.ts';
import { FormAlert, FormStatus, useSubmit } from './fields.tsx';
import { formatDateTime } from './format.ts';
import { Section } from './section.tsx';

/** Where this account is signed in, with a way to end the other sessions. */
export function DevicesSection({ onApiError }: { onApiError: (error: unknown) => void }) {
  const { t, i18n } = useTranslation('account');
  const locale = i18n.resolvedLanguage ?? 'en';
  const sessions = useApi(getSessions);
  const { isPending, failureText, run } = useSubmit(onApiError);
  const [done, setDone] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (sessions.status === 'error') onApiError(sessions.error);
  }, [sessions, onApiError]);

  async function signOutAllOthers() {
    if (isPending) return;
    setDone(null);
    const result = await run(signOutOthers);
    if (result.ok) {
      setDone(t('devices.signedOutOthers', { count: result.value.count }));
      sessions.reload();
    }
  }

  async function signOutOne(id: string, device: string) {
    if (isPending) return;
    setDone(null);
    const result = await run(() => signOutSession(id));
    if (result.ok) {
      setDone(t('devices.signedOutOne', { device }));
      sessions.reload();
      // The button that had focus is gone with its row.
      headingRef.current?.focus();
    }
  }

  const list = sessions.status === 'ready' ? sessions.data.sessions : [];
  const others = list.filter((session) => !session.current).length;

  return (
    <Section title={t('devices.title')} headingRef={headingRef}>
      <p>{t('devices.intro')}</p>
      <FormStatus message={done} />
      <FormAlert message={failureText} />
      {sessions.status === 'loading' ? <p role="status">{t('devices.loading')}</p> : null}
      {sessions.status === 'error' ? (
        <div className="notice notice--error">
          <p>{t('devices.loadFailed')}</p>
          <button type="button" className="button button--secondary" onClick={sessions.reload}>
            {t('retry')}
          </button>
        </div>
      ) : null}
      {list.length > 0 ? (
        <ul className="item-list">
          {[...list]
            .sort((a, b) => Number(b.current) - Number(a.current) || b.lastSeenAt.localeCompare(a.lastSeenAt))
            .map((session) => (
              <li key={session.id} className={session.current ? 'item item--current' : 'item'}>
                <p className="item__name">
                  {session.device}
                  {session.current ? <span className="tag">{t('devices.thisDevice')}</span> : null}
                </p>
                <p className="item__detail">
                  {t('devices.lastActive', { date: formatDateTime(session.lastSeenAt, locale) })}
                </p>
                <p className="item__detail">{t('devices.signedIn', { date: formatDateTime(session.createdAt, locale) })}</p>
                {session.ip ? <p className="item__detail">{t('devices.ip', { ip: session.ip })}</p> : null}
                {session.current ? null : (
                  <button
                    type="button"
                    className="button button--secondary"
                    aria-label={t('devices.signOutNamed', { device: session.device })}
                    aria-disabled={isPending || undefined}
                    onClick={() => void signOutOne(session.id, session.device)}
                  >
                    {t('devices.signOut')}
                  </button>
                )}
              </li>
            ))}
        </ul>
      ) : null}
      {others > 0 ? (
        <button
          type="button"
          className="button button--primary"
          aria-disabled={isPending || undefined}
          onClick={() => void signOutAllOthers()}
        >
          {t('devices.signOutOthers')}
        </button>
      ) : sessions.status === 'ready' ? (
        <p>{t('devices.noOthers')}</p>
      ) : null}
    </Section>
  );
}
