import { createContext, use, useEffect, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import type { LiveEvent } from '@ourchart/contracts';

type Listener = (event: LiveEvent) => void;

type LiveValue = {
  /** Unread notifications, as the server last said; null before the stream's first word. */
  unread: number | null;
  setUnread: (n: number) => void;
  subscribe: (listener: Listener) => () => void;
};

const LiveContext = createContext<LiveValue | null>(null);

/** Waits before reconnecting after the browser gave up (e.g. the server said 401): 2 s, 4 s ... 1 min. */
const backoff = (attempt: number) => Math.min(60_000, 2000 * 2 ** attempt);

/**
 * One EventSource (GET /api/events) for the whole app while someone is signed in. Pages listen
 * through useLiveEvents; the header reads the unread count. The browser reconnects by itself when
 * a stream drops; when it gives up (the server refused), this tries again later with a backoff.
 * The stream is not activity: it does not keep an idle session alive (server side).
 */
export function LiveEventsProvider({ userId, children }: { userId: string | null; children: ReactNode }) {
  const [unread, setUnread] = useState<number | null>(null);
  const listeners = useRef(new Set<Listener>());

  useEffect(() => {
    setUnread(null);
    if (!userId || typeof EventSource === 'undefined') return;
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let attempt = 0;
    let stopped = false;
    const open = () => {
      source = new EventSource('/api/events');
      source.onopen = () => {
        attempt = 0;
      };
      source.onmessage = (message: MessageEvent<string>) => {
        let event: LiveEvent;
        try {
          event = JSON.parse(message.data) as LiveEvent;
        } catch {
          return;
        }
        if (event.type !== 'change') setUnread(event.unread);
        for (const listener of listeners.current) listener(event);
      };
      source.onerror = () => {
        if (source?.readyState !== EventSource.CLOSED || stopped) return;
        source.close();
        retry = setTimeout(open, backoff(attempt++));
      };
    };
    open();
    return () => {
      stopped = true;
      clearTimeout(retry);
      source?.close();
    };
  }, [userId]);

  const value = useMemo<LiveValue>(
    () => ({
      unread,
      setUnread,
      subscribe: (listener) => {
        listeners.current.add(listener);
        return () => listeners.current.delete(listener);
      },
    }),
    [unread],
  );
  return <LiveContext value={value}>{children}</LiveContext>;
}

/** Which events a page wants: every listed field must match (e.g. { type: 'change', entityType: 'MessageThread' }). */
export type LiveFilter = Partial<{ type: LiveEvent['type']; kind: string; entityType: string; entityId: string }> | ((event: LiveEvent) => boolean);

function matches(filter: LiveFilter, event: LiveEvent): boolean {
  if (typeof filter === 'function') return filter(event);
  const fields = event as Record<string, unknown>;
  return Object.entries(filter).every(([key, value]) => value === undefined || fields[key] === value);
}

/**
 * Calls `callback` for each live event matching `filter` while the component is mounted, e.g. a
 * thread page reloading when { type: 'change', entityType: 'MessageThread', entityId: id } or a
 * notification for it arrives. Events carry ids only: reload the item through the API. A reload
 * is a request like any other and refreshes the idle timer; the stream itself does not.
 */
export function useLiveEvents(filter: LiveFilter, callback: (event: LiveEvent) => void): void {
  const live = use(LiveContext);
  const latest = useRef({ filter, callback });
  useEffect(() => {
    latest.current = { filter, callback };
  });
  const subscribe = live?.subscribe;
  useEffect(() => {
    if (!subscribe) return;
    return subscribe((event) => {
      if (matches(latest.current.filter, event)) latest.current.callback(event);
    });
  }, [subscribe]);
}

/** The unread count for the header, and a setter for pages that just marked some read. */
export function useUnreadCount(): { unread: number | null; setUnread: (n: number) => void } {
  const live = use(LiveContext);
  return { unread: live?.unread ?? null, setUnread: live?.setUnread ?? (() => {}) };
}
