import './words.ts';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ProxyGrantView } from '@ourchart/contracts';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { errorMessage } from '../../api/error-message.ts';
import { getMe } from '../../api/endpoints.ts';
import { useApi } from '../../api/use-api.ts';
import { Link, useRouter } from '../../router/router.tsx';
import { pendingInvitation, usePatientContext } from '../../session/patient-context.tsx';
import { useSession } from '../../session/session-context.tsx';
import { PageHeading } from '../../shell/page-heading.tsx';
import { useDocumentTitle } from '../../shell/use-document-title.ts';
import { SubmitButton } from '../account/fields.tsx';
import { LoadFailed, Loading } from '../account/status-notices.tsx';
import { useFormatDay } from './form-bits.tsx';
import { proxiesApi } from './proxies-api.ts';
import './proxies.css';

/** The token from the link's #fragment, moved into this tab's storage and out of the address bar. */
function takeTokenFromAddress(): string | null {
  const fromHash = window.location.hash.slice(1);
  if (/^[A-Za-z0-9_-]{20,100}$/.test(fromHash)) {
    pendingInvitation.set(fromHash);
    window.history.replaceState(null, '', window.location.pathname);
  }
  return pendingInvitation.get();
}

/**
 * /proxy-invite#<token>: someone invited the reader to see their record. Signed-out readers sign
 * in first (the token waits in sessionStorage, never in a URL, and the app comes back here);
 * then the preview says who and what, with Accept and Not now.
 */
export function ProxyInvitePage() {
  const { t } = useTranslation('proxies');
  useDocumentTitle(t('accept.title'));
  const [token] = useState(takeTokenFromAddress);
  const { me, setMe } = useSession();
  // A public page: ask who is signed in (RequireSession is not in front of it).
  const who = useApi(getMe, { enabled: me === undefined });
  useEffect(() => {
    if (who.status === 'ready') setMe(who.data);
    if (who.status === 'error' && who.error instanceof ApiError && who.error.status === 401) setMe(null);
  }, [who, setMe]);

  let body;
  if (!token) body = <p className="notice">{t('accept.noToken')}</p>;
  else if (me === null) body = <SignInFirst />;
  else if (me === undefined) body = who.status === 'error' ? <LoadFailed error={who.error} onRetry={who.reload} /> : <Loading text={t('accept.loading')} />;
  else body = <Invitation token={token} />;
  return (
    <>
      <PageHeading>{t('accept.title')}</PageHeading>
      {body}
    </>
  );
}

function SignInFirst() {
  const { t } = useTranslation('proxies');
  return (
    <div className="card">
      <p>{t('accept.signInFirst')}</p>
      <div className="actions">
        <Link href="/sign-in" className="button button--primary">
          {t('accept.signIn')}
        </Link>
        <Link href="/sign-up" className="button button--secondary">
          {t('accept.signUp')}
        </Link>
      </div>
    </div>
  );
}

function Invitation({ token }: { token: string }) {
  const { t } = useTranslation('proxies');
  const tc = useTranslation('common').t;
  const { setMe } = useSession();
  const { switchTo } = usePatientContext();
  const { navigate } = useRouter();
  const day = useFormatDay();
  const preview = useApi(useCallback(() => proxiesApi.preview(token), [token]));
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<{ kind: 'accepted'; grant: ProxyGrantView } | { kind: 'declined' } | null>(null);
  const outcomeRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    // An invitation that is gone stays gone: forget the token.
    if (preview.status === 'error' && preview.error instanceof ApiError && preview.error.status === 404) pendingInvitation.clear();
  }, [preview]);
  useEffect(() => {
    if (outcome) outcomeRef.current?.focus();
  }, [outcome]);

  async function accept() {
    if (pending) return;
    setPending(true);
    setFailure(null);
    try {
      const grant = await proxiesApi.accept(token);
      pendingInvitation.clear();
      // The new record joins "Viewing record of" right away.
      setMe(await getMe());
      setOutcome({ kind: 'accepted', grant });
    } catch (error) {
      setFailure(errorMessage(error, tc));
    } finally {
      setPending(false);
    }
  }

  if (outcome?.kind === 'accepted') {
    return (
      <div className="card">
        <p ref={outcomeRef} tabIndex={-1} role="status" className="notice notice--success">
          {t('accept.accepted', { name: outcome.grant.name })}
        </p>
        <div className="actions">
          <button
            type="button"
            className="button button--primary"
            onClick={() => {
              switchTo(outcome.grant.patientId);
              navigate('/');
            }}
          >
            {t('accept.open', { name: outcome.grant.name })}
          </button>
        </div>
      </div>
    );
  }
  if (outcome?.kind === 'declined') {
    return (
      <div className="card">
        <p ref={outcomeRef} tabIndex={-1} role="status">
          {t('accept.declined')}
        </p>
        <p>
          <Link href="/">{t('accept.home')}</Link>
        </p>
      </div>
    );
  }
  if (preview.status === 'loading') return <Loading text={t('accept.loading')} />;
  if (preview.status === 'error') {
    if (preview.error instanceof ApiError && preview.error.status < 500 && preview.error.status !== 0) {
      return <p className="notice notice--error">{errorMessage(preview.error, tc)}</p>;
    }
    return <LoadFailed error={preview.error} onRetry={preview.reload} />;
  }
  const invitation = preview.data;
  return (
    <div className="card">
      <p className="strong">{t('accept.who', { name: invitation.patientName, relationship: t(`relationship.${invitation.relationship}`).toLowerCase() })}</p>
      <p>{t('accept.whatLabel')}</p>
      <ul>
        {invitation.scopes.map((s) => (
          <li key={s}>{t(`scope.${s}`)}</li>
        ))}
      </ul>
      {invitation.endsOn ? <p>{t('accept.until', { date: day(invitation.endsOn) })}</p> : null}
      {invitation.emailMatches ? null : <p className="notice notice--error">{t('accept.otherEmail')}</p>}
      <div role="alert" className="form-alert">
        {failure ? <p className="notice notice--error">{failure}</p> : null}
      </div>
      <form
        className="actions"
        onSubmit={(event) => {
          event.preventDefault();
          void accept();
        }}
      >
        {invitation.emailMatches ? <SubmitButton isPending={pending} label={t('accept.accept')} pendingLabel={t('accept.accepting')} /> : null}
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            pendingInvitation.clear();
            setOutcome({ kind: 'declined' });
          }}
        >
          {t('accept.notNow')}
        </button>
      </form>
    </div>
  );
}
