import { describe, expect, it } from 'vitest';
import type { Coverage, Observation, Patient } from '@medplum/fhirtypes';
import { extractIndexRows, normalizeString, patientCompartment, splitReference } from './indexer.ts';
import { repairForImport } from './validate.ts';

describe('search indexing from the official search parameters', () => {
  const obs: Observation = {
    resourceType: 'Observation',
    status: 'final',
    category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'vital-signs' }] }],
    code: { coding: [{ system: 'http://loinc.org', code: '29463-7' }] },
    subject: { reference: 'Patient/p1' },
    effectiveDateTime: '2024-02-03',
    valueQuantity: { value: 72.5, unit: 'kg', system: 'http://unitsofmeasure.org', code: 'kg' },
  };

  it('extracts token, reference, date and quantity rows', () => {
    const rows = extractIndexRows(obs);
    expect(rows.token).toContainEqual({ code: 'code', system: 'http://loinc.org', value: '29463-7' });
    expect(rows.token).toContainEqual({ code: 'status', system: null, value: 'final' });
    expect(rows.reference).toContainEqual({ code: 'patient', targetType: 'Patient', targetId: 'p1' });
    expect(rows.reference).toContainEqual({ code: 'subject', targetType: 'Patient', targetId: 'p1' });
    expect(rows.date).toContainEqual({ code: 'date', start: '2024-02-03T00:00:00.000Z', end: '2024-02-04T00:00:00.000Z' });
    expect(rows.quantity).toContainEqual({ code: 'value-quantity', value: 72.5, system: 'http://unitsofmeasure.org', unit: 'kg' });
  });

  it('indexes names case- and accent-insensitively', () => {
    const p: Patient = { resourceType: 'Patient', id: 'x', name: [{ family: 'Hernández', given: ['María José'] }] };
    const names = extractIndexRows(p).string.filter((s) => s.code === 'name').map((s) => s.value);
    expect(names).toEqual(expect.arrayContaining(['hernandez', 'maria jose']));
    expect(normalizeString('  ÑANDÚ ')).toBe('nandu');
  });

  it('finds the patient compartment from the compartment definition', () => {
    expect(patientCompartment(obs)).toBe('p1');
    expect(patientCompartment({ resourceType: 'Patient', id: 'me' })).toBe('me');
    expect(patientCompartment({ resourceType: 'Organization', name: 'Clinic' })).toBeNull();
  });

  it('files a Coverage under the person covered, not the parent who holds the plan', () => {
    const coverage: Coverage = {
      resourceType: 'Coverage', status: 'active', payor: [{ reference: 'Organization/plan' }],
      policyHolder: { reference: 'Patient/parent' }, subscriber: { reference: 'Patient/parent' }, beneficiary: { reference: 'Patient/child' },
    };
    expect(patientCompartment(coverage)).toBe('child');
  });

  it('splits references, keeping foreign URLs whole', () => {
    expect(splitReference('Patient/123')).toEqual({ targetType: 'Patient', targetId: '123' });
    expect(splitReference('https://ehr.example/fhir/Patient/9/_history/2')).toEqual({ targetType: 'Patient', targetId: '9' });
    expect(splitReference('#contained')).toBeUndefined();
  });
});

describe('import repairs', () => {
  it('removes elements R4 does not define and unwraps base64, reporting each change', () => {
    const bad = { resourceType: 'Observation', status: 'final', code: { text: 'BP' }, effectivePeriod: { start: '2020-01-01', stop: '2020-01-02' } } as unknown as Observation;
    const { resource, warnings } = repairForImport(bad);
    expect((resource as Observation).effectivePeriod).toEqual({ start: '2020-01-01' });
    expect(warnings).toEqual(['removed element Observation.effective[x].stop, which FHIR R4 does not define']);
    expect((bad as unknown as { effectivePeriod: { stop?: string } }).effectivePeriod.stop).toBe('2020-01-02'); // input untouched
  });

  it('still rejects anything else', () => {
    expect(() => repairForImport({ resourceType: 'Observation', code: { text: 'x' } } as Observation)).toThrow(/status/);
  });
});
