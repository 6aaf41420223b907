import { describe, expect, it } from 'vitest';
import { ageBand, ageInYears, DEFAULT_AGE_RULES, featureOfType, proxyView } from './proxy-policy.ts';

const on = (iso: string) => new Date(`${iso}T12:00:00Z`);

describe('proxy policy', () => {
  it('counts whole years, turning a year older on the birthday itself', () => {
    expect(ageInYears('2008-12-06', on('2026-12-05'))).toBe(17);
    expect(ageInYears('2008-12-06', on('2026-12-06'))).toBe(18);
    // Born on 29 February: a year older on 1 March in other years.
    expect(ageInYears('2008-02-29', on('2026-02-28'))).toBe(17);
    expect(ageInYears('2008-02-29', on('2026-03-01'))).toBe(18);
  });

  it('counts a partial birth date from its last possible day, so nobody becomes adult early', () => {
    expect(ageInYears('2008', on('2026-12-30'))).toBe(17);
    expect(ageInYears('2008', on('2026-12-31'))).toBe(18);
    expect(ageInYears('2008-06', on('2026-06-29'))).toBe(17);
    expect(ageInYears('2008-06', on('2026-06-30'))).toBe(18);
    expect(ageInYears('not a date', on('2026-01-01'))).toBeNull();
  });

  it('puts unknown ages in the adult band (the strictest for parents)', () => {
    expect(ageBand(null, DEFAULT_AGE_RULES)).toBe('adult');
    expect([11, 12, 17, 18].map((a) => ageBand(a, DEFAULT_AGE_RULES))).toEqual(['child', 'adolescent', 'adolescent', 'adult']);
  });

  it('narrows parents and guardians of teens, ends parents at 18, and leaves caregivers to their scopes', () => {
    const all = ['record', 'messaging', 'appointments', 'billing', 'refills'];
    const view = (relationship: 'parent' | 'guardian' | 'caregiver', age: number, scopes = all) => proxyView({ relationship, scopes, age, rules: DEFAULT_AGE_RULES });
    expect([...view('parent', 8).features].sort()).toEqual(['appointments', 'billing', 'immunizations', 'messaging', 'record', 'refills']);
    expect([...view('parent', 15).features].sort()).toEqual(['appointments', 'billing', 'immunizations', 'messaging']);
    expect(view('parent', 15).hidesPatientsOwnMessages).toBe(true);
    expect([...view('guardian', 15).features].sort()).toEqual(['appointments', 'billing', 'immunizations', 'messaging']);
    expect(view('parent', 18)).toMatchObject({ endedByAge: true });
    expect(view('parent', 18).features.size).toBe(0);
    expect(view('guardian', 40).endedByAge).toBe(false);
    expect([...view('caregiver', 15, ['billing']).features]).toEqual(['billing']);
    expect([...view('caregiver', 80, ['bogus', 'record']).features].sort()).toEqual(['immunizations', 'record']);
  });

  it('maps resource types to features, with the Patient resource readable by every proxy', () => {
    expect(featureOfType('Patient')).toBeNull();
    expect(featureOfType('Immunization')).toBe('immunizations');
    expect(featureOfType('Appointment')).toBe('appointments');
    expect(featureOfType('ExplanationOfBenefit')).toBe('billing');
    expect(featureOfType('Observation')).toBe('record');
  });
});
