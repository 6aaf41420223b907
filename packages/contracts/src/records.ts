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
