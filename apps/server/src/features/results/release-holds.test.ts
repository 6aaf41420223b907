import { describe, expect, it } from 'vitest';
import type { DiagnosticReport, Observation } from '@medplum/fhirtypes';
import { categoryOfObservation, categoryOfReport } from './release-category.ts';
import { isHeld } from './release-holds.ts';
import type { ReleaseState } from './release.queries.ts';

const section = (code: string, system = 'http://terminology.hl7.org/CodeSystem/v2-0074') => [{ coding: [{ system, code }] }];
const report = (category?: DiagnosticReport['category']): DiagnosticReport => ({ resourceType: 'DiagnosticReport', status: 'final', code: {}, category });

describe('result release categories', () => {
  it('reads HL7 v2 sections, Synthea LOINC parts and observation categories, else other', () => {
    expect(categoryOfReport(report(section('LAB')))).toBe('laboratory');
    expect(categoryOfReport(report(section('HM')))).toBe('laboratory');
    expect(categoryOfReport(report(section('RAD')))).toBe('imaging');
    expect(categoryOfReport(report(section('SP')))).toBe('pathology');
    expect(categoryOfReport(report(section('LP7839-6', 'http://loinc.org')))).toBe('pathology');
    expect(categoryOfReport(report(section('LP29684-5', 'http://loinc.org')))).toBe('imaging');
    expect(categoryOfReport(report(section('LP29708-2', 'http://loinc.org')))).toBe('other');
    expect(categoryOfReport(report())).toBe('other');
    const obs: Observation = { resourceType: 'Observation', status: 'final', code: {}, category: section('laboratory', 'http://terminology.hl7.org/CodeSystem/observation-category') };
    expect(categoryOfObservation(obs)).toBe('laboratory');
  });
});

describe('result holds', () => {
  const state: ReleaseState = { holds: new Map([['laboratory', '2025-06-01T00:00:00.000Z']]), reviewed: new Set(['DiagnosticReport/reviewed']) };
  const item = (o: Partial<Parameters<typeof isHeld>[0]>) => ({ kind: 'report' as const, id: 'r1', category: 'laboratory' as const, status: 'final', issued: null, effective: '2025-06-02T09:00:00Z', ...o });

  it('holds results of a held category dated from the moment the hold began, until reviewed', () => {
    expect(isHeld(item({}), state)).toBe(true);
    expect(isHeld(item({ status: 'preliminary' }), state)).toBe(true);
    expect(isHeld(item({ id: 'reviewed' }), state)).toBe(false);
    expect(isHeld(item({ effective: '2025-05-31T23:59:00Z' }), state)).toBe(false);
    // The release date (issued) counts before the sample date.
    expect(isHeld(item({ effective: '2025-05-20T09:00:00Z', issued: '2025-06-03T09:00:00Z' }), state)).toBe(true);
    expect(isHeld(item({ category: 'imaging' }), state)).toBe(false);
    expect(isHeld(item({ status: 'cancelled' }), state)).toBe(false);
    expect(isHeld(item({ effective: null }), state)).toBe(false);
  });
});
