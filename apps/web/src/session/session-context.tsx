import { createContext, use, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import type { Me } from '@ourchart/contracts';

/** `undefined`: not asked yet; `null`: signed out; otherwise the signed-in user. */
export type SessionState = Me | null | undefined;

/** Why the app signed someone out by itself, to say so on the sign-in page. */
export type SignOutNotice = { kind: 'idle'; minutes: number };

type SessionValue = {
  me: SessionState;
  setMe: (me: Me | null) => void;
  signOutNotice: SignOutNotice | null;
  setSignOutNotice: (notice: SignOutNotice | null) => void;
};

const SessionContext = createContext<SessionValue | null>(null);

// The session itself is an HttpOnly cookie; this only remembers who the server said we are,
// so the header can offer "Sign out" and pages do not ask /api/me twice.
export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<SessionState>(undefined);
  const [signOutNotice, setSignOutNotice] = useState<SignOutNotice | null>(null);
  const value = useMemo(() => ({ me, setMe, signOutNotice, setSignOutNotice }), [me, signOutNotice]);
  return <SessionContext value={value}>{children}</SessionContext>;
}

export function useSession(): SessionValue {
  const session = use(SessionContext);
  if (!session) throw new Error('useSession must be used inside <SessionProvider>');
  return session;
}
