import { lazy, Suspense } from 'react';
import type { ComponentType, LazyExoticComponent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '@ourchart/contracts';
import { loadNamespaces } from './i18n/load-namespaces.ts';
import type { LazyNamespace } from './i18n/load-namespaces.ts';
import { RouterProvider, useRouter } from './router/router.tsx';
import { RequireSession } from './session/require-session.tsx';
import { SessionProvider } from './session/session-context.tsx';
import { PatientContextProvider, RecordFeatureGate, usePatientContext } from './session/patient-context.tsx';
import { AppShell } from './shell/app-shell.tsx';
import { NotFoundPage } from './shell/not-found-page.tsx';
import { PageErrorBoundary } from './shell/page-error-boundary.tsx';
import { ReturnToAppRequest } from './features/smart-authorize/pending-authorization.tsx';

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
const AppointmentsPage = page(() => import('./features/appointments/appointments-page.tsx').then((m) => m.AppointmentsPage), []);
const NewAppointmentPage = page(() => import('./features/appointments/new-appointment-page.tsx').then((m) => m.NewAppointmentPage), []);
const ReschedulePage = page(() => import('./features/appointments/reschedule-page.tsx').then((m) => m.ReschedulePage), []);
const WaitlistPage = page(() => import('./features/waitlist/waitlist-page.tsx').then((m) => m.WaitlistPage), []);
const StaffCorrectionsPage = page(() => import('./features/corrections/staff-corrections-page.tsx').then((m) => m.StaffCorrectionsPage), []);
const EcheckinPage = page(() => import('./features/echeckin/echeckin-page.tsx').then((m) => m.EcheckinPage), []);
const StaffAlertsPage = page(() => import('./features/echeckin/staff-alerts-page.tsx').then((m) => m.StaffAlertsPage), []);
const SchedulePage = page(() => import('./features/scheduling-admin/schedule-page.tsx').then((m) => m.SchedulePage), []);
const SchedulingSetupPage = page(() => import('./features/scheduling-admin/setup-page.tsx').then((m) => m.SchedulingSetupPage), []);
const ReminderSettingsPage = page(() => import('./features/reminders/reminder-settings-page.tsx').then((m) => m.ReminderSettingsPage), []);
const NotificationsPage = page(() => import('./features/notifications/notifications-page.tsx').then((m) => m.NotificationsPage), []);
const NotificationSettingsPage = page(() => import('./features/notifications/notification-settings-page.tsx').then((m) => m.NotificationSettingsPage), []);
const OutboxPage = page(() => import('./features/outbox/outbox-page.tsx').then((m) => m.OutboxPage), []);
const MessagesPage = page(() => import('./features/messaging/messages-page.tsx').then((m) => m.MessagesPage), []);
const NewMessagePage = page(() => import('./features/messaging/new-message-page.tsx').then((m) => m.NewMessagePage), []);
const ThreadPage = page(() => import('./features/messaging/thread-page.tsx').then((m) => m.ThreadPage), []);
const InboxPage = page(() => import('./features/inbox/inbox-page.tsx').then((m) => m.InboxPage), []);
const SharingPage = page(() => import('./features/proxies/sharing-page.tsx').then((m) => m.SharingPage), []);
const ProxyInvitePage = page(() => import('./features/proxies/proxy-invite-page.tsx').then((m) => m.ProxyInvitePage), []);
const ProxyRulesPage = page(() => import('./features/proxies/proxy-rules-page.tsx').then((m) => m.ProxyRulesPage), []);
const RefillsPage = page(() => import('./features/refills/refills-page.tsx').then((m) => m.RefillsPage), []);
const StaffRefillsPage = page(() => import('./features/refills/staff-refills-page.tsx').then((m) => m.StaffRefillsPage), []);
const BillingPage = page(() => import('./features/billing/billing-page.tsx').then((m) => m.BillingPage), []);
const PayPage = page(() => import('./features/billing/pay-page.tsx').then((m) => m.PayPage), []);
const PlanPage = page(() => import('./features/billing/plan-page.tsx').then((m) => m.PlanPage), []);
const StaffBillingPage = page(() => import('./features/staff-billing/staff-billing-page.tsx').then((m) => m.StaffBillingPage), []);
const InsurancePage = page(() => import('./features/insurance/insurance-page.tsx').then((m) => m.InsurancePage), []);
const StaffInsurancePage = page(() => import('./features/insurance/staff-insurance-page.tsx').then((m) => m.StaffInsurancePage), []);
const EstimatePage = page(() => import('./features/estimates/estimate-page.tsx').then((m) => m.EstimatePage), []);
const AssistancePage = page(() => import('./features/assistance/assistance-page.tsx').then((m) => m.AssistancePage), []);
const StaffAssistancePage = page(() => import('./features/assistance/staff-assistance-page.tsx').then((m) => m.StaffAssistancePage), []);
const SmartAuthorizePage = page(() => import('./features/smart-authorize/smart-authorize-page.tsx').then((m) => m.SmartAuthorizePage), []);
const ConnectedAppsPage = page(() => import('./features/connected-apps/connected-apps-page.tsx').then((m) => m.ConnectedAppsPage), []);
const AdminAppsPage = page(() => import('./features/admin-apps/admin-apps-page.tsx').then((m) => m.AdminAppsPage), []);

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
  '/account/notifications': { page: NotificationSettingsPage, signedIn: {} },
  '/notifications': { page: NotificationsPage, signedIn: {} },
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
  '/refills': { page: RefillsPage, signedIn: {} },
  '/messages': { page: MessagesPage, signedIn: {} },
  '/messages/new': { page: NewMessagePage, signedIn: {} },
  '/messages/thread': { page: ThreadPage, signedIn: {} },
  '/appointments': { page: AppointmentsPage, signedIn: {} },
  '/check-in': { page: EcheckinPage, signedIn: {} },
  '/appointments/new': { page: NewAppointmentPage, signedIn: {} },
  '/appointments/reschedule': { page: ReschedulePage, signedIn: {} },
  '/appointments/offers': { page: WaitlistPage, signedIn: {} },
  // Opened from a share link by anyone holding it (the key is in the #fragment, never sent to the server's logs).
  '/shared': { page: SharedRecordPage },
  '/staff': { page: StaffPage, signedIn: { roles: careTeam } },
  // The care team's message inbox (issue 6); /staff/inbox is where `message-waiting` notifications link.
  '/inbox': { page: InboxPage, signedIn: { roles: careTeam } },
  '/staff/inbox': { page: InboxPage, signedIn: { roles: careTeam } },
  '/staff/corrections': { page: StaffCorrectionsPage, signedIn: { roles: careTeam } },
  // Clinicians approve, nurses deny or leave notes (features/refills); the server refuses other staff.
  '/staff/refills': { page: StaffRefillsPage, signedIn: { roles: ['clinician', 'nurse'] } },
  '/staff/alerts': { page: StaffAlertsPage, signedIn: { roles: careTeam } },
  '/staff/schedule': { page: SchedulePage, signedIn: { roles: careTeam } },
  '/staff/scheduling': { page: SchedulingSetupPage, signedIn: { roles: careTeam } },
  '/appointments/reminders': { page: ReminderSettingsPage, signedIn: {} },
  '/staff/outbox': { page: OutboxPage, signedIn: { roles: ['staff', 'admin'] } },
  '/admin/audit': { page: AuditPage, signedIn: { roles: ['admin'] } },
  '/sharing': { page: SharingPage, signedIn: { roles: ['patient'] } },
  // Opened from an invitation email; the token is in the #fragment. Signed-out people are asked to sign in first (the page keeps the token).
  '/proxy-invite': { page: ProxyInvitePage },
  '/admin/proxy-rules': { page: ProxyRulesPage, signedIn: { roles: ['admin'] } },
  // Billing (issue 8): proxies need the 'billing' feature of the record (nav-items PAGE_FEATURES).
  '/billing': { page: BillingPage, signedIn: {} },
  '/billing/pay': { page: PayPage, signedIn: {} },
  '/billing/plan': { page: PlanPage, signedIn: {} },
  // Front desk and billing office post payments (the server refuses other roles).
  '/staff/billing': { page: StaffBillingPage, signedIn: { roles: ['staff', 'admin'] } },
  // Insurance, estimates and financial help (features/insurance, estimates, assistance).
  '/billing/insurance': { page: InsurancePage, signedIn: {} },
  '/billing/estimate': { page: EstimatePage, signedIn: {} },
  '/billing/assistance': { page: AssistancePage, signedIn: {} },
  // Front desk and admins review insurance cards; the billing office pool decides applications (the server checks both).
  '/staff/billing/insurance': { page: StaffInsurancePage, signedIn: { roles: ['staff', 'admin'] } },
  '/staff/billing/assistance': { page: StaffAssistancePage, signedIn: { roles: careTeam } },
  // SMART apps (issue 9). The consent screen handles sign-in itself so the app's request (?uid=) survives it.
  '/smart/authorize': { page: SmartAuthorizePage },
  '/account/apps': { page: ConnectedAppsPage, signedIn: { roles: ['patient'] } },
  '/admin/apps': { page: AdminAppsPage, signedIn: { roles: ['admin'] } },
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
      <RecordFeatureGate path={normalise(path)}>
        <Page />
      </RecordFeatureGate>
    </RequireSession>
  );
}

function Pages() {
  const { path } = useRouter();
  const { current, isProxyView } = usePatientContext();
  // Keyed by path so a failed page does not keep showing its error after moving on, and by the
  // record in context so switching records loads the page again for the new one ("own" until
  // then, so learning who is signed in does not mount the page twice).
  const record = isProxyView && current ? current.id : 'own';
  return (
    <PageErrorBoundary key={`${path}|${record}`}>
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
        <PatientContextProvider>
          <AppShell>
            <ReturnToAppRequest />
            <Pages />
          </AppShell>
        </PatientContextProvider>
      </SessionProvider>
    </RouterProvider>
  );
}
