import { z } from 'zod';

/**
 * Insurance (issue 8, part 4): the patient's coverage from FHIR Coverage, and updates with card
 * photos that staff review before the Coverage changes.
 */

export const SubscriberRelationship = z.enum(['self', 'spouse', 'child', 'other'], { error: 'Choose how you are related to the person who holds the plan.' });
export type SubscriberRelationship = z.infer<typeof SubscriberRelationship>;

/** One Coverage as the patient reads it. Money in cents. */
export const CoverageView = z.object({
  id: z.string(),
  /** True for the coverage in effect today. */
  current: z.boolean(),
  planName: z.string().nullable(),
  payerName: z.string().nullable(),
  memberId: z.string().nullable(),
  groupNumber: z.string().nullable(),
  subscriberName: z.string().nullable(),
  relationship: z.string().nullable(),
  start: z.string().nullable(),
  end: z.string().nullable(),
  copayCents: z.number().int().nullable(),
  coinsurancePercent: z.number().nullable(),
});
export type CoverageView = z.infer<typeof CoverageView>;

const text = (what: string, max: number) => z.string({ error: `Enter the ${what}.` }).trim().min(1, `Enter the ${what}.`).max(max, `Keep the ${what} under ${max} characters.`);

/** The card details of an update (multipart text fields beside the photos "front" and "back"). */
export const InsuranceUpdateInput = z.object({
  payerName: text('insurance company name', 120),
  memberId: text('member ID', 40).regex(/^[A-Za-z0-9\- ]+$/, 'Use only the letters, numbers and dashes printed on the card.'),
  groupNumber: z.string().trim().max(40, 'Keep the group number under 40 characters.').regex(/^[A-Za-z0-9\- ]*$/, 'Use only the letters, numbers and dashes printed on the card.').default(''),
  subscriberName: text('name of the person who holds the plan', 120),
  relationship: SubscriberRelationship,
});
export type InsuranceUpdateInput = z.infer<typeof InsuranceUpdateInput>;

export const InsuranceUpdateState = z.enum(['pending', 'accepted', 'rejected']);
export type InsuranceUpdateState = z.infer<typeof InsuranceUpdateState>;

export const InsuranceUpdate = z.object({
  id: z.string(),
  state: InsuranceUpdateState,
  payerName: z.string(),
  memberId: z.string(),
  groupNumber: z.string(),
  subscriberName: z.string(),
  relationship: SubscriberRelationship,
  submittedAt: z.string(),
  decidedAt: z.string().nullable(),
  /** Why staff could not accept it; shown to the patient. */
  reason: z.string().nullable(),
});
export type InsuranceUpdate = z.infer<typeof InsuranceUpdate>;

/** GET /api/billing/insurance: coverages (current first) and the latest updates (newest first). */
export const InsuranceOverview = z.object({ coverages: z.array(CoverageView), updates: z.array(InsuranceUpdate) });
export type InsuranceOverview = z.infer<typeof InsuranceOverview>;

/** What staff review: the update, whose it is and the coverage it would replace. */
export const StaffInsuranceUpdate = InsuranceUpdate.extend({
  patient: z.object({ id: z.string(), name: z.string() }),
  currentCoverage: CoverageView.nullable(),
  frontType: z.string(),
  backType: z.string(),
});
export type StaffInsuranceUpdate = z.infer<typeof StaffInsuranceUpdate>;

export const StaffInsuranceUpdateList = z.object({ updates: z.array(StaffInsuranceUpdate) });
export type StaffInsuranceUpdateList = z.infer<typeof StaffInsuranceUpdateList>;

export const InsuranceRejection = z.object({
  reason: z.string({ error: 'Tell the patient why, so they can fix it.' }).trim().min(5, 'Tell the patient why, so they can fix it (at least 5 characters).').max(500, 'Keep the reason under 500 characters.'),
});
export type InsuranceRejection = z.infer<typeof InsuranceRejection>;

/** Card photos: JPEG, PNG or HEIC (checked by content), up to 10 MB each. */
export const INSURANCE_PHOTO_LIMITS = { bytes: 10 * 1024 * 1024, types: ['image/jpeg', 'image/png', 'image/heic'] } as const;
