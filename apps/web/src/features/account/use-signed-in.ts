import { useCallback, useEffect } from 'react';
import type { Me } from '@ourchart/contracts';
import { ApiError } from '../../api/client.ts';
import { getMe } from '../../api/endpoints.ts';
import { useApi } from '../../api/use-api.ts';
import { useRouter } from '../../router/router.tsx';
import { useSession } from '../../session/session-context.tsx';

export type SignedIn = {
  /** The signed-in user, once known. */
  me: Me | undefined;
  /** Set when /api/me failed for a reason other than an ended session. */
  failure: unknown;
  reload: () => void;
  /** Pass every API error here: a 401 means the session ended, so we go to sign-in. */
  onApiError: (error: unknown) => void;
};

export function isStatus(error: unknown, status: number, code?: string): boolean {
  return error instanceof ApiError && error.status === status && (code === undefined || error.problem?.code === code);
}

/**
 * For pages behind sign-in: asks the server who is signed in (unless the session
 * already knows) and sends people whose session ended to the sign-in page.
 */
export function useSignedIn(): SignedIn {
  const { me, setMe } = useSession();
  const { navigate } = useRouter();
  const request = useApi(getMe, { enabled: me === undefined });

  const onApiError = useCallback(
    (error: unknown) => {
      if (isStatus(error, 401)) setMe(null);
    },
    [setMe],
  );

  useEffect(() => {
    if (request.status === 'ready') setMe(request.data);
    if (request.status === 'error') onApiError(request.error);
  }, [request, setMe, onApiError]);

  useEffect(() => {
    if (me === null) navigate('/sign-in', { replace: true });
  }, [me, navigate]);

  const failure = me === undefined && request.status === 'error' && !isStatus(request.error, 401) ? request.error : null;
  return { me: me ?? undefined, failure, reload: request.reload, onApiError };
}
