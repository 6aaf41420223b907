import { useCallback } from 'react';
import type { SignInResult } from '@ourchart/contracts';
import { useRouter } from '../router/router.tsx';
import { homePathFor } from '../shell/nav-items.ts';
import { useSession } from './session-context.tsx';

/**
 * Finishes a flow that ends in a SignInResult (activation, sign-up): remembers who is signed in
 * and goes to their home page. A new account has no second step yet; if the server asks for
 * one anyway, the sign-in page is where it is handled.
 */
export function useSignedInResult(): (result: SignInResult) => void {
  const { setMe, setSignOutNotice } = useSession();
  const { navigate } = useRouter();
  return useCallback(
    (result: SignInResult) => {
      if (result.status !== 'signed-in') {
        navigate('/sign-in');
        return;
      }
      setSignOutNotice(null);
      setMe(result.me);
      navigate(homePathFor(result.me));
    },
    [navigate, setMe, setSignOutNotice],
  );
}
