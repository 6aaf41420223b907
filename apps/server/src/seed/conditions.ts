import type { Condition } from '@medplum/fhirtypes';
import { PRACTITIONERS, practitionerDisplay, type PractitionerKey } from './clinic.ts';
import { atTime } from './dates.ts';
import { concept, PROFILES, ref, SYSTEMS, type Code } from './fhir-helpers.ts';
import type { SeedPatient } from './patients.ts';
import type { SeedContext } from './seed-context.ts';

const sct = (code: string, display: string): Code => [SYSTEMS.snomed, code, display];
const icd = (code: string, display: string): Code => [SYSTEMS.icd10cm, code, display];

/** Problems used by the demo histories: SNOMED CT plus the ICD-10-CM code used on claims. */
export const CONDITIONS = {
  prediabetes: { text: 'Prediabetes', codes: [sct('714628002', 'Prediabetes'), icd('R73.03', 'Prediabetes')] },
  diabetes2: { text: 'Type 2 diabetes', codes: [sct('44054006', 'Diabetes mellitus type 2'), icd('E11.9', 'Type 2 diabetes mellitus without complications')] },
  diabetes2Ckd: { text: 'Type 2 diabetes with kidney disease', codes: [sct('44054006', 'Diabetes mellitus type 2'), icd('E11.22', 'Type 2 diabetes mellitus with diabetic chronic kidney disease')] },
  hypertension: { text: 'High blood pressure', codes: [sct('59621000', 'Essential hypertension'), icd('I10', 'Essential (primary) hypertension')] },
  hyperlipidemia: { text: 'High cholesterol', codes: [sct('55822004', 'Hyperlipidemia'), icd('E78.5', 'Hyperlipidemia, unspecified')] },
  obesity: { text: 'Obesity', codes: [sct('414916001', 'Obesity'), icd('E66.9', 'Obesity, unspecified')] },
  acuteBronchitis: { text: 'Acute bronchitis', codes: [sct('10509002', 'Acute bronchitis'), icd('J20.9', 'Acute bronchitis, unspecified')] },
  uri: { text: 'Common cold (upper respiratory infection)', codes: [sct('54150009', 'Upper respiratory infection'), icd('J06.9', 'Acute upper respiratory infection, unspecified')] },
  allergicRhinitis: { text: 'Seasonal allergies', codes: [sct('367498001', 'Seasonal allergic rhinitis'), icd('J30.2', 'Other seasonal allergic rhinitis')] },
  lowBackPain: { text: 'Low back pain', codes: [sct('279039007', 'Low back pain'), icd('M54.50', 'Low back pain, unspecified')] },
  asthma: { text: 'Asthma', codes: [sct('426979002', 'Mild persistent asthma'), icd('J45.30', 'Mild persistent asthma, uncomplicated')] },
  otitisMedia: { text: 'Ear infection', codes: [sct('65363002', 'Otitis media'), icd('H66.90', 'Otitis media, unspecified, unspecified ear')] },
  adhd: { text: 'ADHD', codes: [sct('406506008', 'Attention deficit hyperactivity disorder'), icd('F90.2', 'Attention-deficit hyperactivity disorder, combined type')] },
  acne: { text: 'Acne', codes: [sct('88616000', 'Acne vulgaris'), icd('L70.0', 'Acne vulgaris')] },
  strepThroat: { text: 'Strep throat', codes: [sct('43878008', 'Streptococcal sore throat'), icd('J02.0', 'Streptococcal pharyngitis')] },
  heartFailure: { text: 'Heart failure', codes: [sct('703272007', 'Heart failure with reduced ejection fraction'), icd('I50.22', 'Chronic systolic (congestive) heart failure')] },
  atrialFibrillation: { text: 'Atrial fibrillation (irregular heartbeat)', codes: [sct('49436004', 'Atrial fibrillation'), icd('I48.91', 'Unspecified atrial fibrillation')] },
  ckd3: { text: 'Chronic kidney disease, stage 3', codes: [sct('433144002', 'Chronic kidney disease stage 3'), icd('N18.30', 'Chronic kidney disease, stage 3 unspecified')] },
  kneeOsteoarthritis: { text: 'Arthritis in both knees', codes: [sct('239873007', 'Osteoarthritis of knee'), icd('M17.0', 'Bilateral primary osteoarthritis of knee')] },
  hyperkalemia: { text: 'High potassium', codes: [sct('14140009', 'Hyperkalemia'), icd('E87.5', 'Hyperkalemia')] },
  fall: { text: 'Fall at home with bruised right hip', codes: [sct('1912002', 'Fall'), icd('W19.XXXA', 'Unspecified fall, initial encounter')] },
  hipContusion: { text: 'Bruised right hip', codes: [icd('S70.01XA', 'Contusion of right hip, initial encounter')] },
  hypothyroidism: { text: 'Underactive thyroid', codes: [sct('40930008', 'Hypothyroidism'), icd('E03.9', 'Hypothyroidism, unspecified')] },
  osteopenia: { text: 'Osteopenia (thin bones)', codes: [sct('312894000', 'Osteopenia'), icd('M85.80', 'Other specified disorders of bone density and structure, unspecified site')] },
  anxiety: { text: 'Generalized anxiety', codes: [sct('21897009', 'Generalized anxiety disorder'), icd('F41.1', 'Generalized anxiety disorder')] },
  ankleSprain: { text: 'Sprained left ankle', codes: [sct('44465007', 'Sprain of ankle'), icd('S93.402A', 'Sprain of unspecified ligament of left ankle, initial encounter')] },
  migraine: { text: 'Migraine', codes: [sct('37796009', 'Migraine'), icd('G43.909', 'Migraine, unspecified, not intractable, without status migrainosus')] },
  ironDeficiencyAnemia: { text: 'Low iron (iron deficiency anemia)', codes: [sct('87522002', 'Iron deficiency anemia'), icd('D50.9', 'Iron deficiency anemia, unspecified')] },
  caregiverStress: { text: 'Caregiver stress', codes: [icd('Z63.6', 'Dependent relative needing care at home')] },
} as const satisfies Record<string, { text: string; codes: readonly Code[] }>;
export type ConditionKey = keyof typeof CONDITIONS;

/** The ICD-10-CM coding of a catalog condition (used on claims). */
export function icd10Of(key: ConditionKey): Code {
  const found = CONDITIONS[key].codes.find((c) => c[0] === SYSTEMS.icd10cm);
  if (!found) throw new Error(`No ICD-10-CM code for ${key}`);
  return found;
}

export type ConditionSpec = {
  condition: ConditionKey;
  category: 'problem-list-item' | 'encounter-diagnosis';
  onset: string;
  /** Date the problem resolved; sets clinicalStatus "resolved". */
  abatement?: string;
  encounterId?: string;
  recorder: PractitionerKey;
  note?: string;
};

/**
 * Adds a US Core Condition (problem list item or encounter diagnosis) and returns it.
 */
export function addCondition(ctx: SeedContext, patient: SeedPatient, spec: ConditionSpec): Condition {
  const entry = CONDITIONS[spec.condition];
  const resolved = spec.abatement !== undefined;
  const problem = spec.category === 'problem-list-item';
  return ctx.add<Condition>({
    resourceType: 'Condition', id: ctx.nextId(patient.key, 'cond'),
    meta: { profile: [problem ? PROFILES.conditionProblem : PROFILES.conditionEncounter] },
    clinicalStatus: concept(resolved ? [SYSTEMS.conditionClinical, 'resolved', 'Resolved'] : [SYSTEMS.conditionClinical, 'active', 'Active']),
    verificationStatus: concept([SYSTEMS.conditionVerification, 'confirmed', 'Confirmed']),
    category: [concept(problem ? [SYSTEMS.conditionCategory, 'problem-list-item', 'Problem List Item'] : [SYSTEMS.conditionCategory, 'encounter-diagnosis', 'Encounter Diagnosis'])],
    code: concept(entry.codes, entry.text),
    subject: ref('Patient', patient.id, patient.display),
    ...(spec.encounterId ? { encounter: ref('Encounter', spec.encounterId) } : {}),
    onsetDateTime: spec.onset,
    ...(resolved ? { abatementDateTime: spec.abatement } : {}),
    recordedDate: atTime(spec.onset.slice(0, 10), 17 * 60),
    recorder: ref('Practitioner', PRACTITIONERS[spec.recorder].id, practitionerDisplay(spec.recorder)),
    ...(spec.note ? { note: [{ text: spec.note }] } : {}),
  });
}
