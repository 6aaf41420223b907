import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { pendingAppRequest } from './pending-authorization.tsx';

// This tab's sessionStorage, as the browser gives it.
function fakeStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
}

describe('pendingAppRequest (an app request waiting while the person signs in)', () => {
  beforeEach(() => {
    vi.stubGlobal('window', { sessionStorage: fakeStorage() });
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('keeps the request id until it is cleared', () => {
    expect(pendingAppRequest.get()).toBeNull();
    pendingAppRequest.set('uid-123456789');
    expect(pendingAppRequest.get()).toBe('uid-123456789');
    pendingAppRequest.clear();
    expect(pendingAppRequest.get()).toBeNull();
  });

  it('forgets a request after 30 minutes, as the authorization server does', () => {
    pendingAppRequest.set('uid-123456789');
    vi.advanceTimersByTime(29 * 60 * 1000);
    expect(pendingAppRequest.get()).toBe('uid-123456789');
    vi.advanceTimersByTime(2 * 60 * 1000);
    expect(pendingAppRequest.get()).toBeNull();
  });

  it('treats blocked or garbled storage as nothing waiting', () => {
    vi.stubGlobal('window', { sessionStorage: { getItem: () => '{not json', setItem: () => { throw new Error('blocked'); }, removeItem: () => undefined } });
    expect(() => pendingAppRequest.set('uid-123456789')).not.toThrow();
    expect(pendingAppRequest.get()).toBeNull();
  });
});
