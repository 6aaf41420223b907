import { describe, expect, it } from 'vitest';
import type { ProxyFeature } from '@ourchart/contracts';
import { featureForPath, homePathFor, navItemsFor, pageAllowed } from './nav-items.ts';

const labels = (role: Parameters<typeof navItemsFor>[0]) => navItemsFor(role).map((item) => item.label);

describe('navItemsFor', () => {
  it('gives patients their messages, appointments and every part of their record, then security and activity', () => {
    expect(labels('patient')).toEqual([
      'nav.healthSummary', 'nav.messages', 'nav.appointments', 'nav.testResults', 'nav.medications', 'nav.refills', 'nav.allergies', 'nav.conditions', 'nav.immunizations', 'nav.visits', 'nav.documents',
      'nav.corrections', 'nav.billing', 'nav.sharing', 'nav.connectedApps', 'nav.accountSecurity', 'nav.notificationSettings', 'nav.accountActivity',
    ]);
  });

  it('gives clinicians and nurses the patient list, the day schedule, correction requests and security', () => {
    for (const role of ['clinician', 'nurse'] as const) {
      expect(labels(role)).toEqual(['nav.inbox', 'nav.patients', 'nav.schedule', 'nav.corrections', 'nav.refills', 'nav.careAlerts', 'nav.accountSecurity', 'nav.notificationSettings']);
    }
  });

  it('adds scheduling setup for front desk staff and admins, who may change it', () => {
    expect(labels('staff')).toEqual(['nav.inbox', 'nav.patients', 'nav.schedule', 'nav.schedulingSetup', 'nav.corrections', 'nav.careAlerts', 'nav.billing', 'nav.accountSecurity', 'nav.notificationSettings']);
  });

  it('adds the audit report and the family access rules for admins only', () => {
    expect(labels('admin')).toEqual(['nav.inbox', 'nav.patients', 'nav.schedule', 'nav.schedulingSetup', 'nav.corrections', 'nav.careAlerts', 'nav.billing', 'nav.accountSecurity', 'nav.notificationSettings', 'nav.auditReport', 'nav.proxyRules', 'nav.appsSetup']);
  });
});

describe('navItemsFor SMART apps (issue 9)', () => {
  it('gives patients and proxies Connected apps, admins the apps setup, and no one else either', () => {
    expect(navItemsFor('patient')).toContainEqual({ href: '/account/apps', label: 'nav.connectedApps' });
    expect(navItemsFor('patient', { features: [] }).map((i) => i.label)).toContain('nav.connectedApps');
    expect(navItemsFor('admin')).toContainEqual({ href: '/admin/apps', label: 'nav.appsSetup' });
    for (const role of ['clinician', 'nurse', 'staff'] as const) {
      const found = navItemsFor(role).map((i) => i.label);
      expect(found).not.toContain('nav.connectedApps');
      expect(found).not.toContain('nav.appsSetup');
    }
  });
});

describe('navItemsFor a record seen as a proxy (its features)', () => {
  const withFeatures = (features: ProxyFeature[]) =>
    navItemsFor('patient', { features }).map((item) => item.label);
  const always = ['nav.sharing', 'nav.connectedApps', 'nav.accountSecurity', 'nav.notificationSettings', 'nav.accountActivity'];

  it('shows every part of the record with `record`, and nothing for messages or appointments without their scopes', () => {
    expect(withFeatures(['record', 'immunizations'])).toEqual([
      'nav.healthSummary', 'nav.testResults', 'nav.medications', 'nav.allergies', 'nav.conditions', 'nav.immunizations', 'nav.visits', 'nav.documents', 'nav.corrections', ...always,
    ]);
  });

  it('gives the parent of a teenager appointments, immunizations and messages but no test results or other record pages', () => {
    expect(withFeatures(['immunizations', 'messaging', 'appointments', 'billing'])).toEqual(['nav.healthSummary', 'nav.messages', 'nav.appointments', 'nav.immunizations', 'nav.billing', ...always]);
  });

  it('shows refill requests only with the refills scope', () => {
    expect(withFeatures(['record', 'immunizations', 'refills'])).toContain('nav.refills');
    expect(withFeatures(['record', 'immunizations'])).not.toContain('nav.refills');
    expect(featureForPath('/refills')).toBe('refills');
  });

  it('shows Billing only with the billing scope, and ties every billing page to it', () => {
    expect(withFeatures(['record', 'immunizations', 'billing'])).toContain('nav.billing');
    expect(withFeatures(['record', 'immunizations'])).not.toContain('nav.billing');
    for (const path of ['/billing', '/billing/pay', '/billing/plan', '/billing/insurance', '/billing/estimate', '/billing/assistance']) {
      expect(featureForPath(path)).toBe('billing');
    }
  });

  it('keeps the health summary, sharing and the account pages even with no feature at all', () => {
    expect(withFeatures([])).toEqual(['nav.healthSummary', ...always]);
  });
});

describe('pageAllowed', () => {
  it('ties each patient page to one feature', () => {
    expect(featureForPath('/results')).toBe('record');
    expect(featureForPath('/results/trend')).toBe('record');
    expect(featureForPath('/immunizations')).toBe('immunizations');
    expect(featureForPath('/messages/thread')).toBe('messaging');
    expect(featureForPath('/check-in')).toBe('appointments');
    expect(featureForPath('/account/security')).toBeNull();
    expect(featureForPath('/sharing')).toBeNull();
  });

  it('allows a page when the record has its feature, or for the user\'s own record (no features given)', () => {
    expect(pageAllowed('/results', ['immunizations', 'appointments'])).toBe(false);
    expect(pageAllowed('/appointments', ['immunizations', 'appointments'])).toBe(true);
    expect(pageAllowed('/', [])).toBe(true);
    expect(pageAllowed('/results', undefined)).toBe(true);
  });
});

describe('navItemsFor with the demo mail outbox', () => {
  it('adds "Sent email (demo)" last for front desk and admins when the server says so, and for no one else', () => {
    expect(navItemsFor('staff', { mailOutbox: true }).at(-1)).toEqual({ href: '/staff/outbox', label: 'nav.mailOutbox' });
    expect(navItemsFor('admin', { mailOutbox: true }).at(-1)).toEqual({ href: '/staff/outbox', label: 'nav.mailOutbox' });
    for (const role of ['patient', 'clinician', 'nurse'] as const) {
      expect(navItemsFor(role, { mailOutbox: true }).map((i) => i.label)).not.toContain('nav.mailOutbox');
    }
    expect(navItemsFor('admin', { mailOutbox: false }).map((i) => i.label)).not.toContain('nav.mailOutbox');
  });
});

describe('homePathFor', () => {
  it('sends staff who still need two-step verification to set it up first', () => {
    expect(homePathFor({ role: 'clinician', mfaEnrollmentNeeded: true })).toBe('/account/security');
  });

  it('sends patients to their summary and every care team role to the message inbox', () => {
    expect(homePathFor({ role: 'patient', mfaEnrollmentNeeded: false })).toBe('/');
    for (const role of ['clinician', 'nurse', 'staff', 'admin'] as const) expect(homePathFor({ role, mfaEnrollmentNeeded: false })).toBe('/inbox');
  });
});
