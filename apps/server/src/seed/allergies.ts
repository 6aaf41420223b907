import type { AllergyIntolerance } from '@medplum/fhirtypes';
import { PRACTITIONERS, practitionerDisplay, type PractitionerKey } from './clinic.ts';
import { atTime } from './dates.ts';
import { concept, PROFILES, ref, SYSTEMS, type Code } from './fhir-helpers.ts';
import type { SeedPatient } from './patients.ts';
import type { SeedContext } from './seed-context.ts';

const sct = (code: string, display: string): Code => [SYSTEMS.snomed, code, display];

/** Substances (SNOMED CT), with the category and type they are recorded under. */
export const ALLERGENS = {
  penicillin: { code: sct('764146007', 'Penicillin'), text: 'Penicillin', category: 'medication', type: 'allergy' },
  peanut: { code: sct('762952008', 'Peanut'), text: 'Peanuts', category: 'food', type: 'allergy' },
  sulfonamide: { code: sct('387406002', 'Sulfonamide'), text: 'Sulfa drugs', category: 'medication', type: 'allergy' },
  codeine: { code: sct('387494007', 'Codeine'), text: 'Codeine', category: 'medication', type: 'intolerance' },
  pollen: { code: sct('256259004', 'Pollen'), text: 'Tree and grass pollen', category: 'environment', type: 'allergy' },
  latex: { code: sct('111088007', 'Latex'), text: 'Latex', category: 'environment', type: 'allergy' },
} as const satisfies Record<string, { code: Code; text: string; category: 'food' | 'medication' | 'environment'; type: 'allergy' | 'intolerance' }>;
export type AllergenKey = keyof typeof ALLERGENS;

/** Reactions (SNOMED CT clinical findings) with the plain-language label patients see. */
export const REACTIONS = {
  hives: { code: sct('126485001', 'Urticaria'), text: 'Hives' },
  anaphylaxis: { code: sct('39579001', 'Anaphylaxis'), text: 'Severe allergic reaction (anaphylaxis)' },
  throatSwelling: { code: sct('41291007', 'Angioedema'), text: 'Swelling of lips and throat' },
  rash: { code: sct('271807003', 'Eruption of skin'), text: 'Skin rash' },
  nausea: { code: sct('422587007', 'Nausea'), text: 'Nausea' },
  sneezing: { code: sct('76067001', 'Sneezing'), text: 'Sneezing and runny nose' },
  contactDermatitis: { code: sct('40275004', 'Contact dermatitis'), text: 'Itchy red skin where latex touched' },
} as const satisfies Record<string, { code: Code; text: string }>;
export type ReactionKey = keyof typeof REACTIONS;

export type AllergySpec = {
  allergen: AllergenKey;
  criticality: 'low' | 'high' | 'unable-to-assess';
  reactions: ReactionKey[];
  severity: 'mild' | 'moderate' | 'severe';
  /** Approximate onset (often childhood), YYYY-MM-DD. */
  onset: string;
  recordedDate: string;
  recorder: PractitionerKey;
  note?: string;
};

function base(ctx: SeedContext, patient: SeedPatient, recordedDate: string, recorder: PractitionerKey): AllergyIntolerance {
  return {
    resourceType: 'AllergyIntolerance', id: ctx.nextId(patient.key, 'allergy'), meta: { profile: [PROFILES.allergy] },
    clinicalStatus: concept([SYSTEMS.allergyClinical, 'active', 'Active']),
    verificationStatus: concept([SYSTEMS.allergyVerification, 'confirmed', 'Confirmed']),
    patient: ref('Patient', patient.id, patient.display),
    recordedDate: atTime(recordedDate, 10 * 60),
    recorder: ref('Practitioner', PRACTITIONERS[recorder].id, practitionerDisplay(recorder)),
  };
}

/**
 * Adds a US Core AllergyIntolerance with its reaction(s).
 */
export function addAllergy(ctx: SeedContext, patient: SeedPatient, spec: AllergySpec): AllergyIntolerance {
  const allergen = ALLERGENS[spec.allergen];
  return ctx.add<AllergyIntolerance>({
    ...base(ctx, patient, spec.recordedDate, spec.recorder),
    type: allergen.type, category: [allergen.category], criticality: spec.criticality,
    code: concept(allergen.code, allergen.text),
    onsetDateTime: spec.onset,
    reaction: [{
      substance: concept(allergen.code, allergen.text),
      manifestation: spec.reactions.map((r) => concept(REACTIONS[r].code, REACTIONS[r].text)),
      severity: spec.severity,
    }],
    ...(spec.note ? { note: [{ text: spec.note }] } : {}),
  });
}

/**
 * Records "no known allergies" the coded way (SNOMED 716186003) rather than an empty list,
 * so the portal can tell "none" from "never asked".
 */
export function addNoKnownAllergies(ctx: SeedContext, patient: SeedPatient, recordedDate: string, recorder: PractitionerKey): AllergyIntolerance {
  return ctx.add<AllergyIntolerance>({
    ...base(ctx, patient, recordedDate, recorder),
    code: concept([SYSTEMS.snomed, '716186003', 'No known allergy'], 'No known allergies'),
  });
}
