import { randomUUID } from 'node:crypto';
import type { AllergyIntolerance, Condition, Observation, Patient } from '@medplum/fhirtypes';

/** A unique Patient per call, so tests never share mutable fixtures. */
export function buildPatient(overrides: Partial<Patient> = {}): Patient {
  const id = randomUUID();
  return {
    resourceType: 'Patient',
    id,
    identifier: [{ system: 'https://ourchart.example/mrn', value: `MRN-${id.slice(0, 8)}` }],
    name: [{ use: 'official', family: `Test-${id.slice(0, 6)}`, given: ['Ana'] }],
    gender: 'female',
    birthDate: '1980-04-12',
    ...overrides,
  };
}

export function buildObservation(patientId: string, overrides: Partial<Observation> = {}): Observation {
  return {
    resourceType: 'Observation',
    id: randomUUID(),
    status: 'final',
    category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'laboratory' }] }],
    code: { coding: [{ system: 'http://loinc.org', code: '4548-4', display: 'Hemoglobin A1c' }], text: 'Hemoglobin A1c' },
    subject: { reference: `Patient/${patientId}` },
    effectiveDateTime: '2024-03-05T09:30:00Z',
    valueQuantity: { value: 7.1, unit: '%', system: 'http://unitsofmeasure.org', code: '%' },
    ...overrides,
  };
}

export function buildCondition(patientId: string, overrides: Partial<Condition> = {}): Condition {
  return {
    resourceType: 'Condition',
    id: randomUUID(),
    clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] },
    code: { coding: [{ system: 'http://snomed.info/sct', code: '44054006', display: 'Type 2 diabetes mellitus' }], text: 'Type 2 diabetes' },
    subject: { reference: `Patient/${patientId}` },
    onsetDateTime: '2019-06-01',
    ...overrides,
  };
}

export function buildAllergy(patientId: string, overrides: Partial<AllergyIntolerance> = {}): AllergyIntolerance {
  return {
    resourceType: 'AllergyIntolerance',
    id: randomUUID(),
    patient: { reference: `Patient/${patientId}` },
    clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical', code: 'active' }] },
    code: { text: 'Penicillin' },
    reaction: [{ manifestation: [{ text: 'Hives' }], severity: 'moderate' }],
    ...overrides,
  };
}
