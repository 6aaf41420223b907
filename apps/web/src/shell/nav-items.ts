import type { Role } from '@ourchart/contracts';

export type NavItem = {
  href: string;
  /** Translation key in `common`. */
  label:
    | 'nav.healthSummary'
    | 'nav.testResults'
    | 'nav.medications'
    | 'nav.allergies'
    | 'nav.conditions'
    | 'nav.immunizations'
    | 'nav.visits'
    | 'nav.documents'
    | 'nav.accountSecurity'
    | 'nav.accountActivity'
    | 'nav.patients'
    | 'nav.corrections'
    | 'nav.auditReport';
};

const healthSummary: NavItem = { href: '/', label: 'nav.healthSummary' };
const testResults: NavItem = { href: '/results', label: 'nav.testResults' };
const medications: NavItem = { href: '/medications', label: 'nav.medications' };
const allergies: NavItem = { href: '/allergies', label: 'nav.allergies' };
const conditions: NavItem = { href: '/conditions', label: 'nav.conditions' };
const immunizations: NavItem = { href: '/immunizations', label: 'nav.immunizations' };
const visits: NavItem = { href: '/visits', label: 'nav.visits' };
const documents: NavItem = { href: '/documents', label: 'nav.documents' };
const corrections: NavItem = { href: '/staff/corrections', label: 'nav.corrections' };
const myCorrections: NavItem = { href: '/corrections', label: 'nav.corrections' };
const accountSecurity: NavItem = { href: '/account/security', label: 'nav.accountSecurity' };
const accountActivity: NavItem = { href: '/account/activity', label: 'nav.accountActivity' };
const patients: NavItem = { href: '/staff', label: 'nav.patients' };
const auditReport: NavItem = { href: '/admin/audit', label: 'nav.auditReport' };

/** The menu for each role: patients see their record; care teams find patients and answer correction requests; admins also audit. */
export function navItemsFor(role: Role): NavItem[] {
  switch (role) {
    case 'patient':
      return [healthSummary, testResults, medications, allergies, conditions, immunizations, visits, documents, myCorrections, accountSecurity, accountActivity];
    case 'admin':
      return [patients, corrections, accountSecurity, auditReport];
    default:
      return [patients, corrections, accountSecurity];
  }
}

/** Where a person lands after signing in, or on "/" when that is not their page. */
export function homePathFor(me: { role: Role; mfaEnrollmentNeeded: boolean }): string {
  if (me.mfaEnrollmentNeeded) return '/account/security';
  return me.role === 'patient' ? '/' : '/staff';
}
