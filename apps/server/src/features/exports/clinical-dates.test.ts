import { describe, expect, it } from 'vitest';
import type { AllergyIntolerance, Condition, MedicationRequest, Observation } from '@medplum/fhirtypes';
import { inRange } from './clinical-dates.ts';

const range = { from: '2024-01-01', to: '2024-12-31' };
const subject = { reference: 'Patient/p' };
const clinical = (code: string) => ({ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code }] });

describe('which items a date range includes', () => {
  it('takes events by their own local day, both ends included', () => {
    const obs = (effectiveDateTime: string): Observation => ({ resourceType: 'Observation', status: 'final', code: {}, subject, effectiveDateTime });
    expect(inRange(obs('2024-01-01T00:00:00+09:00'), range)).toBe(true);
    expect(inRange(obs('2024-12-31T23:30:00-05:00'), range)).toBe(true);
    expect(inRange(obs('2025-01-01T00:10:00-05:00'), range)).toBe(false);
    expect(inRange(obs('2023-12-31'), range)).toBe(false);
    expect(inRange({ ...obs('2024-05-01'), status: 'entered-in-error' }, range)).toBe(false);
  });

  it('takes problems, medicines and allergies that were active at any time in the range', () => {
    const condition = (extra: Partial<Condition>): Condition => ({ resourceType: 'Condition', subject, ...extra });
    expect(inRange(condition({ clinicalStatus: clinical('active'), onsetDateTime: '2010-01-01' }), range)).toBe(true);
    expect(inRange(condition({ clinicalStatus: clinical('active'), onsetDateTime: '2025-02-01' }), range)).toBe(false);
    expect(inRange(condition({ clinicalStatus: clinical('resolved'), onsetDateTime: '2023-06-01', abatementDateTime: '2024-01-01' }), range)).toBe(true);
    expect(inRange(condition({ clinicalStatus: clinical('resolved'), onsetDateTime: '2023-06-01', abatementDateTime: '2023-12-31' }), range)).toBe(false);
    expect(inRange(condition({ clinicalStatus: clinical('resolved'), recordedDate: '2022-03-01' }), range)).toBe(false);

    const med = (status: MedicationRequest['status'], authoredOn: string): MedicationRequest => ({ resourceType: 'MedicationRequest', status, intent: 'order', subject, authoredOn });
    expect(inRange(med('active', '2015-01-01'), range)).toBe(true);
    expect(inRange(med('completed', '2021-01-01'), range)).toBe(false);
    expect(inRange(med('stopped', '2024-03-01'), range)).toBe(true);

    const allergy = (extra: Partial<AllergyIntolerance>): AllergyIntolerance => ({ resourceType: 'AllergyIntolerance', patient: subject, ...extra });
    expect(inRange(allergy({ recordedDate: '2001-01-01' }), range)).toBe(true);
    expect(inRange(allergy({ recordedDate: '2001-01-01', clinicalStatus: { coding: [{ code: 'resolved' }] } }), range)).toBe(false);
  });
});
