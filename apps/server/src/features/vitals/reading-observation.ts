import type { Observation } from '@medplum/fhirtypes';
import type { ReadingInput } from '@ourchart/contracts';

/**
 * How OurChart marks a patient-entered reading. FHIR R4 has no standard "patient-reported" code,
 * so the Observation carries this meta.tag AND names the Patient as performer (how US Core tells
 * who made an observation); readers accept either (docs/health-record/prevention-and-vitals.md).
 */
export const PATIENT_REPORTED_TAG = { system: 'https://ourchart.example/fhir/CodeSystem/observation-source', code: 'patient-reported', display: 'Patient reported' } as const;

export const LOINC = 'http://loinc.org';
export const UCUM = 'http://unitsofmeasure.org';
const CATEGORY = 'http://terminology.hl7.org/CodeSystem/observation-category';
const US_CORE = 'http://hl7.org/fhir/us/core/StructureDefinition/';

const loinc = (code: string, display: string, text: string) => ({ coding: [{ system: LOINC, code, display }], text });
const category = (code: 'vital-signs' | 'laboratory', display: string) => [{ coding: [{ system: CATEGORY, code, display }] }];
const mmHg = (value: number) => ({ value, unit: 'mmHg', system: UCUM, code: 'mm[Hg]' });

/** Builds the FHIR Observation (US Core profile) for one validated home reading. */
export function readingToObservation(input: ReadingInput, patientId: string, issued: string): Observation {
  const common = {
    resourceType: 'Observation' as const,
    status: 'final' as const,
    subject: { reference: `Patient/${patientId}` },
    performer: [{ reference: `Patient/${patientId}` }],
    effectiveDateTime: input.effective,
    issued,
  };
  const meta = (profile: string) => ({ profile: [`${US_CORE}${profile}`], tag: [{ ...PATIENT_REPORTED_TAG }] });
  switch (input.type) {
    case 'blood-pressure':
      return {
        ...common,
        meta: meta('us-core-blood-pressure'),
        category: category('vital-signs', 'Vital Signs'),
        code: loinc('85354-9', 'Blood pressure panel with all children optional', 'Blood pressure'),
        component: [
          { code: loinc('8480-6', 'Systolic blood pressure', 'Systolic'), valueQuantity: mmHg(input.systolic) },
          { code: loinc('8462-4', 'Diastolic blood pressure', 'Diastolic'), valueQuantity: mmHg(input.diastolic) },
        ],
      };
    case 'glucose':
      // A home meter reads capillary blood: 41653-7 (glucometer), a laboratory-category result in US Core.
      return {
        ...common,
        meta: meta('us-core-observation-lab'),
        category: category('laboratory', 'Laboratory'),
        code: loinc('41653-7', 'Glucose [Mass/volume] in Capillary blood by Glucometer', 'Blood sugar (home meter)'),
        valueQuantity: { value: input.value, unit: 'mg/dL', system: UCUM, code: 'mg/dL' },
      };
    case 'weight':
      return {
        ...common,
        meta: meta('us-core-body-weight'),
        category: category('vital-signs', 'Vital Signs'),
        code: loinc('29463-7', 'Body weight', 'Weight'),
        valueQuantity: input.unit === 'kg'
          ? { value: input.value, unit: 'kg', system: UCUM, code: 'kg' }
          : { value: input.value, unit: 'lb', system: UCUM, code: '[lb_av]' },
      };
  }
}

/** True for readings a patient (or their proxy) entered: our tag, or a Patient/RelatedPerson performer. */
export function isPatientReported(o: Observation): boolean {
  if (o.meta?.tag?.some((t) => t.system === PATIENT_REPORTED_TAG.system && t.code === PATIENT_REPORTED_TAG.code)) return true;
  return (o.performer ?? []).some((p) => p.reference?.startsWith('Patient/') || p.reference?.startsWith('RelatedPerson/'));
}
