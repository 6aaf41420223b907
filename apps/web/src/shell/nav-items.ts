import type { ProxyFeature, Role } from '@ourchart/contracts';

export type NavItem = {
  href: string;
  /** Translation key in `common`. */
  label:
    | 'nav.healthSummary'
    | 'nav.appointments'
    | 'nav.testResults'
    | 'nav.medications'
    | 'nav.allergies'
    | 'nav.conditions'
    | 'nav.immunizations'
    | 'nav.visits'
    | 'nav.documents'
    | 'nav.accountSecurity'
    | 'nav.accountActivity'
    | 'nav.notificationSettings'
    | 'nav.patients'
    | 'nav.inbox'
    | 'nav.corrections'
    | 'nav.refills'
    | 'nav.careAlerts'
    | 'nav.auditReport'
    | 'nav.schedule'
    | 'nav.schedulingSetup'
    | 'nav.mailOutbox'
    | 'nav.messages'
    | 'nav.sharing'
    | 'nav.proxyRules'
    | 'nav.connectedApps'
    | 'nav.appsSetup'
    | 'nav.billing';
};

const healthSummary: NavItem = { href: '/', label: 'nav.healthSummary' };
const appointments: NavItem = { href: '/appointments', label: 'nav.appointments' };
const messages: NavItem = { href: '/messages', label: 'nav.messages' };
const testResults: NavItem = { href: '/results', label: 'nav.testResults' };
const medications: NavItem = { href: '/medications', label: 'nav.medications' };
const allergies: NavItem = { href: '/allergies', label: 'nav.allergies' };
const conditions: NavItem = { href: '/conditions', label: 'nav.conditions' };
const immunizations: NavItem = { href: '/immunizations', label: 'nav.immunizations' };
const visits: NavItem = { href: '/visits', label: 'nav.visits' };
const documents: NavItem = { href: '/documents', label: 'nav.documents' };
const corrections: NavItem = { href: '/staff/corrections', label: 'nav.corrections' };
const careAlerts: NavItem = { href: '/staff/alerts', label: 'nav.careAlerts' };
const myCorrections: NavItem = { href: '/corrections', label: 'nav.corrections' };
const myRefills: NavItem = { href: '/refills', label: 'nav.refills' };
const refillQueue: NavItem = { href: '/staff/refills', label: 'nav.refills' };
const accountSecurity: NavItem = { href: '/account/security', label: 'nav.accountSecurity' };
const accountActivity: NavItem = { href: '/account/activity', label: 'nav.accountActivity' };
const notificationSettings: NavItem = { href: '/account/notifications', label: 'nav.notificationSettings' };
const patients: NavItem = { href: '/staff', label: 'nav.patients' };
const inbox: NavItem = { href: '/inbox', label: 'nav.inbox' };
const auditReport: NavItem = { href: '/admin/audit', label: 'nav.auditReport' };
const schedule: NavItem = { href: '/staff/schedule', label: 'nav.schedule' };
const schedulingSetup: NavItem = { href: '/staff/scheduling', label: 'nav.schedulingSetup' };
const mailOutbox: NavItem = { href: '/staff/outbox', label: 'nav.mailOutbox' };
const sharing: NavItem = { href: '/sharing', label: 'nav.sharing' };
const proxyRules: NavItem = { href: '/admin/proxy-rules', label: 'nav.proxyRules' };
const connectedApps: NavItem = { href: '/account/apps', label: 'nav.connectedApps' };
const appsSetup: NavItem = { href: '/admin/apps', label: 'nav.appsSetup' };
const billing: NavItem = { href: '/billing', label: 'nav.billing' };
const billingWork: NavItem = { href: '/staff/billing', label: 'nav.billing' };

/**
 * What of a record each patient page shows (issue 7): a proxy sees a page only when the record in
 * context carries its feature. Pages not listed (home, account, sharing) are always the user's.
 */
const PAGE_FEATURES: Record<string, ProxyFeature> = {
  '/results': 'record', '/results/trend': 'record', '/vitals': 'record', '/medications': 'record', '/allergies': 'record',
  '/conditions': 'record', '/visits': 'record', '/documents': 'record', '/corrections': 'record',
  // `record` always brings `immunizations`; on its own it is the parent's view of a teenager.
  '/immunizations': 'immunizations',
  '/messages': 'messaging', '/messages/new': 'messaging', '/messages/thread': 'messaging',
  '/appointments': 'appointments', '/appointments/new': 'appointments', '/appointments/reschedule': 'appointments',
  '/appointments/offers': 'appointments', '/appointments/reminders': 'appointments', '/check-in': 'appointments',
  '/refills': 'refills',
  '/billing': 'billing', '/billing/pay': 'billing', '/billing/plan': 'billing', '/billing/insurance': 'billing',
  '/billing/estimate': 'billing', '/billing/assistance': 'billing',
};

/** The feature a page needs of the record in context, or null when any record (or none) will do. */
export function featureForPath(path: string): ProxyFeature | null {
  return PAGE_FEATURES[path] ?? null;
}

/** Whether a page may be shown for a record with these features (undefined: the user's own, everything). */
export function pageAllowed(path: string, features: readonly ProxyFeature[] | undefined): boolean {
  const needed = featureForPath(path);
  return needed === null || features === undefined || features.includes(needed);
}

/**
 * The menu for each role: patients see their record; care teams find patients and answer correction
 * requests; admins also audit. `features`: what the patient may use of the record in context
 * (PatientContext.features); pages outside them are left out.
 */
export function navItemsFor(role: Role, options: { mailOutbox?: boolean; features?: readonly ProxyFeature[] } = {}): NavItem[] {
  // The demo mail outbox (no mail server configured) is for front desk and admins only.
  if (options.mailOutbox && (role === 'staff' || role === 'admin')) return [...navItemsFor(role), mailOutbox];
  switch (role) {
    case 'patient':
      return [
        healthSummary,
        ...[messages, appointments, testResults, medications, myRefills, allergies, conditions, immunizations, visits, documents, myCorrections, billing].filter((item) =>
          pageAllowed(item.href, options.features),
        ),
        sharing, connectedApps, accountSecurity, notificationSettings, accountActivity,
      ];
    case 'admin':
      return [inbox, patients, schedule, schedulingSetup, corrections, careAlerts, billingWork, accountSecurity, notificationSettings, auditReport, proxyRules, appsSetup];
    case 'staff':
      return [inbox, patients, schedule, schedulingSetup, corrections, careAlerts, billingWork, accountSecurity, notificationSettings];
    default:
      // Refill requests are answered by clinicians and nurses (features/refills).
      return [inbox, patients, schedule, corrections, refillQueue, careAlerts, accountSecurity, notificationSettings];
  }
}

/** Where a person lands after signing in, or on "/" when that is not their page. */
export function homePathFor(me: { role: Role; mfaEnrollmentNeeded: boolean }): string {
  if (me.mfaEnrollmentNeeded) return '/account/security';
  // Care teams start in the message inbox (issue 6); "Patients" (/staff) stays in their menu.
  return me.role === 'patient' ? '/' : '/inbox';
}
