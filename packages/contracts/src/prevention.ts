import { z } from 'zod';

/**
 * due: the patient should get it now; overdue: it was due some time ago (or a repeat has lapsed);
 * up-to-date: nothing to do now; ask: depends on things the record cannot tell (shared decision,
 * smoking history, risk) so the patient should ask the care team.
 */
export const CareStatus = z.enum(['due', 'overdue', 'up-to-date', 'ask']);
export type CareStatus = z.infer<typeof CareStatus>;

export const CareItem = z.object({
  /** Rule id, also the key of the item's plain-language words in the web app (en/es). */
  id: z.string(),
  kind: z.enum(['vaccine', 'screening']),
  status: CareStatus,
  /** When it was last done (date of the newest matching record), if ever. */
  lastDone: z.string().nullable(),
  /** Doses on record that count toward the series (vaccines), or times done (screenings). */
  doneCount: z.number().int(),
  /** For a series: how many doses make it complete; null for repeating or once-only items. */
  dosesNeeded: z.number().int().nullable(),
  /** When the next dose or check is due (YYYY-MM-DD), when known. */
  dueDate: z.string().nullable(),
  source: z.object({ name: z.string(), url: z.string() }),
});
export type CareItem = z.infer<typeof CareItem>;

/** GET /api/records/prevention[?patient=] → due and overdue first, then ask, then up to date. */
export const PreventionList = z.object({
  today: z.string(),
  ageYears: z.number().int(),
  items: z.array(CareItem),
});
export type PreventionList = z.infer<typeof PreventionList>;

export const VaccineDose = z.object({
  id: z.string(),
  date: z.string().nullable(),
  /** From Immunization.protocolApplied.doseNumber, when recorded. */
  doseNumber: z.number().int().nullable(),
  location: z.string().nullable(),
  /** FHIR Immunization.status: completed or not-done. */
  status: z.string(),
});
export type VaccineDose = z.infer<typeof VaccineDose>;

/** GET /api/records/immunizations[?patient=] → vaccine groups (by name), each with its doses newest first. */
export const ImmunizationHistory = z.object({
  groups: z.array(z.object({ vaccine: z.string(), cvx: z.string().nullable(), doses: z.array(VaccineDose) })),
});
export type ImmunizationHistory = z.infer<typeof ImmunizationHistory>;
