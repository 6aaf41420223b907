import { createContext, lazy, Suspense, use, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import type { Me, PatientContext } from '@ourchart/contracts';
import { setPatientInContext, subscribeToNotFound } from '../api/client.ts';
import { getMe } from '../api/endpoints.ts';
import { useRouter } from '../router/router.tsx';
import { pageAllowed } from '../shell/nav-items.ts';
import { useSession } from './session-context.tsx';

// Which record this tab is looking at ("Viewing record of", issue 7). Kept per tab in
// sessionStorage, so a parent can have Lily open in one tab and Ethan in another, and checked
// against /api/me on every render: a record that is no longer the user's is never asked for.

const RECORD_KEY = 'ourchart.record';
const INVITE_KEY = 'ourchart.proxyInvite';

type Chosen = { userId: string; id: string; name: string };

export type PatientContextValue = {
  /** Every record the user may see, own first (empty for staff). */
  patients: PatientContext[];
  /** The record in context; null when signed out or without any record. */
  current: PatientContext | null;
  /** The record in context is someone else's (a proxy view). */
  isProxyView: boolean;
  /** Features the pages may use: undefined for the user's own record (everything). */
  features: readonly PatientContext['features'][number][] | undefined;
  switchTo: (patientId: string) => void;
  /** Set when the record the tab was on is no longer available (access ended). */
  gone: { name: string; hasOwn: boolean } | null;
};

const Context = createContext<PatientContextValue | null>(null);

function readChosen(): Chosen | null {
  try {
    const value = JSON.parse(window.sessionStorage.getItem(RECORD_KEY) ?? 'null') as Chosen | null;
    return value && typeof value.id === 'string' && typeof value.userId === 'string' ? value : null;
  } catch {
    return null;
  }
}

function saveChosen(chosen: Chosen | null): void {
  try {
    if (chosen) window.sessionStorage.setItem(RECORD_KEY, JSON.stringify(chosen));
    else window.sessionStorage.removeItem(RECORD_KEY);
  } catch {
    // Storage blocked: the choice lasts until the page reloads.
  }
}

/** The invitation token from a proxy-invite link, kept in this tab across sign-in (never in a URL). */
export const pendingInvitation = {
  get: (): string | null => {
    try {
      return window.sessionStorage.getItem(INVITE_KEY);
    } catch {
      return null;
    }
  },
  set: (token: string) => {
    try {
      window.sessionStorage.setItem(INVITE_KEY, token);
    } catch {
      // Without storage the link works only when already signed in.
    }
  },
  clear: () => {
    try {
      window.sessionStorage.removeItem(INVITE_KEY);
    } catch {
      // Nothing kept.
    }
  },
};

/** The default record: the user's own, else the first they may see. */
function defaultRecord(patients: PatientContext[]): PatientContext | null {
  return patients.find((p) => p.relationship === 'self') ?? patients[0] ?? null;
}

const sameRecords = (a: Me, b: Me) => JSON.stringify(a.patients) === JSON.stringify(b.patients);

export function PatientContextProvider({ children }: { children: ReactNode }) {
  const { me, setMe } = useSession();
  const { path, search, navigate } = useRouter();
  const [chosen, setChosen] = useState<Chosen | null>(readChosen);
  const [gone, setGone] = useState<PatientContextValue['gone']>(null);

  const patients = useMemo(() => me?.patients ?? [], [me]);
  // A link that names a record (a notification about Lily: /results?patient=...) switches to it.
  const asked = new URLSearchParams(search).get('patient');
  const fromUrl = asked ? patients.find((p) => p.id === asked) : undefined;
  const fromChoice = chosen && me && chosen.userId === me.id ? patients.find((p) => p.id === chosen.id) : undefined;
  const current = me ? (fromUrl ?? fromChoice ?? defaultRecord(patients)) : null;
  const isProxyView = current !== null && current.relationship !== 'self';

  // Before any page's effects fetch (layout effects of a parent run before children's passive effects).
  useLayoutEffect(() => {
    setPatientInContext(current?.id ?? null);
  }, [current?.id]);

  useEffect(() => {
    if (me === null) {
      setChosen(null);
      saveChosen(null);
      setGone(null);
      return;
    }
    if (!me) return;
    if (fromUrl && fromUrl.id !== chosen?.id) {
      const next = { userId: me.id, id: fromUrl.id, name: fromUrl.name };
      setChosen(next);
      saveChosen(next);
      return;
    }
    // The record this tab was on is not in the list any more: the access ended.
    if (chosen && chosen.userId === me.id && !patients.some((p) => p.id === chosen.id)) {
      setGone({ name: chosen.name, hasOwn: patients.some((p) => p.relationship === 'self') });
      setChosen(null);
      saveChosen(null);
      if (path !== '/') navigate('/', { replace: true });
    }
  }, [me, patients, fromUrl, chosen, path, navigate]);

  // A 404 while looking at someone else's record may mean the access just ended: ask again
  // who we may see; the check above then says so and goes back to the user's own record.
  const checking = useRef(false);
  useEffect(() => {
    if (!isProxyView) return;
    return subscribeToNotFound(() => {
      if (checking.current) return;
      checking.current = true;
      getMe()
        .then((fresh) => {
          if (me && !sameRecords(me, fresh)) setMe(fresh);
        })
        .catch(() => undefined)
        .finally(() => {
          checking.current = false;
        });
    });
  }, [isProxyView, me, setMe]);

  // Someone opened an invitation link while signed out: back to it once signed in.
  useEffect(() => {
    if (me && path !== '/proxy-invite' && pendingInvitation.get()) navigate('/proxy-invite', { replace: true });
  }, [me, path, navigate]);

  const switchTo = useCallback(
    (patientId: string) => {
      const next = patients.find((p) => p.id === patientId);
      if (!me || !next) return;
      const stored = { userId: me.id, id: next.id, name: next.name };
      setChosen(stored);
      saveChosen(stored);
      setGone(null);
      setPatientInContext(next.id);
      if (!pageAllowed(path, next.relationship === 'self' ? undefined : next.features)) {
        navigate('/');
      } else if (asked) {
        // The address named the old record; drop it so it does not switch back.
        const params = new URLSearchParams(search);
        params.delete('patient');
        const rest = params.toString();
        navigate(rest ? `${path}?${rest}` : path, { replace: true });
      }
    },
    [me, patients, path, search, asked, navigate],
  );

  const value = useMemo<PatientContextValue>(
    () => ({ patients, current, isProxyView, features: isProxyView ? current?.features : undefined, switchTo, gone }),
    [patients, current, isProxyView, switchTo, gone],
  );
  return <Context value={value}>{children}</Context>;
}

export function usePatientContext(): PatientContextValue {
  const value = use(Context);
  if (!value) throw new Error('usePatientContext must be used inside <PatientContextProvider>');
  return value;
}

// Loaded only when a page is outside the record's features, with the proxies words.
const FeatureBlocked = lazy(() => import('../features/proxies/feature-blocked.tsx').then((m) => ({ default: m.FeatureBlocked })));

/**
 * Shows a patient page only when the record in context allows it; otherwise a plain sentence
 * ("Your access to Ethan's record does not include test results"), not an error. The server
 * refuses the data anyway (PatientAccess); this is what the person reads.
 */
export function RecordFeatureGate({ path, children }: { path: string; children: ReactNode }) {
  const { current, features } = usePatientContext();
  if (current && !pageAllowed(path, features)) {
    return (
      <Suspense fallback={null}>
        <FeatureBlocked name={current.name} path={path} />
      </Suspense>
    );
  }
  return children;
}
