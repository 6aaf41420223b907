import { useCallback, useRef, useState } from 'react';

export type Request = {
  isPending: boolean;
  /** The last failure itself (not its text), so our wording follows a language switch. */
  failure: unknown;
  clearFailure: () => void;
  /** Runs `work` unless a request is already running; resolves undefined when it failed or was skipped. */
  run: <T>(work: () => Promise<T>) => Promise<T | undefined>;
};

/** One request at a time for a form, with its pending state and failure. */
export function useRequest(): Request {
  const [isPending, setPending] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  // A ref as well as state: two quick clicks land before React re-renders.
  const running = useRef(false);

  const run = useCallback(async <T,>(work: () => Promise<T>): Promise<T | undefined> => {
    if (running.current) return undefined;
    running.current = true;
    setPending(true);
    setFailure(null);
    try {
      return await work();
    } catch (error) {
      setFailure(error);
      return undefined;
    } finally {
      running.current = false;
      setPending(false);
    }
  }, []);

  const clearFailure = useCallback(() => setFailure(null), []);
  return { isPending, failure, clearFailure, run };
}
