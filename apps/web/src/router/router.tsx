import { createContext, use, useCallback, useEffect, useMemo, useState } from 'react';
import type { AnchorHTMLAttributes, MouseEvent, ReactNode } from 'react';

// A few lines of history routing instead of react-router: the app has a handful of
// flat paths, and react-router's ~13 KB gzip would push the sign-in page past its
// 120 KiB JavaScript budget.

export type NavigateOptions = { replace?: boolean };

type RouterValue = {
  path: string;
  /** The query string, with its leading "?" (or ""), e.g. the token of a password-reset link. */
  search: string;
  /** True once the person has moved between pages in this tab; used to move focus. */
  hasNavigated: boolean;
  navigate: (to: string, options?: NavigateOptions) => void;
};

const RouterContext = createContext<RouterValue | null>(null);

export function RouterProvider({ children }: { children: ReactNode }) {
  const [path, setPath] = useState(() => window.location.pathname);
  const [search, setSearch] = useState(() => window.location.search);
  const [hasNavigated, setHasNavigated] = useState(false);

  useEffect(() => {
    const onPopState = () => {
      setPath(window.location.pathname);
      setSearch(window.location.search);
      setHasNavigated(true);
    };
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, []);

  const navigate = useCallback((to: string, options?: NavigateOptions) => {
    if (options?.replace) window.history.replaceState(null, '', to);
    else window.history.pushState(null, '', to);
    setPath(window.location.pathname);
    setSearch(window.location.search);
    setHasNavigated(true);
    window.scrollTo(0, 0);
  }, []);

  const value = useMemo(() => ({ path, search, hasNavigated, navigate }), [path, search, hasNavigated, navigate]);
  return <RouterContext value={value}>{children}</RouterContext>;
}

export function useRouter(): RouterValue {
  const router = use(RouterContext);
  if (!router) throw new Error('useRouter must be used inside <RouterProvider>');
  return router;
}

type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { href: string };

/** An ordinary link that changes page without reloading; modified clicks open normally. */
export function Link({ href, onClick, ...rest }: LinkProps) {
  const { navigate } = useRouter();
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(href);
  };
  return <a href={href} onClick={handleClick} {...rest} />;
}
