import { useCallback, useEffect, useRef, useState } from 'react';

export type LiveData<T> =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; data: T };

/**
 * Like useApi, but `refresh()` fetches again without going back to "loading": a live update
 * replaces the data in place, so what someone is typing (a reply) and where focus is stay put.
 * `load` must be stable; a new `load` starts over with "loading". `onData` sees every answer with
 * the one before it (the inbox compares them to announce new messages).
 */
export function useLiveData<T>(load: (() => Promise<T>) | null, onData?: (next: T, previous: T | null) => void) {
  const [state, setState] = useState<LiveData<T>>({ status: 'loading' });
  const current = useRef<{ load: typeof load; data: T | null; seq: number }>({ load, data: null, seq: 0 });
  const onDataRef = useRef(onData);
  useEffect(() => {
    onDataRef.current = onData;
  });

  const run = useCallback(async (quiet: boolean) => {
    const l = current.current.load;
    if (!l) return;
    const seq = ++current.current.seq;
    if (!quiet) setState({ status: 'loading' });
    try {
      const data = await l();
      // A newer request (or another item) started meanwhile: its answer wins.
      if (seq !== current.current.seq || l !== current.current.load) return;
      onDataRef.current?.(data, current.current.data);
      current.current.data = data;
      setState({ status: 'ready', data });
    } catch (error) {
      if (seq !== current.current.seq || l !== current.current.load) return;
      // A failed quiet refresh keeps what is on screen; the next event or reload tries again.
      if (!quiet || current.current.data === null) setState({ status: 'error', error });
    }
  }, []);

  useEffect(() => {
    current.current = { load, data: null, seq: current.current.seq + 1 };
    if (load) void run(false);
  }, [load, run]);

  const refresh = useCallback(() => void run(true), [run]);
  const reload = useCallback(() => void run(false), [run]);
  /** Puts an answer the server already gave (e.g. after Claim) on screen without fetching. */
  const set = useCallback((data: T) => {
    current.current.seq++;
    current.current.data = data;
    setState({ status: 'ready', data });
  }, []);
  return { state, refresh, reload, set };
}
