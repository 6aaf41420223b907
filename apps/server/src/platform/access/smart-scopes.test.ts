import { describe, expect, it } from 'vitest';
import type { Observation } from '@medplum/fhirtypes';
import { buildCondition, buildObservation } from '../../test/factories.ts';
import { parseSmartScopes, SmartScopeFilter } from './smart-scopes.ts';

const CATEGORY = 'http://terminology.hl7.org/CodeSystem/observation-category';
const lab = buildObservation('p1');
const vital: Observation = buildObservation('p1', {
  category: [{ coding: [{ system: CATEGORY, code: 'vital-signs' }] }],
  code: { coding: [{ system: 'http://loinc.org', code: '8867-4' }] },
});

describe('parseSmartScopes', () => {
  it('reads v2 permissions, v1 read/write/* and treats user/ like patient/', () => {
    expect(parseSmartScopes('patient/Observation.rs')).toEqual([{ resourceType: 'Observation', read: true, search: true, restrictions: [] }]);
    expect(parseSmartScopes('patient/*.r')).toEqual([{ resourceType: '*', read: true, search: false, restrictions: [] }]);
    expect(parseSmartScopes('user/Condition.cruds')).toEqual([{ resourceType: 'Condition', read: true, search: true, restrictions: [] }]);
    expect(parseSmartScopes('patient/Patient.read patient/*.*')).toEqual([
      { resourceType: 'Patient', read: true, search: true, restrictions: [] },
      { resourceType: '*', read: true, search: true, restrictions: [] },
    ]);
  });

  it('grants nothing for write-only, system/, context and malformed scopes', () => {
    expect(parseSmartScopes('patient/Observation.write patient/Observation.cud system/*.rs openid fhirUser launch/patient offline_access')).toEqual([]);
    expect(parseSmartScopes('patient/Observation.sr patient/Observation.rx patient/observation.rs patient/Observation.')).toEqual([]);
  });

  it('understands category and code restrictions, and drops a scope with any other', () => {
    expect(parseSmartScopes(`patient/Observation.rs?category=${CATEGORY}|laboratory`)).toEqual([
      { resourceType: 'Observation', read: true, search: true, restrictions: [{ param: 'category', values: [`${CATEGORY}|laboratory`] }] },
    ]);
    expect(parseSmartScopes('patient/Observation.rs?status=final patient/Observation.rs?category=')).toEqual([]);
    expect(parseSmartScopes('patient/Observation.rs?category=laboratory&status=final')).toEqual([]);
  });
});

describe('SmartScopeFilter', () => {
  it('grants types by name or wildcard, per interaction', () => {
    const f = new SmartScopeFilter('patient/Observation.rs patient/Condition.r');
    expect(f.allowsType('Observation', 'search')).toBe(true);
    expect(f.allowsType('Condition', 'read')).toBe(true);
    expect(f.allowsType('Condition', 'search')).toBe(false);
    expect(f.allowsType('Patient', 'read')).toBe(false);
    expect(new SmartScopeFilter('patient/*.rs').allowsType('Immunization', 'search')).toBe(true);
  });

  it('matches restricted scopes against the resource itself (system|code or bare code)', () => {
    const f = new SmartScopeFilter(`patient/Observation.rs?category=${CATEGORY}|laboratory`);
    expect(f.allows(lab, 'read')).toBe(true);
    expect(f.allows(vital, 'read')).toBe(false);
    expect(f.allows(buildCondition('p1'), 'read')).toBe(false);
    expect(new SmartScopeFilter('patient/Observation.rs?category=vital-signs').allows(vital, 'search')).toBe(true);
    expect(new SmartScopeFilter('patient/Observation.rs?category=other-system|vital-signs').allows(vital, 'search')).toBe(false);
    expect(new SmartScopeFilter('patient/Observation.rs?code=http://loinc.org|8867-4').allows(vital, 'search')).toBe(true);
    // Two scopes add up; an unrestricted one wins.
    expect(new SmartScopeFilter('patient/Observation.rs?category=laboratory patient/Observation.rs').allows(vital, 'read')).toBe(true);
  });

  it('writes the narrowing as a search query when it can', () => {
    expect(new SmartScopeFilter('patient/Observation.rs').searchNarrowing('Observation')).toEqual([]);
    expect(new SmartScopeFilter('patient/Observation.rs?category=laboratory patient/Observation.rs?category=vital-signs').searchNarrowing('Observation'))
      .toEqual([['category', 'laboratory,vital-signs']]);
    expect(new SmartScopeFilter('patient/Observation.rs?category=laboratory patient/Observation.rs?code=8867-4').searchNarrowing('Observation')).toBeUndefined();
    expect(new SmartScopeFilter('patient/*.rs?category=laboratory').searchNarrowing('Condition')).toEqual([['category', 'laboratory']]);
  });
});
