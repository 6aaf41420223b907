import { z } from 'zod';

/**
 * Questionnaires (FHIR R4 Questionnaire / QuestionnaireResponse), their scores and care alerts,
 * and eCheck-in before a visit. docs/appointments/echeckin-and-questionnaires.md.
 */

// ---------------------------------------------------------------------------------------------
// Questionnaire, as the web renderer receives it: the supported subset of a FHIR R4 Questionnaire
// with its words already in the reader's language (the server resolves the translation extension).

export const AnswerCoding = z.object({ system: z.string().optional(), code: z.string(), display: z.string().optional() });
export type AnswerCoding = z.infer<typeof AnswerCoding>;

export const QuestionnaireItemType = z.enum(['group', 'display', 'string', 'text', 'integer', 'decimal', 'date', 'boolean', 'choice', 'open-choice']);
export type QuestionnaireItemType = z.infer<typeof QuestionnaireItemType>;

export const EnableWhen = z.object({
  question: z.string(),
  operator: z.enum(['exists', '=', '!=', '>', '<', '>=', '<=']),
  answerBoolean: z.boolean().optional(),
  answerInteger: z.number().int().optional(),
  answerDecimal: z.number().optional(),
  answerDate: z.string().optional(),
  answerString: z.string().optional(),
  answerCoding: AnswerCoding.optional(),
});
export type EnableWhen = z.infer<typeof EnableWhen>;

export const AnswerOption = z.object({
  valueCoding: AnswerCoding.optional(),
  valueString: z.string().optional(),
  valueInteger: z.number().int().optional(),
});
export type AnswerOption = z.infer<typeof AnswerOption>;

export type FormItem = {
  linkId: string;
  prefix?: string | undefined;
  text?: string | undefined;
  type: QuestionnaireItemType;
  required?: boolean | undefined;
  repeats?: boolean | undefined;
  readOnly?: boolean | undefined;
  maxLength?: number | undefined;
  enableWhen?: EnableWhen[] | undefined;
  enableBehavior?: 'all' | 'any' | undefined;
  answerOption?: AnswerOption[] | undefined;
  /** 'radio-button' | 'check-box' | 'drop-down' (FHIR questionnaire-item-control), when set. */
  control?: string | undefined;
  item?: FormItem[] | undefined;
};

export const FormItem: z.ZodType<FormItem> = z.lazy(() =>
  z.object({
    linkId: z.string(),
    prefix: z.string().optional(),
    text: z.string().optional(),
    type: QuestionnaireItemType,
    required: z.boolean().optional(),
    repeats: z.boolean().optional(),
    readOnly: z.boolean().optional(),
    maxLength: z.number().int().optional(),
    enableWhen: z.array(EnableWhen).optional(),
    enableBehavior: z.enum(['all', 'any']).optional(),
    answerOption: z.array(AnswerOption).optional(),
    control: z.string().optional(),
    item: z.array(FormItem).optional(),
  }),
);

export const FormQuestionnaire = z.object({
  id: z.string(),
  url: z.string(),
  title: z.string(),
  description: z.string().optional(),
  /** The copyright notice the publisher asks to show (PHQ-9, GAD-7). */
  copyright: z.string().optional(),
  item: z.array(FormItem),
});
export type FormQuestionnaire = z.infer<typeof FormQuestionnaire>;

// ---------------------------------------------------------------------------------------------
// Answers: flat, one entry per answered item (linkIds are unique within a questionnaire); the
// server nests them as the Questionnaire's groups when it writes the QuestionnaireResponse.

/** One answer value: exactly one of these is set (FHIR QuestionnaireResponse.item.answer.value[x]). */
export type AnswerValue = {
  valueString?: string; valueInteger?: number; valueDecimal?: number; valueDate?: string; valueBoolean?: boolean; valueCoding?: AnswerCoding;
};
export const AnswerValue: z.ZodType<AnswerValue> = z.union([
  z.strictObject({ valueString: z.string().trim().min(1, 'Write an answer, or leave the question empty.').max(4000, 'Keep each answer under 4000 characters.') }),
  z.strictObject({ valueInteger: z.number({ error: 'Enter a whole number.' }).int('Enter a whole number.').min(-1_000_000).max(1_000_000) }),
  z.strictObject({ valueDecimal: z.number({ error: 'Enter a number.' }).min(-1_000_000).max(1_000_000) }),
  z.strictObject({ valueDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter the date as year-month-day, for example 2026-03-14.') }),
  z.strictObject({ valueBoolean: z.boolean() }),
  z.strictObject({ valueCoding: AnswerCoding }),
], { error: 'Each answer needs exactly one value.' });

export type ItemAnswer = { linkId: string; answer: AnswerValue[] };
export const ItemAnswer: z.ZodType<ItemAnswer> = z.object({
  linkId: z.string().min(1).max(100),
  answer: z.array(AnswerValue).max(50, 'Choose at most 50 answers.'),
});

/** PUT /api/questionnaires/:id/draft and POST /api/questionnaires/:id/complete */
export const ResponseInput = z.object({
  answers: z.array(ItemAnswer, { error: 'Send the answers as a list.' }).max(500, 'Too many answers.'),
});
export type ResponseInput = z.infer<typeof ResponseInput>;

export const QuestionnaireScoreBand = z.enum(['none-minimal', 'minimal', 'mild', 'moderate', 'moderately-severe', 'severe']);
export type QuestionnaireScoreBand = z.infer<typeof QuestionnaireScoreBand>;

export const QuestionnaireScore = z.object({
  /** 'phq-9' or 'gad-7' (the scoring rule used). */
  instrument: z.enum(['phq-9', 'gad-7']),
  total: z.number().int(),
  max: z.number().int(),
  band: QuestionnaireScoreBand,
});
export type QuestionnaireScore = z.infer<typeof QuestionnaireScore>;

export const SavedResponse = z.object({
  id: z.string(),
  status: z.enum(['in-progress', 'completed']),
  authored: z.string(),
  answers: z.array(ItemAnswer),
  score: QuestionnaireScore.nullable(),
  /** True when the answers call for the crisis message (PHQ-9 item 9 above zero). */
  crisis: z.boolean(),
});
export type SavedResponse = z.infer<typeof SavedResponse>;

/** GET /api/questionnaires/:id[?appointment=] → the form and the patient's draft or completed answers. */
export const QuestionnaireView = z.object({ questionnaire: FormQuestionnaire, response: SavedResponse.nullable() });
export type QuestionnaireView = z.infer<typeof QuestionnaireView>;

// ---------------------------------------------------------------------------------------------
// Care alerts (staff)

export const CareAlertKind = z.enum(['phq9-severe', 'phq9-item9', 'gad7-severe']);
export type CareAlertKind = z.infer<typeof CareAlertKind>;

export const CareAlert = z.object({
  id: z.string(),
  kind: CareAlertKind,
  score: z.number().int(),
  createdAt: z.string(),
  patient: z.object({ id: z.string(), name: z.string() }),
  appointmentStartsAt: z.string().nullable(),
  acknowledged: z.object({ by: z.string(), at: z.string() }).nullable(),
});
export type CareAlert = z.infer<typeof CareAlert>;

/** GET /api/staff/alerts?status=open|acknowledged */
export const CareAlertList = z.object({ alerts: z.array(CareAlert) });
export type CareAlertList = z.infer<typeof CareAlertList>;

/** A completed questionnaire as staff read it: each question with its answers in words. */
export const StaffResponse = z.object({
  id: z.string(),
  questionnaireId: z.string(),
  title: z.string(),
  authored: z.string(),
  score: QuestionnaireScore.nullable(),
  items: z.array(z.object({ linkId: z.string(), text: z.string(), answers: z.array(z.string()), points: z.number().int().nullable() })),
});
export type StaffResponse = z.infer<typeof StaffResponse>;

/** GET /api/staff/patients/:id/questionnaire-responses */
export const StaffResponseList = z.object({ responses: z.array(StaffResponse) });
export type StaffResponseList = z.infer<typeof StaffResponseList>;

// ---------------------------------------------------------------------------------------------
// eCheck-in

export const EcheckinWindow = z.object({
  /** open: from 3 days before the visit until it starts; not-yet; closed (it started); cancelled. */
  state: z.enum(['open', 'not-yet', 'closed', 'cancelled']),
  opensAt: z.string(),
  closesAt: z.string(),
});
export type EcheckinWindow = z.infer<typeof EcheckinWindow>;

export const EcheckinStep = z.enum(['demographics', 'insurance', 'medications', 'questionnaires']);
export type EcheckinStep = z.infer<typeof EcheckinStep>;

export const PostalAddress = z.object({
  line: z.string().trim().min(3, 'Enter your street address.').max(200, 'Keep the street address under 200 characters.'),
  city: z.string().trim().min(2, 'Enter your city.').max(100, 'Keep the city under 100 characters.'),
  state: z.string().trim().regex(/^[A-Za-z]{2}$/, 'Enter the state as 2 letters, for example MN.'),
  postalCode: z.string().trim().regex(/^\d{5}(-\d{4})?$/, 'Enter a 5-digit ZIP code, for example 55404.'),
});
export type PostalAddress = z.infer<typeof PostalAddress>;

export const EcheckinView = z.object({
  appointment: z.object({
    id: z.string(),
    startsAt: z.string(),
    endsAt: z.string(),
    timeZone: z.string(),
    visitType: z.string(),
    practitioner: z.string().nullable(),
    location: z.string().nullable(),
  }),
  window: EcheckinWindow,
  done: z.array(EcheckinStep),
  completedAt: z.string().nullable(),
  /** The rest is filled only while the window is open. */
  demographics: z.object({
    name: z.string(),
    address: PostalAddress.nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    language: z.string().nullable(),
  }).nullable(),
  coverages: z.array(z.object({ id: z.string(), payor: z.string(), memberId: z.string().nullable(), plan: z.string().nullable() })),
  insuranceChanged: z.boolean(),
  medications: z.array(z.object({ reference: z.string(), name: z.string(), taking: z.boolean().nullable() })),
  allergies: z.array(z.object({ reference: z.string(), name: z.string(), taking: z.boolean().nullable() })),
  questionnaires: z.array(z.object({ id: z.string(), title: z.string(), status: z.enum(['not-started', 'in-progress', 'completed']) })),
  bring: z.string(),
});
export type EcheckinView = z.infer<typeof EcheckinView>;

/** POST /api/echeckin/:id/demographics: confirm, optionally correcting phone and address. */
export const DemographicsInput = z.object({
  phone: z.string().trim().regex(/^\+?[\d\s().-]{7,20}$/, 'Enter a phone number with its area code, for example 555-014-3321.').optional(),
  address: PostalAddress.optional(),
});
export type DemographicsInput = z.infer<typeof DemographicsInput>;

/** POST /api/echeckin/:id/insurance */
export const InsuranceInput = z
  .object({
    changed: z.boolean({ error: 'Say whether your insurance changed.' }),
    note: z.string().trim().max(1000, 'Keep the note under 1000 characters.').optional(),
  })
  .superRefine((d, issue) => {
    if (d.changed && (d.note ?? '').length < 3) issue.addIssue({ code: 'custom', path: ['note'], message: 'Tell the front desk what changed (at least 3 characters).' });
  });
export type InsuranceInput = z.infer<typeof InsuranceInput>;

/** POST /api/echeckin/:id/medications: each medicine and allergy, still current or not. */
export const MedicationReviewInput = z.object({
  items: z.array(z.object({
    reference: z.string().regex(/^(MedicationRequest|MedicationStatement|AllergyIntolerance)\/[A-Za-z0-9\-.]{1,64}$/, 'Name the item as Type/id.'),
    taking: z.boolean({ error: 'Say for each item whether it is still current.' }),
  })).max(200),
});
export type MedicationReviewInput = z.infer<typeof MedicationReviewInput>;
