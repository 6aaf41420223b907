import { z } from 'zod';

/**
 * Prescription refill requests (issue 6): a patient (or a proxy with the refills scope) asks for a
 * refill of an active prescription and picks a pharmacy; the prescriber's team approves (a renewed
 * MedicationRequest) or denies with a reason. Each request is a FHIR Task focused on the prescription.
 */

/** requested: waiting for the care team; approved: a renewed prescription was written; denied: with a reason. */
export const RefillStatus = z.enum(['requested', 'approved', 'denied']);
export type RefillStatus = z.infer<typeof RefillStatus>;

export const Pharmacy = z.object({
  id: z.string(),
  name: z.string(),
  /** One line: street, city. */
  address: z.string().nullable(),
  phone: z.string().nullable(),
});
export type Pharmacy = z.infer<typeof Pharmacy>;

export const RefillRequest = z.object({
  id: z.string(),
  medication: z.object({ id: z.string(), name: z.string() }),
  pharmacy: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** The patient's optional note to the care team. */
  note: z.string().nullable(),
  status: RefillStatus,
  requestedAt: z.string(),
  decidedAt: z.string().nullable(),
  /** Why the request was denied; shown to the patient. */
  reason: z.string().nullable(),
  /** The renewed MedicationRequest an approval created. */
  renewedMedicationId: z.string().nullable(),
});
export type RefillRequest = z.infer<typeof RefillRequest>;

/** GET /api/refills → newest first. */
export const RefillList = z.object({ requests: z.array(RefillRequest) });
export type RefillList = z.infer<typeof RefillList>;

/** GET /api/refills/pharmacies → the pharmacies to choose from and the one chosen last time. */
export const PharmacyChoices = z.object({ pharmacies: z.array(Pharmacy), preferredPharmacyId: z.string().nullable() });
export type PharmacyChoices = z.infer<typeof PharmacyChoices>;

const fhirId = (what: string) => z.string({ error: `Choose ${what}.` }).regex(/^[A-Za-z0-9\-.]{1,64}$/, `Choose ${what}.`);

/** POST /api/refills */
export const NewRefillRequest = z.object({
  medicationRequestId: fhirId('the medicine to refill'),
  pharmacyId: fhirId('a pharmacy'),
  note: z.string().trim().max(1000, 'Keep the note under 1000 characters.').optional().transform((v) => (v ? v : undefined)),
}).strict();
export type NewRefillRequest = z.input<typeof NewRefillRequest>;

/** POST /api/staff/refills/:id/deny: the reason is shown to the patient. */
export const RefillDenial = z.object({
  reason: z.string({ error: 'Write the reason the patient will read (at least 5 characters).' }).trim()
    .min(5, 'Write the reason the patient will read (at least 5 characters).').max(1000, 'Keep the reason under 1000 characters.'),
});
export type RefillDenial = z.infer<typeof RefillDenial>;

/** POST /api/staff/refills/:id/note: a note for the team (nurses leave these for the prescriber). */
export const RefillStaffNote = z.object({
  note: z.string({ error: 'Write the note (at least 2 characters).' }).trim().min(2, 'Write the note (at least 2 characters).').max(1000, 'Keep the note under 1000 characters.'),
});
export type RefillStaffNote = z.infer<typeof RefillStaffNote>;

/** A request in the staff queue, with what a prescriber needs beside it. */
export const StaffRefill = RefillRequest.extend({
  patient: z.object({ id: z.string(), name: z.string() }),
  /** The prescription as written: when, by whom, how to take it, refills left. */
  prescription: z.object({ authoredOn: z.string().nullable(), prescriber: z.string().nullable(), instructions: z.string().nullable(), refills: z.number().int().nullable() }),
  allergies: z.array(z.object({ substance: z.string(), criticality: z.string().nullable() })),
  activeMedications: z.array(z.string()),
  /** Notes the team left (author and text), oldest first. */
  staffNotes: z.array(z.object({ author: z.string(), text: z.string(), at: z.string() })),
  /** Whether the signed-in staff member may approve (clinicians only). */
  canApprove: z.boolean(),
});
export type StaffRefill = z.infer<typeof StaffRefill>;

export const StaffRefillList = z.object({ requests: z.array(StaffRefill) });
export type StaffRefillList = z.infer<typeof StaffRefillList>;
