import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { subscribeToApi } from '../api/client.ts';
import { keepAlive, signOut } from '../api/endpoints.ts';
import { useRouter } from '../router/router.tsx';
import { idlePhase, idleSchedule, nextCheckIn, secondsLeft, shouldRefreshOnInput, timeoutMinutes } from './idle-timer.ts';
import { useSession } from './session-context.tsx';

// The dialog (react-aria Modal) is its own chunk: most visits never show it.
const loadDialog = () => import('./idle-dialog.tsx');
const IdleDialog = lazy(() => loadDialog().then((module) => ({ default: module.IdleDialog })));

const inputEvents = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * Signs a person out on this screen when the server does: after `me.idleTimeoutSeconds` without
 * a request. Two minutes before, a dialog offers "Stay signed in". Every answered API call
 * restarts the count (the server restarts its own on every request), and so does using the page:
 * typing or clicking a minute or more after the last request sends a quiet keep-alive.
 * A 401 "session ended" from any call also ends it here.
 */
export function IdleTimeout() {
  const { me } = useSession();
  // Keyed by user so a new sign-in starts a fresh count.
  return me ? <IdleWatch key={me.id} idleTimeoutSeconds={me.idleTimeoutSeconds} /> : null;
}

function IdleWatch({ idleTimeoutSeconds }: { idleTimeoutSeconds: number }) {
  const { setMe, setSignOutNotice } = useSession();
  const { navigate } = useRouter();
  const [lastActivityAt, setLastActivityAt] = useState(() => Date.now());
  const [now, setNow] = useState(() => Date.now());
  const [isStaying, setStaying] = useState(false);
  const [stayFailed, setStayFailed] = useState(false);
  const schedule = useMemo(() => idleSchedule(lastActivityAt, idleTimeoutSeconds), [lastActivityAt, idleTimeoutSeconds]);
  const phase = idlePhase(now, schedule);
  const hasEnded = useRef(false);

  const end = useCallback(
    (reason: 'idle' | 'chosen') => {
      if (hasEnded.current) return;
      hasEnded.current = true;
      setSignOutNotice(reason === 'idle' ? { kind: 'idle', minutes: timeoutMinutes(idleTimeoutSeconds) } : null);
      setMe(null);
      navigate('/sign-in');
    },
    [idleTimeoutSeconds, navigate, setMe, setSignOutNotice],
  );

  // Fetch the dialog's code a minute before it is needed, not at sign-in: the home page stays
  // within its JavaScript budget, and most visits never download it at all.
  useEffect(() => {
    const timer = window.setTimeout(() => void loadDialog().catch(() => undefined), Math.max(0, schedule.warnAt - 60_000 - Date.now()));
    return () => window.clearTimeout(timer);
  }, [schedule]);

  useEffect(() => {
    return subscribeToApi((event) => {
      if (event.kind === 'session-ended') {
        end('idle');
        return;
      }
      setLastActivityAt((previous) => Math.max(previous, event.startedAt));
      setNow(Date.now());
    });
  }, [end]);

  // One timer at a time: until the warning, then once a second for the countdown.
  useEffect(() => {
    const timer = window.setTimeout(() => setNow(Date.now()), nextCheckIn(now, schedule));
    return () => window.clearTimeout(timer);
  }, [now, schedule]);

  // Timers stall while a laptop sleeps or a tab is in the background: look again on return.
  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === 'visible') setNow(Date.now());
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, []);

  useEffect(() => {
    if (phase !== 'expired') return;
    // The server has ended (or is about to end) the session; signing out here too clears the cookie.
    void signOut().catch(() => undefined);
    end('idle');
  }, [phase, end]);

  const latest = useRef({ lastActivityAt, phase, inFlight: false });
  latest.current.lastActivityAt = lastActivityAt;
  latest.current.phase = phase;
  useEffect(() => {
    const onInput = () => {
      const state = latest.current;
      if (state.inFlight || !shouldRefreshOnInput(Date.now(), state.lastActivityAt, state.phase)) return;
      state.inFlight = true;
      // Success is heard through subscribeToApi; a failure just leaves the count running.
      keepAlive()
        .catch(() => undefined)
        .finally(() => {
          state.inFlight = false;
        });
    };
    for (const name of inputEvents) window.addEventListener(name, onInput, { passive: true, capture: true });
    return () => {
      for (const name of inputEvents) window.removeEventListener(name, onInput, { capture: true });
    };
  }, []);

  // Where focus was before the dialog, to put it back after "Stay signed in": the dialog
  // unmounts rather than closes, and focus would otherwise drop to the top of the page.
  const focusBefore = useRef<HTMLElement | null>(null);
  useEffect(() => {
    const onFocusIn = (event: FocusEvent) => {
      if (event.target instanceof HTMLElement && !event.target.closest('[data-idle-dialog]')) focusBefore.current = event.target;
    };
    document.addEventListener('focusin', onFocusIn);
    return () => document.removeEventListener('focusin', onFocusIn);
  }, []);
  const wasWarning = useRef(false);
  useEffect(() => {
    if (phase === 'warning') wasWarning.current = true;
    else if (phase === 'active' && wasWarning.current) {
      wasWarning.current = false;
      const target = focusBefore.current?.isConnected ? focusBefore.current : document.getElementById('main');
      if (!document.activeElement || document.activeElement === document.body) target?.focus();
    }
  }, [phase]);

  const stay = useCallback(async () => {
    setStaying(true);
    setStayFailed(false);
    try {
      await keepAlive();
    } catch {
      // A 401 has already signed out through subscribeToApi; anything else can be retried.
      setStayFailed(true);
    } finally {
      setStaying(false);
    }
  }, []);

  const chooseSignOut = useCallback(async () => {
    await signOut().catch(() => undefined);
    end('chosen');
  }, [end]);

  if (phase !== 'warning') return null;
  return (
    <Suspense fallback={null}>
      <IdleDialog
        secondsLeft={secondsLeft(now, schedule.signOutAt)}
        isStaying={isStaying}
        stayFailed={stayFailed}
        onStay={() => void stay()}
        onSignOut={() => void chooseSignOut()}
      />
    </Suspense>
  );
}
