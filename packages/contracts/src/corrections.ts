import { z } from 'zod';

/**
 * Correction requests (amendments, ONC 170.315(d)(4), HIPAA 164.526): a patient asks to correct one
 * item of their record; staff accept or deny with a reason; a denied request can get the patient's
 * statement of disagreement. Request, decision and statement are one FHIR Task whose focus is the item.
 */

/** open: waiting for staff; accepted: the change was made (in the EHR); denied: not changed, with a reason. */
export const CorrectionStatus = z.enum(['open', 'accepted', 'denied']);
export type CorrectionStatus = z.infer<typeof CorrectionStatus>;

/** The item a request is about: "Condition/abc", its type and the name it had when the request was made. */
export const CorrectionItem = z.object({ reference: z.string(), resourceType: z.string(), name: z.string() });
export type CorrectionItem = z.infer<typeof CorrectionItem>;

export const CorrectionRequest = z.object({
  id: z.string(),
  item: CorrectionItem,
  whatIsWrong: z.string(),
  shouldSay: z.string(),
  status: CorrectionStatus,
  requestedAt: z.string(),
  decidedAt: z.string().nullable(),
  /** Why staff denied (or a note with an acceptance); shown to the patient. */
  reason: z.string().nullable(),
  /** What staff changed in the record when they accepted. */
  changeNote: z.string().nullable(),
  /** The patient's statement of disagreement with a denial (HIPAA 164.526(d)). */
  disagreement: z.object({ statement: z.string(), at: z.string() }).nullable(),
});
export type CorrectionRequest = z.infer<typeof CorrectionRequest>;

/** GET /api/records/corrections[?item=Type/id] → newest first; `item` is set when one item was asked for. */
export const CorrectionList = z.object({ item: CorrectionItem.nullable(), requests: z.array(CorrectionRequest) });
export type CorrectionList = z.infer<typeof CorrectionList>;

/** "Condition/abc": a FHIR resource type and id. */
export const ItemReference = z.string().regex(/^[A-Z][A-Za-z]{1,40}\/[A-Za-z0-9\-.]{1,64}$/, 'Name the item as Type/id, for example Condition/abc.');

const text = (min: number, missing: string, max: number) =>
  z.string({ error: missing }).trim().min(min, missing).max(max, `Keep this under ${max} characters.`);

/** POST /api/records/corrections */
export const NewCorrection = z.object({
  item: ItemReference,
  whatIsWrong: text(5, 'Tell us what is wrong (at least 5 characters).', 2000),
  shouldSay: text(2, 'Tell us what it should say (at least 2 characters).', 2000),
});
export type NewCorrection = z.infer<typeof NewCorrection>;

/** POST /api/records/corrections/:id/disagreement */
export const DisagreementRequest = z.object({
  statement: text(10, 'Write your statement (at least 10 characters).', 4000),
});

/** POST /api/staff/corrections/:id/decision: a denial needs a reason; an acceptance says what was changed. */
export const CorrectionDecision = z
  .object({
    decision: z.enum(['accept', 'deny'], { error: 'Choose accept or deny.' }),
    reason: z.string().trim().max(2000, 'Keep the reason under 2000 characters.').optional(),
    changeNote: z.string().trim().max(2000, 'Keep the note under 2000 characters.').optional(),
  })
  .superRefine((d, issue) => {
    if (d.decision === 'deny' && (d.reason ?? '').length < 5) {
      issue.addIssue({ code: 'custom', path: ['reason'], message: 'Give the patient a reason for the denial (at least 5 characters).' });
    }
    if (d.decision === 'accept' && (d.changeNote ?? '').length < 5) {
      issue.addIssue({ code: 'custom', path: ['changeNote'], message: 'Say what was changed in the record (at least 5 characters).' });
    }
  });
export type CorrectionDecision = z.infer<typeof CorrectionDecision>;

/** A request in the staff queue, with whose record it is. */
export const StaffCorrection = CorrectionRequest.extend({ patient: z.object({ id: z.string(), name: z.string() }) });
export type StaffCorrection = z.infer<typeof StaffCorrection>;

/** GET /api/staff/corrections?status=open|decided */
export const StaffCorrectionList = z.object({ requests: z.array(StaffCorrection) });
export type StaffCorrectionList = z.infer<typeof StaffCorrectionList>;
