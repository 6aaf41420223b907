import { useEffect } from 'react';
import { useRouter } from '../../router/router.tsx';
import { useSession } from '../../session/session-context.tsx';

// An app sent a signed-out person to /smart/authorize?uid=...: the page keeps the request here
// while they sign in (sign-in then lands on their home page), and <ReturnToAppRequest> brings them
// back. Kept in this tab only, and only for as long as the authorization server keeps the request.

const KEY = 'ourchart.smartAuthorize';
// As long as the authorization server keeps an interaction (features/smart/provider.ts ttl.Interaction).
const KEEP_MS = 30 * 60 * 1000;
export const AUTHORIZE_PATH = '/smart/authorize';

export const pendingAppRequest = {
  set(uid: string): void {
    try {
      window.sessionStorage.setItem(KEY, JSON.stringify({ uid, at: Date.now() }));
    } catch {
      // Storage blocked: after sign-in the person goes back to the app and starts again.
    }
  },
  get(): string | null {
    try {
      const saved = JSON.parse(window.sessionStorage.getItem(KEY) ?? 'null') as { uid?: unknown; at?: unknown } | null;
      if (saved && typeof saved.uid === 'string' && typeof saved.at === 'number' && Date.now() - saved.at < KEEP_MS) return saved.uid;
    } catch {
      // Unreadable: nothing waiting.
    }
    return null;
  },
  clear(): void {
    try {
      window.sessionStorage.removeItem(KEY);
    } catch {
      // Nothing kept.
    }
  },
};

/** Once someone is signed in (and past any required setup), goes back to the app's waiting request. */
export function ReturnToAppRequest() {
  const { me } = useSession();
  const { path, navigate } = useRouter();
  useEffect(() => {
    if (!me || me.mfaEnrollmentNeeded || path === AUTHORIZE_PATH || path === '/sign-in') return;
    const uid = pendingAppRequest.get();
    if (uid) navigate(`${AUTHORIZE_PATH}?uid=${encodeURIComponent(uid)}`, { replace: true });
  }, [me, path, navigate]);
  return null;
}
