import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { RouterProvider, useRouter } from './router/router.tsx';
import { SessionProvider } from './session/session-context.tsx';
import { AppShell } from './shell/app-shell.tsx';
import { NotFoundPage } from './shell/not-found-page.tsx';
import { PageErrorBoundary } from './shell/page-error-boundary.tsx';

// Each page is its own chunk: the sign-in page alone carries react-aria's form code,
// and the signed-in pages never download it.
const SignInPage = lazy(() =>
  import('./features/sign-in/sign-in-page.tsx').then((module) => ({ default: module.SignInPage })),
);
const HomePage = lazy(() =>
  import('./features/home/home-page.tsx').then((module) => ({ default: module.HomePage })),
);

function PageLoading() {
  const { t } = useTranslation();
  return (
    <p role="status" className="notice">
      {t('loadingPage')}
    </p>
  );
}

function normalise(path: string): string {
  return path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
}

function CurrentPage() {
  const { path } = useRouter();
  switch (normalise(path)) {
    case '/':
      return <HomePage />;
    case '/sign-in':
      return <SignInPage />;
    default:
      return <NotFoundPage />;
  }
}

function Pages() {
  const { path } = useRouter();
  // Keyed by path so a failed page does not keep showing its error after moving on.
  return (
    <PageErrorBoundary key={path}>
      <Suspense fallback={<PageLoading />}>
        <CurrentPage />
      </Suspense>
    </PageErrorBoundary>
  );
}

export function App() {
  return (
    <RouterProvider>
      <SessionProvider>
        <AppShell>
          <Pages />
        </AppShell>
      </SessionProvider>
    </RouterProvider>
  );
}
