import { z } from 'zod';

export const ConditionItem = z.object({
  id: z.string(),
  name: z.string(),
  /** FHIR clinicalStatus code: active, recurrence, relapse, inactive, remission, resolved. */
  clinicalStatus: z.string().nullable(),
  onset: z.string().nullable(),
  abatement: z.string().nullable(),
});
export const MedicationItem = z.object({
  id: z.string(),
  name: z.string(),
  /** FHIR MedicationRequest.status: active, on-hold, cancelled, completed, stopped, ... */
  status: z.string(),
  instructions: z.string().nullable(),
  authoredOn: z.string().nullable(),
  prescriber: z.string().nullable(),
});
export const AllergyItem = z.object({
  id: z.string(),
  substance: z.string(),
  clinicalStatus: z.string().nullable(),
  criticality: z.string().nullable(),
  /** What happened (clinical text, as recorded) and FHIR severity code (mild, moderate, severe) for the app to word. */
  reactions: z.array(z.object({ manifestation: z.string(), severity: z.string().nullable() })),
  recorded: z.string().nullable(),
});
export const ImmunizationItem = z.object({
  id: z.string(),
  vaccine: z.string(),
  date: z.string().nullable(),
  status: z.string(),
});

export const HealthSummary = z.object({
  patient: z.object({ id: z.string(), name: z.string(), birthDate: z.string().nullable() }),
  conditions: z.array(ConditionItem),
  medications: z.array(MedicationItem),
  allergies: z.array(AllergyItem),
  immunizations: z.array(ImmunizationItem),
});
export type HealthSummary = z.infer<typeof HealthSummary>;
export type ConditionItem = z.infer<typeof ConditionItem>;
export type MedicationItem = z.infer<typeof MedicationItem>;
export type AllergyItem = z.infer<typeof AllergyItem>;
export type ImmunizationItem = z.infer<typeof ImmunizationItem>;

/*
 * Record pages (Medications, Allergies, Conditions): the summary items plus the details those pages
 * show, split into current ("active") and earlier ("past") lists, each newest first.
 */

/** How often and when, from FHIR Timing.repeat (periodUnit: s, min, h, d, wk, mo, a; when: FHIR event-timing codes). */
export const DosageTiming = z.object({
  frequency: z.number().nullable(),
  frequencyMax: z.number().nullable(),
  period: z.number().nullable(),
  periodMax: z.number().nullable(),
  periodUnit: z.string().nullable(),
  when: z.array(z.string()),
  timeOfDay: z.array(z.string()),
  /** Course length (boundsDuration), e.g. 10 days. */
  duration: z.object({ value: z.number(), unit: z.string() }).nullable(),
});
/**
 * One structured dose instruction for the app to say in plain words. `route` is a keyword the app
 * has words for (oral, inhaled, subcutaneous, intramuscular, intravenous, nasal, topical, sublingual,
 * eye, ear, rectal, vaginal, transdermal) or null; `routeText` is the route as recorded.
 */
export const DosageDetail = z.object({
  text: z.string().nullable(),
  patientInstruction: z.string().nullable(),
  dose: z.object({ value: z.number(), high: z.number().nullable(), unit: z.string().nullable() }).nullable(),
  route: z.string().nullable(),
  routeText: z.string().nullable(),
  timing: DosageTiming.nullable(),
  asNeeded: z.boolean(),
  asNeededFor: z.string().nullable(),
});
export const MedicationRecord = MedicationItem.extend({
  statusReason: z.string().nullable(),
  reasons: z.array(z.string()),
  dosage: z.array(DosageDetail),
  refills: z.number().nullable(),
});
export const AllergyRecord = AllergyItem.extend({
  verificationStatus: z.string().nullable(),
  /** FHIR category codes: food, medication, environment, biologic. */
  categories: z.array(z.string()),
  type: z.string().nullable(),
  onset: z.string().nullable(),
  lastOccurrence: z.string().nullable(),
  recorder: z.string().nullable(),
  notes: z.array(z.string()),
});
export const ConditionRecord = ConditionItem.extend({
  verificationStatus: z.string().nullable(),
  recorded: z.string().nullable(),
  recorder: z.string().nullable(),
  encounterId: z.string().nullable(),
  notes: z.array(z.string()),
});
export const MedicationList = z.object({ active: z.array(MedicationRecord), past: z.array(MedicationRecord) });
export const AllergyList = z.object({ active: z.array(AllergyRecord), past: z.array(AllergyRecord) });
export const ConditionList = z.object({ active: z.array(ConditionRecord), past: z.array(ConditionRecord) });
export type DosageTiming = z.infer<typeof DosageTiming>;
export type DosageDetail = z.infer<typeof DosageDetail>;
export type MedicationRecord = z.infer<typeof MedicationRecord>;
export type AllergyRecord = z.infer<typeof AllergyRecord>;
export type ConditionRecord = z.infer<typeof ConditionRecord>;
export type MedicationList = z.infer<typeof MedicationList>;
export type AllergyList = z.infer<typeof AllergyList>;
export type ConditionList = z.infer<typeof ConditionList>;
