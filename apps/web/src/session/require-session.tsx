import { useEffect } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '@ourchart/contracts';
import { ApiError } from '../api/client.ts';
import { errorMessage } from '../api/error-message.ts';
import { getMe } from '../api/endpoints.ts';
import { useApi } from '../api/use-api.ts';
import { useRouter } from '../router/router.tsx';
import { NotFoundPage } from '../shell/not-found-page.tsx';
import { useSession } from './session-context.tsx';

const MFA_SETUP_PATH = '/account/security';

type RequireSessionProps = {
  /** Who may see the page; others get "page not found", as the server answers 404 for them. */
  roles?: readonly Role[];
  children: ReactNode;
};

/**
 * For pages behind sign-in: asks the server who is signed in (unless the session already
 * knows), sends signed-out people to sign-in, and keeps staff who must set up two-step
 * verification on the page where they do it.
 */
export function RequireSession({ roles, children }: RequireSessionProps) {
  const { t } = useTranslation();
  const { me, setMe } = useSession();
  const { path, navigate } = useRouter();
  const request = useApi(getMe, { enabled: me === undefined });

  useEffect(() => {
    if (request.status === 'ready') setMe(request.data);
    if (request.status === 'error' && isUnauthorized(request.error)) setMe(null);
  }, [request, setMe]);

  const mustEnroll = Boolean(me?.mfaEnrollmentNeeded) && path !== MFA_SETUP_PATH;
  useEffect(() => {
    if (me === null) navigate('/sign-in', { replace: true });
    else if (mustEnroll) navigate(MFA_SETUP_PATH, { replace: true });
  }, [me, mustEnroll, navigate]);

  if (!me || mustEnroll) {
    if (me === undefined && request.status === 'error' && !isUnauthorized(request.error)) {
      return (
        <div role="alert" className="notice notice--error">
          <p>{errorMessage(request.error, t)}</p>
          <button type="button" className="button button--secondary" onClick={request.reload}>
            {t('retry')}
          </button>
        </div>
      );
    }
    return (
      <p role="status" className="notice">
        {t('loadingPage')}
      </p>
    );
  }
  if (roles && !roles.includes(me.role)) return <NotFoundPage />;
  return children;
}

function isUnauthorized(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401;
}
