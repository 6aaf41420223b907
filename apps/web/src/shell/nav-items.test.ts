import { describe, expect, it } from 'vitest';
import { homePathFor, navItemsFor } from './nav-items.ts';

const labels = (role: Parameters<typeof navItemsFor>[0]) => navItemsFor(role).map((item) => item.label);

describe('navItemsFor', () => {
  it('gives patients every part of their record, then security and activity', () => {
    expect(labels('patient')).toEqual([
      'nav.healthSummary', 'nav.testResults', 'nav.medications', 'nav.allergies', 'nav.conditions', 'nav.immunizations', 'nav.visits', 'nav.documents',
      'nav.corrections', 'nav.accountSecurity', 'nav.accountActivity',
    ]);
  });

  it('gives clinicians, nurses and front desk the patient list, correction requests and security', () => {
    for (const role of ['clinician', 'nurse', 'staff'] as const) {
      expect(labels(role)).toEqual(['nav.patients', 'nav.corrections', 'nav.accountSecurity']);
    }
  });

  it('adds the audit report for admins only', () => {
    expect(labels('admin')).toEqual(['nav.patients', 'nav.corrections', 'nav.accountSecurity', 'nav.auditReport']);
  });
});

describe('homePathFor', () => {
  it('sends staff who still need two-step verification to set it up first', () => {
    expect(homePathFor({ role: 'clinician', mfaEnrollmentNeeded: true })).toBe('/account/security');
  });

  it('sends patients to their summary and staff to the patient list', () => {
    expect(homePathFor({ role: 'patient', mfaEnrollmentNeeded: false })).toBe('/');
    expect(homePathFor({ role: 'nurse', mfaEnrollmentNeeded: false })).toBe('/staff');
  });
});
