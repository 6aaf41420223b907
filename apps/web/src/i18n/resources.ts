import enCommon from './en/common.json';
import esCommon from './es/common.json';
import type enSignIn from './en/sign-in.json';
import type enHome from './en/home.json';
import type enAuth from './en/auth.json';
import type enAccount from './en/account.json';
import type enActivity from './en/activity.json';
import type enStaff from './en/staff.json';
import type enAdmin from './en/admin.json';
import type enForms from './en/forms.json';
import type enDocuments from './en/documents.json';
import type enShared from './en/shared.json';
import type enImmunizations from './en/immunizations.json';
import type enVitals from './en/vitals.json';
import type enRecords from './en/records.json';
import type enVisits from './en/visits.json';
import type enCorrections from './en/corrections.json';
import type enResults from './en/results.json';
import type enQuestionnaire from './en/questionnaire.json';
import type enEcheckin from './en/echeckin.json';
import type enWaitlist from './en/waitlist.json';
import type enSchedulingAdmin from './en/scheduling-admin.json';
import type enReminders from './en/reminders.json';
import type enOutbox from './en/outbox.json';
import type enAppointments from './en/appointments.json';
import type enMessaging from './en/messaging.json';
import type enNotifications from './en/notifications.json';
import type enProxies from './en/proxies.json';
import type enInbox from './en/inbox.json';
import type enRefills from './en/refills.json';
import type enApps from './en/apps.json';
import type enAdminApps from './en/admin-apps.json';
import type enBilling from './en/billing.json';
import type enStaffBilling from './en/staff-billing.json';
import type enInsurance from './en/insurance.json';
import type enEstimates from './en/estimates.json';
import type enAssistance from './en/assistance.json';

/**
 * Only `common` (the shell and shared fields) is in the main bundle. Every other namespace
 * travels with the pages that use it, so the sign-in page's 120 KiB budget does not carry every
 * page's copy in two languages: signIn, home and auth through load-namespaces.ts (app.tsx lists
 * each route's), account, activity, staff and admin through their feature's words.ts, and forms (shared
 * field messages) through components/forms-words.ts.
 *
 * To add a namespace: put en/<file>.json and es/<file>.json in place, add its type below, and
 * load it with its pages in one of those two ways.
 */
export const resources = {
  en: { common: enCommon },
  es: { common: esCommon },
} as const;

/** Every namespace, eager or lazy, for typed keys (i18next.d.ts). English is the reference. */
export type AppResources = {
  common: typeof enCommon;
  signIn: typeof enSignIn;
  home: typeof enHome;
  auth: typeof enAuth;
  account: typeof enAccount;
  activity: typeof enActivity;
  staff: typeof enStaff;
  admin: typeof enAdmin;
  forms: typeof enForms;
  documents: typeof enDocuments;
  shared: typeof enShared;
  immunizations: typeof enImmunizations;
  vitals: typeof enVitals;
  records: typeof enRecords;
  visits: typeof enVisits;
  corrections: typeof enCorrections;
  results: typeof enResults;
  questionnaire: typeof enQuestionnaire;
  echeckin: typeof enEcheckin;
  waitlist: typeof enWaitlist;
  schedulingAdmin: typeof enSchedulingAdmin;
  reminders: typeof enReminders;
  appointments: typeof enAppointments;
  outbox: typeof enOutbox;
  messaging: typeof enMessaging;
  notifications: typeof enNotifications;
  proxies: typeof enProxies;
  inbox: typeof enInbox;
  refills: typeof enRefills;
  apps: typeof enApps;
  adminApps: typeof enAdminApps;
  billing: typeof enBilling;
  staffBilling: typeof enStaffBilling;
  insurance: typeof enInsurance;
  estimates: typeof enEstimates;
  assistance: typeof enAssistance;
};

export type Namespace = keyof AppResources;

export const defaultNS = 'common';
