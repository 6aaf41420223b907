import { useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { getMe } from '../../api/endpoints.ts';
import { useApi } from '../../api/use-api.ts';
import { useRouter } from '../../router/router.tsx';
import { useSession } from '../../session/session-context.tsx';
import { PageHeading } from '../../shell/page-heading.tsx';
import { useDocumentTitle } from '../../shell/use-document-title.ts';
import { HealthSummaryView } from './health-summary.tsx';
import { LoadFailed, Loading } from './status-notices.tsx';
import '../../styles/summary.css';

export function HomePage() {
  const { t } = useTranslation('home');
  const { me, setMe } = useSession();
  const { navigate } = useRouter();
  useDocumentTitle(t('title'));

  // Ask the server who is signed in unless the sign-in page just told us.
  const meRequest = useApi(getMe, { enabled: me === undefined });

  const handleError = useCallback(
    (error: unknown) => {
      // The session ended (or never began): forget the user, which sends them to sign in.
      if (isUnauthorized(error)) setMe(null);
    },
    [setMe],
  );

  useEffect(() => {
    if (meRequest.status === 'ready') setMe(meRequest.data);
    if (meRequest.status === 'error') handleError(meRequest.error);
  }, [meRequest, setMe, handleError]);

  useEffect(() => {
    if (me === null) navigate('/sign-in', { replace: true });
  }, [me, navigate]);

  if (!me) {
    if (me === undefined && meRequest.status === 'error' && !isUnauthorized(meRequest.error)) {
      return <LoadFailed error={meRequest.error} onRetry={meRequest.reload} />;
    }
    return <Loading text={t('loading')} />;
  }

  return (
    <>
      <PageHeading>{t('greeting', { name: me.displayName || me.patient?.name })}</PageHeading>
      {me.patient ? (
        <>
          <p className="page__intro">{t('intro')}</p>
          <HealthSummaryView onError={handleError} />
        </>
      ) : (
        <p className="notice">{me.role === 'patient' ? t('noRecord') : t('staff')}</p>
      )}
    </>
  );
}

function isUnauthorized(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401;
}
