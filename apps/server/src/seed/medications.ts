import type { Dosage, MedicationRequest } from '@medplum/fhirtypes';
import { PRACTITIONERS, practitionerDisplay, type PractitionerKey } from './clinic.ts';
import { addDays, addYears, atTime } from './dates.ts';
import { concept, PROFILES, ref, SYSTEMS, ucum } from './fhir-helpers.ts';
import type { SeedPatient } from './patients.ts';
import type { SeedContext } from './seed-context.ts';

type DoseForm = 'tablet' | 'capsule' | 'puff' | 'unit' | 'spray' | 'injection';
type Route = 'oral' | 'inhaled' | 'subcutaneous' | 'nasal' | 'intramuscular';

/** RxNorm clinical drugs (SCD) used by the demo histories. */
export const MEDICATIONS = {
  metformin500: { rxnorm: '861007', display: 'metformin hydrochloride 500 MG Oral Tablet', form: 'tablet', route: 'oral' },
  metformin1000: { rxnorm: '861004', display: 'metformin hydrochloride 1000 MG Oral Tablet', form: 'tablet', route: 'oral' },
  lisinopril10: { rxnorm: '314076', display: 'lisinopril 10 MG Oral Tablet', form: 'tablet', route: 'oral' },
  lisinopril20: { rxnorm: '314077', display: 'lisinopril 20 MG Oral Tablet', form: 'tablet', route: 'oral' },
  atorvastatin20: { rxnorm: '617310', display: 'atorvastatin 20 MG Oral Tablet', form: 'tablet', route: 'oral' },
  atorvastatin40: { rxnorm: '617311', display: 'atorvastatin 40 MG Oral Tablet', form: 'tablet', route: 'oral' },
  empagliflozin10: { rxnorm: '1545653', display: 'empagliflozin 10 MG Oral Tablet', form: 'tablet', route: 'oral' },
  epinephrineAutoInjector: { rxnorm: '1870230', display: 'NDA020800 0.3 ML epinephrine 1 MG/ML Auto-Injector', form: 'injection', route: 'intramuscular' },
  amlodipine5: { rxnorm: '197361', display: 'amlodipine 5 MG Oral Tablet', form: 'tablet', route: 'oral' },
  cetirizine10: { rxnorm: '1014676', display: 'cetirizine hydrochloride 10 MG Oral Tablet', form: 'tablet', route: 'oral' },
  ibuprofen600: { rxnorm: '197806', display: 'ibuprofen 600 MG Oral Tablet', form: 'tablet', route: 'oral' },
  ibuprofen400: { rxnorm: '197805', display: 'ibuprofen 400 MG Oral Tablet', form: 'tablet', route: 'oral' },
  albuterolInhaler: { rxnorm: '745679', display: '200 ACTUAT albuterol 0.09 MG/ACTUAT Metered Dose Inhaler', form: 'puff', route: 'inhaled' },
  fluticasoneInhaler: { rxnorm: '895994', display: '120 ACTUAT fluticasone propionate 0.044 MG/ACTUAT Metered Dose Inhaler', form: 'puff', route: 'inhaled' },
  methylphenidateEr36: { rxnorm: '1091185', display: '24 HR methylphenidate hydrochloride 36 MG Extended Release Oral Tablet', form: 'tablet', route: 'oral' },
  apixaban5: { rxnorm: '1364445', display: 'apixaban 5 MG Oral Tablet', form: 'tablet', route: 'oral' },
  metoprololSuccinate50: { rxnorm: '866436', display: '24 HR metoprolol succinate 50 MG Extended Release Oral Tablet', form: 'tablet', route: 'oral' },
  furosemide40: { rxnorm: '313988', display: 'furosemide 40 MG Oral Tablet', form: 'tablet', route: 'oral' },
  spironolactone25: { rxnorm: '313096', display: 'spironolactone 25 MG Oral Tablet', form: 'tablet', route: 'oral' },
  insulinGlargine: { rxnorm: '847230', display: '3 ML insulin glargine 100 UNT/ML Pen Injector', form: 'unit', route: 'subcutaneous' },
  linagliptin5: { rxnorm: '1100702', display: 'linagliptin 5 MG Oral Tablet', form: 'tablet', route: 'oral' },
  acetaminophen500: { rxnorm: '198440', display: 'acetaminophen 500 MG Oral Tablet', form: 'tablet', route: 'oral' },
  levothyroxine75: { rxnorm: '966222', display: 'levothyroxine sodium 0.075 MG Oral Tablet', form: 'tablet', route: 'oral' },
  sertraline50: { rxnorm: '312940', display: 'sertraline 50 MG Oral Tablet', form: 'tablet', route: 'oral' },
  amoxicillin500: { rxnorm: '308191', display: 'amoxicillin 500 MG Oral Capsule', form: 'capsule', route: 'oral' },
  ferrousSulfate325: { rxnorm: '310325', display: 'ferrous sulfate 325 MG Oral Tablet', form: 'tablet', route: 'oral' },
} as const satisfies Record<string, { rxnorm: string; display: string; form: DoseForm; route: Route }>;
export type MedicationKey = keyof typeof MEDICATIONS;

const ROUTES: Record<Route, [string, string]> = {
  oral: ['26643006', 'Oral route'],
  inhaled: ['447694001', 'Respiratory tract route'],
  subcutaneous: ['34206005', 'Subcutaneous route'],
  nasal: ['46713006', 'Nasal route'],
  intramuscular: ['78421000', 'Intramuscular route'],
};

export type MedicationSpec = {
  medication: MedicationKey;
  /** Plain sig, e.g. "Take 1 tablet by mouth twice a day with meals". */
  sig: string;
  dose: number;
  /** Times per day; 0 with asNeeded for PRN-only. */
  perDay: number;
  asNeeded?: string;
  authoredOn: string;
  requester: PractitionerKey;
  status: 'active' | 'completed' | 'stopped';
  /** Why it was stopped or what changed. */
  statusReason?: string;
  /** Days of therapy for a short course (completed); long-term meds get 90-day fills. */
  courseDays?: number;
  refills: number;
  reasonConditionId?: string;
  encounterId?: string;
  /** Package-based fills (inhalers, pens) instead of dose x days. */
  dispense?: { value: number; unit: string };
};

/**
 * Short courses are valid for 30 days. Long-term prescriptions are renewed yearly: an
 * active one runs to the next anniversary after the anchor (so it ends in the future).
 */
function validityEnd(anchor: string, spec: MedicationSpec): string {
  if (spec.courseDays) return addDays(spec.authoredOn, 30);
  let end = addYears(spec.authoredOn, 1);
  while (spec.status === 'active' && end <= anchor) end = addYears(end, 1);
  return end;
}

/**
 * Adds a US Core MedicationRequest with a structured dosage and dispense request.
 * The validity period may end after the anchor date (a prescription that is still open).
 */
export function addMedicationRequest(ctx: SeedContext, patient: SeedPatient, spec: MedicationSpec): MedicationRequest {
  const med = MEDICATIONS[spec.medication];
  const supplyDays = spec.courseDays ?? 90;
  const perDay = spec.perDay || 1;
  const [routeCode, routeDisplay] = ROUTES[med.route];
  const dosage: Dosage = {
    sequence: 1, text: spec.sig,
    timing: spec.perDay > 0 ? { repeat: { frequency: spec.perDay, period: 1, periodUnit: 'd', ...(spec.courseDays ? { boundsDuration: ucum(spec.courseDays, 'd', 'days') } : {}) } } : undefined,
    ...(spec.asNeeded ? { asNeededCodeableConcept: { text: spec.asNeeded } } : {}),
    route: concept([SYSTEMS.snomed, routeCode, routeDisplay]),
    doseAndRate: [{ type: concept(['http://terminology.hl7.org/CodeSystem/dose-rate-type', 'ordered', 'Ordered']), doseQuantity: { value: spec.dose, unit: spec.dose === 1 ? med.form : `${med.form}s` } }],
  };
  if (!dosage.timing) delete dosage.timing;
  return ctx.add<MedicationRequest>({
    resourceType: 'MedicationRequest', id: ctx.nextId(patient.key, 'medrx'), meta: { profile: [PROFILES.medicationRequest] },
    status: spec.status,
    ...(spec.statusReason ? { statusReason: { text: spec.statusReason } } : {}),
    intent: 'order',
    category: [concept(['http://terminology.hl7.org/CodeSystem/medicationrequest-category', 'community', 'Community'])],
    medicationCodeableConcept: concept([SYSTEMS.rxnorm, med.rxnorm, med.display]),
    subject: ref('Patient', patient.id, patient.display),
    ...(spec.encounterId ? { encounter: ref('Encounter', spec.encounterId) } : {}),
    authoredOn: atTime(spec.authoredOn, 16 * 60 + 30),
    requester: ref('Practitioner', PRACTITIONERS[spec.requester].id, practitionerDisplay(spec.requester)),
    ...(spec.reasonConditionId ? { reasonReference: [ref('Condition', spec.reasonConditionId)] } : {}),
    dosageInstruction: [dosage],
    dispenseRequest: {
      validityPeriod: { start: spec.authoredOn, end: validityEnd(ctx.anchor, spec) },
      numberOfRepeatsAllowed: spec.refills,
      quantity: spec.dispense ?? { value: Math.ceil(spec.dose * perDay * supplyDays), unit: `${med.form}s` },
      expectedSupplyDuration: ucum(supplyDays, 'd', 'days'),
    },
  });
}
