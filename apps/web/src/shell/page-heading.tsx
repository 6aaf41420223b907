import { useEffect, useRef } from 'react';
import type { ReactNode } from 'react';
import { useRouter } from '../router/router.tsx';

/**
 * The page's one h1. After an in-app page change it takes focus, so screen reader
 * users hear where they landed and keyboard users start from the top of the page.
 */
export function PageHeading({ children, focusOnMount = false }: { children: ReactNode; focusOnMount?: boolean }) {
  const ref = useRef<HTMLHeadingElement>(null);
  const { hasNavigated } = useRouter();

  useEffect(() => {
    // focusOnMount: a new step on the same page (e.g. the second sign-in step) is like a new page.
    if (hasNavigated || focusOnMount) ref.current?.focus();
    // Only when the heading first appears, not when the language changes its text.
  }, []);

  return (
    <h1 ref={ref} tabIndex={-1} className="page__title">
      {children}
    </h1>
  );
}
