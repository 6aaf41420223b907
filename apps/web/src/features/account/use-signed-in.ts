import { useCallback } from 'react';
import type { Me } from '@ourchart/contracts';
import { ApiError } from '../../api/client.ts';
import { useSession } from '../../session/session-context.tsx';

export function isStatus(error: unknown, status: number, code?: string): boolean {
  return error instanceof ApiError && error.status === status && (code === undefined || error.problem?.code === code);
}

/**
 * For pages behind RequireSession (app.tsx), which has already loaded the user: the user,
 * and an error handler that forgets an ended session so RequireSession sends them to sign-in.
 */
export function useSignedIn(): { me: Me | undefined; onApiError: (error: unknown) => void } {
  const { me, setMe } = useSession();
  const onApiError = useCallback(
    (error: unknown) => {
      if (isStatus(error, 401)) setMe(null);
    },
    [setMe],
  );
  return { me: me ?? undefined, onApiError };
}
