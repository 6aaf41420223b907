import type { Role } from '@ourchart/contracts';

export type NavItem = {
  href: string;
  /** Translation key in `common`. */
  label: 'nav.healthSummary' | 'nav.accountSecurity' | 'nav.accountActivity' | 'nav.patients' | 'nav.auditReport';
};

const healthSummary: NavItem = { href: '/', label: 'nav.healthSummary' };
const accountSecurity: NavItem = { href: '/account/security', label: 'nav.accountSecurity' };
const accountActivity: NavItem = { href: '/account/activity', label: 'nav.accountActivity' };
const patients: NavItem = { href: '/staff', label: 'nav.patients' };
const auditReport: NavItem = { href: '/admin/audit', label: 'nav.auditReport' };

/** The menu for each role: patients see their record; care teams find patients; admins also audit. */
export function navItemsFor(role: Role): NavItem[] {
  switch (role) {
    case 'patient':
      return [healthSummary, accountSecurity, accountActivity];
    case 'admin':
      return [patients, accountSecurity, auditReport];
    default:
      return [patients, accountSecurity];
  }
}

/** Where a person lands after signing in, or on "/" when that is not their page. */
export function homePathFor(me: { role: Role; mfaEnrollmentNeeded: boolean }): string {
  if (me.mfaEnrollmentNeeded) return '/account/security';
  return me.role === 'patient' ? '/' : '/staff';
}
