import type { Observation } from '@medplum/fhirtypes';
import { PRACTITIONERS, practitionerDisplay } from './clinic.ts';
import { concept, PROFILES, ref, SYSTEMS, ucum, type Code } from './fhir-helpers.ts';
import { round } from './prng.ts';
import type { SeedPatient } from './patients.ts';
import type { SeedContext } from './seed-context.ts';

export type VitalsInput = {
  systolic: number;
  diastolic: number;
  heartRate: number;
  respiratoryRate: number;
  temperatureC: number;
  spo2: number;
  weightKg: number;
  heightCm: number;
  /** Height is measured at physicals and child visits; other visits reuse it for BMI. */
  measureHeight: boolean;
};

const BASE_VITALS = 'http://hl7.org/fhir/StructureDefinition/vitalsigns';
const loinc = (code: string, display: string): Code => [SYSTEMS.loinc, code, display];

/** Human-readable one-liner used in the note's Objective section. */
export function describeVitals(v: VitalsInput): string {
  const bmi = round(v.weightKg / (v.heightCm / 100) ** 2, 1);
  return `BP ${v.systolic}/${v.diastolic} mmHg, HR ${v.heartRate}/min, RR ${v.respiratoryRate}/min, Temp ${v.temperatureC} °C, SpO2 ${v.spo2}%, Weight ${v.weightKg} kg, BMI ${bmi} kg/m2`;
}

/**
 * Adds the vital-sign Observations of one visit (BP panel, heart and respiratory rate,
 * temperature, pulse oximetry, weight, height when measured, BMI).
 */
export function addVitals(ctx: SeedContext, patient: SeedPatient, encounterId: string, effective: string, v: VitalsInput): Observation[] {
  const common = {
    status: 'final' as const,
    category: [concept([SYSTEMS.obsCategory, 'vital-signs', 'Vital Signs'])],
    subject: ref('Patient', patient.id, patient.display),
    encounter: ref('Encounter', encounterId),
    effectiveDateTime: effective,
    performer: [ref('Practitioner', PRACTITIONERS.nurse.id, practitionerDisplay('nurse'))],
  };
  const add = (profileUrl: string, code: Code | Code[], text: string, extra: Partial<Observation>): Observation =>
    ctx.add<Observation>({
      resourceType: 'Observation', id: ctx.nextId(patient.key, 'vital'), meta: { profile: [profileUrl, BASE_VITALS] },
      ...common, code: concept(code, text), ...extra,
    });
  const out: Observation[] = [
    add(PROFILES.bloodPressure, loinc('85354-9', 'Blood pressure panel with all children optional'), 'Blood pressure', {
      component: [
        { code: concept(loinc('8480-6', 'Systolic blood pressure'), 'Systolic'), valueQuantity: ucum(v.systolic, 'mm[Hg]', 'mmHg') },
        { code: concept(loinc('8462-4', 'Diastolic blood pressure'), 'Diastolic'), valueQuantity: ucum(v.diastolic, 'mm[Hg]', 'mmHg') },
      ],
    }),
    add(PROFILES.heartRate, loinc('8867-4', 'Heart rate'), 'Heart rate', { valueQuantity: ucum(v.heartRate, '/min', 'beats/minute') }),
    add(PROFILES.respiratoryRate, loinc('9279-1', 'Respiratory rate'), 'Breathing rate', { valueQuantity: ucum(v.respiratoryRate, '/min', 'breaths/minute') }),
    add(PROFILES.bodyTemperature, loinc('8310-5', 'Body temperature'), 'Temperature', { valueQuantity: ucum(v.temperatureC, 'Cel', 'C') }),
    add(PROFILES.pulseOximetry, [loinc('59408-5', 'Oxygen saturation in Arterial blood by Pulse oximetry'), loinc('2708-6', 'Oxygen saturation in Arterial blood')], 'Oxygen level (pulse oximetry)', { valueQuantity: ucum(v.spo2, '%') }),
    add(PROFILES.bodyWeight, loinc('29463-7', 'Body weight'), 'Weight', { valueQuantity: ucum(v.weightKg, 'kg') }),
  ];
  if (v.measureHeight) {
    out.push(add(PROFILES.bodyHeight, loinc('8302-2', 'Body height'), 'Height', { valueQuantity: ucum(v.heightCm, 'cm') }));
  }
  out.push(add(PROFILES.bmi, loinc('39156-5', 'Body mass index (BMI) [Ratio]'), 'BMI', { valueQuantity: ucum(round(v.weightKg / (v.heightCm / 100) ** 2, 1), 'kg/m2') }));
  return out;
}
