import { describe, expect, it } from 'vitest';
import { formatClock, idlePhase, idleSchedule, minutesLeft, nextCheckIn, secondsLeft, shouldRefreshOnInput, timeoutMinutes } from './idle-timer.ts';

const t0 = 1_700_000_000_000;
const minute = 60_000;

describe('idleSchedule', () => {
  it('warns 2 minutes before the 15-minute timeout the server enforces', () => {
    expect(idleSchedule(t0, 900)).toEqual({ warnAt: t0 + 13 * minute, signOutAt: t0 + 15 * minute });
  });

  it('warns halfway through a timeout shorter than 4 minutes', () => {
    expect(idleSchedule(t0, 60)).toEqual({ warnAt: t0 + 30_000, signOutAt: t0 + minute });
  });

  it('moves with the last request the server saw', () => {
    const later = idleSchedule(t0 + 5 * minute, 900);
    expect(later.warnAt).toBe(t0 + 18 * minute);
  });
});

describe('idlePhase', () => {
  const schedule = idleSchedule(t0, 900);
  it('is active before the warning, warning in the last 2 minutes, expired at the end', () => {
    expect(idlePhase(t0 + 13 * minute - 1, schedule)).toBe('active');
    expect(idlePhase(t0 + 13 * minute, schedule)).toBe('warning');
    expect(idlePhase(t0 + 15 * minute - 1, schedule)).toBe('warning');
    expect(idlePhase(t0 + 15 * minute, schedule)).toBe('expired');
  });

  it('is expired straight away after a computer slept past the timeout', () => {
    expect(idlePhase(t0 + 60 * minute, schedule)).toBe('expired');
  });
});

describe('countdown wording', () => {
  it('rounds seconds up, so the clock never shows 0:00 while time is left', () => {
    expect(secondsLeft(t0, t0 + 119_001)).toBe(120);
    expect(secondsLeft(t0 + 5000, t0)).toBe(0);
  });

  it('says minutes the way people do, never "0 minutes"', () => {
    expect(minutesLeft(120)).toBe(2);
    expect(minutesLeft(105)).toBe(2);
    expect(minutesLeft(60)).toBe(1);
    expect(minutesLeft(1)).toBe(1);
    expect(minutesLeft(0)).toBe(1);
  });

  it('formats the visible clock as m:ss', () => {
    expect(formatClock(120)).toBe('2:00');
    expect(formatClock(65)).toBe('1:05');
    expect(formatClock(9)).toBe('0:09');
    expect(formatClock(-3)).toBe('0:00');
  });

  it('names the timeout in whole minutes', () => {
    expect(timeoutMinutes(900)).toBe(15);
    expect(timeoutMinutes(60)).toBe(1);
    expect(timeoutMinutes(20)).toBe(1);
  });
});

describe('nextCheckIn', () => {
  const schedule = idleSchedule(t0, 900);
  it('sleeps until the warning, then wakes every second of the countdown', () => {
    expect(nextCheckIn(t0, schedule)).toBe(13 * minute);
    expect(nextCheckIn(schedule.warnAt, schedule)).toBe(1000);
    expect(nextCheckIn(schedule.warnAt + 250, schedule)).toBe(750);
    expect(nextCheckIn(schedule.signOutAt - 400, schedule)).toBe(400);
    expect(nextCheckIn(schedule.signOutAt + 1, schedule)).toBe(0);
  });
});

describe('shouldRefreshOnInput', () => {
  it('refreshes the session for someone typing or clicking a minute after the last request', () => {
    expect(shouldRefreshOnInput(t0 + minute, t0, 'active')).toBe(true);
    expect(shouldRefreshOnInput(t0 + minute - 1, t0, 'active')).toBe(false);
  });

  it('does not answer the warning for the person: they must choose in the dialog', () => {
    expect(shouldRefreshOnInput(t0 + 14 * minute, t0, 'warning')).toBe(false);
  });
});
