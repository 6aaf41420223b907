import { useCallback, useEffect, useMemo, useState } from 'react';

export type ApiState<T> =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; data: T };

export type ApiResult<T> = ApiState<T> & { reload: () => void };

/**
 * Runs `load` when the component mounts (and on `reload()`), tracking loading, error
 * and data. `load` must be a stable function, such as one from endpoints.ts.
 * With `enabled: false` nothing is fetched and the state stays 'loading'.
 */
export function useApi<T>(load: () => Promise<T>, { enabled = true } = {}): ApiResult<T> {
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<ApiState<T>>({ status: 'loading' });

  useEffect(() => {
    if (!enabled) return;
    // Ignore answers that arrive after unmount or after a newer attempt started.
    let isCurrent = true;
    setState({ status: 'loading' });
    load().then(
      (data) => {
        if (isCurrent) setState({ status: 'ready', data });
      },
      (error: unknown) => {
        if (isCurrent) setState({ status: 'error', error });
      },
    );
    return () => {
      isCurrent = false;
    };
  }, [load, enabled, attempt]);

  const reload = useCallback(() => setAttempt((count) => count + 1), []);
  // Memoised so effects that depend on the result run only when it changes.
  return useMemo(() => ({ ...state, reload }), [state, reload]);
}
