import './words.ts';
import { useCallback, useEffect, useState } from 'react';
import type { ProxyOverview } from '@ourchart/contracts';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../shell/page-heading.tsx';
import { useDocumentTitle } from '../../shell/use-document-title.ts';
import { LoadFailed, Loading } from '../account/status-notices.tsx';
import { useSignedIn } from '../account/use-signed-in.ts';
import { InviteSection } from './invite-section.tsx';
import { MyProxiesSection } from './my-proxies-section.tsx';
import { InvitationsSection, RecordsISeeSection, RulesSection } from './other-sections.tsx';
import { proxiesApi } from './proxies-api.ts';
import './proxies.css';

type State = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; data: ProxyOverview };

/**
 * /sharing ("Sharing and proxies", issue 7): both sides of proxy access for the signed-in user,
 * always about their own account whatever record is in "Viewing record of".
 */
export function SharingPage() {
  const { t } = useTranslation('proxies');
  const { me, onApiError } = useSignedIn();
  useDocumentTitle(t('title'));
  const [state, setState] = useState<State>({ status: 'loading' });

  // After a change the lists are read again in place: no loading state, so forms keep their focus.
  const refresh = useCallback(() => {
    proxiesApi.overview().then(
      (data) => setState({ status: 'ready', data }),
      (error: unknown) => {
        onApiError(error);
        setState((previous) => (previous.status === 'ready' ? previous : { status: 'error', error }));
      },
    );
  }, [onApiError]);
  useEffect(refresh, [refresh]);

  const hasOwnRecord = Boolean(me?.patient);
  return (
    <>
      <PageHeading>{t('title')}</PageHeading>
      <p className="page__intro">{t('intro')}</p>
      {state.status === 'loading' ? <Loading text={t('loading')} /> : null}
      {state.status === 'error' ? <LoadFailed error={state.error} onRetry={refresh} /> : null}
      {state.status === 'ready' ? (
        <div className="cards">
          {hasOwnRecord ? (
            <>
              <MyProxiesSection grants={state.data.myProxies} canChange={state.data.canInvite} onChanged={refresh} onApiError={onApiError} />
              <InviteSection canInvite={state.data.canInvite} adultAge={state.data.rules.adultAge} onInvited={refresh} onApiError={onApiError} />
              {state.data.canInvite || state.data.invitations.length > 0 ? (
                <InvitationsSection invitations={state.data.invitations} onChanged={refresh} onApiError={onApiError} />
              ) : null}
            </>
          ) : null}
          <RecordsISeeSection grants={state.data.iAmProxyFor} onChanged={refresh} onApiError={onApiError} />
          <RulesSection rules={state.data.rules} />
        </div>
      ) : null}
    </>
  );
}
