/** The warning opens this long before the server would end the session (less for short timeouts). */
export const WARNING_LEAD_SECONDS = 120;

/** Input after this long without a request sends a quiet keep-alive, so active people are not warned. */
export const INPUT_REFRESH_AFTER_MS = 60_000;

export type IdleSchedule = {
  /** When the "You will be signed out soon" dialog opens (epoch ms). */
  warnAt: number;
  /** When the server ends the session, so the app signs out too (epoch ms). */
  signOutAt: number;
};

/**
 * When to warn and when to sign out, counted from the last request the server saw. The lead is
 * two minutes, or half the timeout when that is shorter (a 1-minute timeout warns after 30 s).
 */
export function idleSchedule(lastActivityAt: number, idleTimeoutSeconds: number): IdleSchedule {
  const timeout = Math.max(1, idleTimeoutSeconds);
  const lead = Math.min(WARNING_LEAD_SECONDS, Math.floor(timeout / 2));
  const signOutAt = lastActivityAt + timeout * 1000;
  return { warnAt: signOutAt - lead * 1000, signOutAt };
}

export type IdlePhase = 'active' | 'warning' | 'expired';

export function idlePhase(now: number, schedule: IdleSchedule): IdlePhase {
  if (now >= schedule.signOutAt) return 'expired';
  return now >= schedule.warnAt ? 'warning' : 'active';
}

/** Whole seconds until sign-out, never negative. */
export function secondsLeft(now: number, signOutAt: number): number {
  return Math.max(0, Math.ceil((signOutAt - now) / 1000));
}

/** Minutes as people say them: 1 min 45 s left is "2 minutes", and never "0 minutes". */
export function minutesLeft(seconds: number): number {
  return Math.max(1, Math.ceil(seconds / 60));
}

/** "1:05" for 65 seconds: the visible countdown. */
export function formatClock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** The timeout in whole minutes, for "signed out after 15 minutes without activity". */
export function timeoutMinutes(idleTimeoutSeconds: number): number {
  return Math.max(1, Math.round(idleTimeoutSeconds / 60));
}

/** How long to wait before looking again: until the warning, then each second of the countdown. */
export function nextCheckIn(now: number, schedule: IdleSchedule): number {
  if (now < schedule.warnAt) return schedule.warnAt - now;
  if (now >= schedule.signOutAt) return 0;
  // Wake on the next whole second of the countdown so the clock ticks evenly.
  return Math.min(schedule.signOutAt - now, ((schedule.signOutAt - now) % 1000) || 1000);
}

/** True when someone is using the page but the server has not heard from it for a while. */
export function shouldRefreshOnInput(now: number, lastActivityAt: number, phase: IdlePhase): boolean {
  return phase === 'active' && now - lastActivityAt >= INPUT_REFRESH_AFTER_MS;
}
