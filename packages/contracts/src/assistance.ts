import { z } from 'zod';
import { FormQuestionnaire, SavedResponse } from './echeckin.ts';

/**
 * Financial assistance (issue 8, part 5): an application is a FHIR QuestionnaireResponse routed to
 * the billing office, which approves it with a discount or denies it with a reason.
 */

export const AssistanceState = z.enum(['submitted', 'approved', 'denied']);
export type AssistanceState = z.infer<typeof AssistanceState>;

export const AssistanceApplication = z.object({
  id: z.string(),
  state: AssistanceState,
  submittedAt: z.string(),
  decidedAt: z.string().nullable(),
  discountPercent: z.number().int().nullable(),
  reason: z.string().nullable(),
});
export type AssistanceApplication = z.infer<typeof AssistanceApplication>;

/** GET /api/billing/assistance: the form in the reader's language, a saved draft, past applications (newest first). */
export const AssistanceOverview = z.object({
  questionnaire: FormQuestionnaire,
  draft: SavedResponse.nullable(),
  applications: z.array(AssistanceApplication),
});
export type AssistanceOverview = z.infer<typeof AssistanceOverview>;

/** What the billing office reads: the answers as question and answer text. */
export const StaffAssistanceApplication = AssistanceApplication.extend({
  patient: z.object({ id: z.string(), name: z.string() }),
  answers: z.array(z.object({ question: z.string(), answer: z.string() })),
});
export type StaffAssistanceApplication = z.infer<typeof StaffAssistanceApplication>;

export const StaffAssistanceList = z.object({ applications: z.array(StaffAssistanceApplication) });
export type StaffAssistanceList = z.infer<typeof StaffAssistanceList>;

export const AssistanceDecision = z.discriminatedUnion('decision', [
  z.object({
    decision: z.literal('approve'),
    discountPercent: z.coerce.number({ error: 'Enter the discount as a whole number from 1 to 100.' }).int('Enter the discount as a whole number from 1 to 100.')
      .min(1, 'Enter the discount as a whole number from 1 to 100.').max(100, 'Enter the discount as a whole number from 1 to 100.'),
  }),
  z.object({
    decision: z.literal('deny'),
    reason: z.string({ error: 'Tell the patient why.' }).trim().min(5, 'Tell the patient why (at least 5 characters).').max(500, 'Keep the reason under 500 characters.'),
  }),
], { error: 'Choose approve or deny.' });
export type AssistanceDecision = z.infer<typeof AssistanceDecision>;
