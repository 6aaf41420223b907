import { lazy, Suspense } from 'react';
import type { ComponentType, LazyExoticComponent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '@ourchart/contracts';
import { RouterProvider, useRouter } from './router/router.tsx';
import { RequireSession } from './session/require-session.tsx';
import { SessionProvider } from './session/session-context.tsx';
import { AppShell } from './shell/app-shell.tsx';
import { NotFoundPage } from './shell/not-found-page.tsx';
import { PageErrorBoundary } from './shell/page-error-boundary.tsx';

// Each page is its own chunk: the signed-out pages carry react-aria's form code, and a
// page's code is downloaded only when someone opens it (scripts/page-weights.ts measures them).
const page = (load: () => Promise<ComponentType>) => lazy(() => load().then((component) => ({ default: component })));

const SignInPage = page(() => import('./features/sign-in/sign-in-page.tsx').then((m) => m.SignInPage));
const ActivatePage = page(() => import('./features/activate/activate-page.tsx').then((m) => m.ActivatePage));
const SignUpPage = page(() => import('./features/sign-up/sign-up-page.tsx').then((m) => m.SignUpPage));
const ForgotPasswordPage = page(() => import('./features/password-reset/forgot-password-page.tsx').then((m) => m.ForgotPasswordPage));
const ResetPasswordPage = page(() => import('./features/password-reset/reset-password-page.tsx').then((m) => m.ResetPasswordPage));
const HomePage = page(() => import('./features/home/home-page.tsx').then((m) => m.HomePage));
const SecurityPage = page(() => import('./features/account/security-page.tsx').then((m) => m.SecurityPage));
const ActivityPage = page(() => import('./features/account/activity-page.tsx').then((m) => m.ActivityPage));
const StaffPage = page(() => import('./features/staff/staff-page.tsx').then((m) => m.StaffPage));
const AuditPage = page(() => import('./features/admin/audit-page.tsx').then((m) => m.AuditPage));

type Route = {
  page: LazyExoticComponent<ComponentType>;
  /** Signed-in pages; `roles` narrows who may open them (anyone signed in when absent). */
  signedIn?: { roles?: readonly Role[] };
};

const careTeam: readonly Role[] = ['clinician', 'nurse', 'staff', 'admin'];

/** Every page, by path. Paths are flat, so a lookup is all the routing there is. */
const routes: Record<string, Route> = {
  '/sign-in': { page: SignInPage },
  '/activate': { page: ActivatePage },
  '/sign-up': { page: SignUpPage },
  '/forgot-password': { page: ForgotPasswordPage },
  '/reset-password': { page: ResetPasswordPage },
  '/': { page: HomePage, signedIn: {} },
  '/account/security': { page: SecurityPage, signedIn: {} },
  '/account/activity': { page: ActivityPage, signedIn: {} },
  '/staff': { page: StaffPage, signedIn: { roles: careTeam } },
  '/admin/audit': { page: AuditPage, signedIn: { roles: ['admin'] } },
};

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
  const route = routes[normalise(path)];
  if (!route) return <NotFoundPage />;
  const Page = route.page;
  if (!route.signedIn) return <Page />;
  return (
    <RequireSession roles={route.signedIn.roles}>
      <Page />
    </RequireSession>
  );
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
