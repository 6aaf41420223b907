import { lazy, Suspense } from 'react';
import type { ComponentType, LazyExoticComponent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '@ourchart/contracts';
import { loadNamespaces } from './i18n/load-namespaces.ts';
import type { LazyNamespace } from './i18n/load-namespaces.ts';
import { RouterProvider, useRouter } from './router/router.tsx';
import { RequireSession } from './session/require-session.tsx';
import { SessionProvider } from './session/session-context.tsx';
import { AppShell } from './shell/app-shell.tsx';
import { NotFoundPage } from './shell/not-found-page.tsx';
import { PageErrorBoundary } from './shell/page-error-boundary.tsx';

// Each page is its own chunk, loaded with the words it uses (its i18n namespaces) only when
// someone opens it: the signed-out pages carry react-aria's form code and the signed-in pages
// never download it. scripts/page-weights.ts measures what each page costs.
function page(load: () => Promise<ComponentType>, namespaces: readonly LazyNamespace[]) {
  return lazy(async () => {
    const [component] = await Promise.all([load(), loadNamespaces(namespaces)]);
    return { default: component };
  });
}

const SignInPage = page(() => import('./features/sign-in/sign-in-page.tsx').then((m) => m.SignInPage), ['signIn']);
const ActivatePage = page(() => import('./features/activate/activate-page.tsx').then((m) => m.ActivatePage), ['auth']);
const SignUpPage = page(() => import('./features/sign-up/sign-up-page.tsx').then((m) => m.SignUpPage), ['auth']);
const ForgotPasswordPage = page(
  () => import('./features/password-reset/forgot-password-page.tsx').then((m) => m.ForgotPasswordPage),
  ['auth'],
);
const ResetPasswordPage = page(
  () => import('./features/password-reset/reset-password-page.tsx').then((m) => m.ResetPasswordPage),
  ['auth'],
);
const HomePage = page(() => import('./features/home/home-page.tsx').then((m) => m.HomePage), ['home']);
// These pages add their own namespaces (features/<area>/words.ts) as their modules load.
const SecurityPage = page(() => import('./features/account/security-page.tsx').then((m) => m.SecurityPage), []);
const ActivityPage = page(() => import('./features/account/activity-page.tsx').then((m) => m.ActivityPage), []);
const StaffPage = page(() => import('./features/staff/staff-page.tsx').then((m) => m.StaffPage), []);
const AuditPage = page(() => import('./features/admin/audit-page.tsx').then((m) => m.AuditPage), []);
const ResultsPage = page(() => import('./features/results/results-page.tsx').then((m) => m.ResultsPage), []);
const TrendPage = page(() => import('./features/results/trend-page.tsx').then((m) => m.TrendPage), []);
const MedicationsPage = page(() => import('./features/record-lists/medications-page.tsx').then((m) => m.MedicationsPage), []);
const AllergiesPage = page(() => import('./features/record-lists/allergies-page.tsx').then((m) => m.AllergiesPage), []);
const ConditionsPage = page(() => import('./features/record-lists/conditions-page.tsx').then((m) => m.ConditionsPage), []);
const VisitsPage = page(() => import('./features/visits/visits-page.tsx').then((m) => m.VisitsPage), []);
const ImmunizationsPage = page(() => import('./features/immunizations/immunizations-page.tsx').then((m) => m.ImmunizationsPage), []);
const VitalsPage = page(() => import('./features/vitals/vitals-page.tsx').then((m) => m.VitalsPage), []);
const DocumentsPage = page(() => import('./features/documents/documents-page.tsx').then((m) => m.DocumentsPage), []);
const SharedRecordPage = page(() => import('./features/shared-record/shared-record-page.tsx').then((m) => m.SharedRecordPage), []);
const CorrectionsPage = page(() => import('./features/corrections/corrections-page.tsx').then((m) => m.CorrectionsPage), []);
const StaffCorrectionsPage = page(() => import('./features/corrections/staff-corrections-page.tsx').then((m) => m.StaffCorrectionsPage), []);

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
  '/results': { page: ResultsPage, signedIn: {} },
  '/results/trend': { page: TrendPage, signedIn: {} },
  '/vitals': { page: VitalsPage, signedIn: {} },
  '/medications': { page: MedicationsPage, signedIn: {} },
  '/allergies': { page: AllergiesPage, signedIn: {} },
  '/conditions': { page: ConditionsPage, signedIn: {} },
  '/immunizations': { page: ImmunizationsPage, signedIn: {} },
  '/visits': { page: VisitsPage, signedIn: {} },
  '/documents': { page: DocumentsPage, signedIn: {} },
  '/corrections': { page: CorrectionsPage, signedIn: {} },
  // Opened from a share link by anyone holding it (the key is in the #fragment, never sent to the server's logs).
  '/shared': { page: SharedRecordPage },
  '/staff': { page: StaffPage, signedIn: { roles: careTeam } },
  '/staff/corrections': { page: StaffCorrectionsPage, signedIn: { roles: careTeam } },
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
