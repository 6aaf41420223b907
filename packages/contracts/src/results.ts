import { z } from 'zod';

/** Kinds of results a patient may hold until reviewed (derived from the FHIR category). */
export const ResultCategory = z.enum(['laboratory', 'imaging', 'pathology', 'other']);
export type ResultCategory = z.infer<typeof ResultCategory>;

/** How a value compares with its reference range, from the lab's interpretation or the range itself. */
export const ResultFlag = z.enum(['normal', 'high', 'low', 'critical-high', 'critical-low', 'abnormal']);
export type ResultFlag = z.infer<typeof ResultFlag>;

export const ResultValue = z.object({
  id: z.string(),
  name: z.string(),
  /** "http://loinc.org|4548-4": the key of this test's trend. */
  code: z.string().nullable(),
  /** Numbers stay numbers (for charts); anything else is text. */
  value: z.union([z.number(), z.string()]).nullable(),
  unit: z.string().nullable(),
  range: z.object({ low: z.number().nullable(), high: z.number().nullable(), text: z.string().nullable() }).nullable(),
  flag: ResultFlag.nullable(),
  /** FHIR Observation.status: registered, preliminary, final, amended, corrected, cancelled, entered-in-error. */
  status: z.string(),
  effective: z.string().nullable(),
  /** For a corrected or amended value: what it was before and the lab's note. */
  correction: z.object({ previousValue: z.union([z.number(), z.string()]).nullable(), note: z.string().nullable() }).nullable(),
  /** A plain-language explanation of the test in the language asked for (Accept-Language), when we have one. */
  explanation: z
    .object({
      name: z.string(),
      measures: z.string(),
      high: z.string().nullable(),
      low: z.string().nullable(),
      askCareTeam: z.string(),
      source: z.object({ name: z.string(), url: z.string() }),
    })
    .nullable(),
});
export type ResultValue = z.infer<typeof ResultValue>;

export const ResultReport = z.object({
  /** DiagnosticReport id, or the Observation id of a result that stands alone. */
  id: z.string(),
  kind: z.enum(['report', 'single']),
  name: z.string(),
  status: z.string(),
  effective: z.string().nullable(),
  issued: z.string().nullable(),
  performer: z.string().nullable(),
  /** The release category (from DiagnosticReport.category or Observation.category). */
  category: ResultCategory,
  values: z.array(ResultValue),
  /** True when any value is outside its range. */
  hasAbnormal: z.boolean(),
});
export type ResultReport = z.infer<typeof ResultReport>;

/**
 * GET /api/records/results?patient=&from=YYYY-MM-DD&to=YYYY-MM-DD&q=text → newest first.
 * Results the patient chose to hold until a clinician reviews them are left out and counted.
 */
export const ResultList = z.object({
  reports: z.array(ResultReport),
  /** How many results are held, waiting for the care team to review them. */
  waitingForReview: z.number().int(),
});
export type ResultList = z.infer<typeof ResultList>;

/** GET /api/records/results/trend?code=system|code[&patient=] → oldest first, numeric values only. */
export const TrendPoint = z.object({
  observationId: z.string(),
  date: z.string(),
  value: z.number(),
  unit: z.string().nullable(),
  low: z.number().nullable(),
  high: z.number().nullable(),
  flag: ResultFlag.nullable(),
  /** Patient-entered readings are marked, to be shown beside clinic readings. */
  patientReported: z.boolean(),
});
export const Trend = z.object({ code: z.string(), name: z.string(), unit: z.string().nullable(), points: z.array(TrendPoint) });
export type Trend = z.infer<typeof Trend>;

const holdFlag = (name: string) => z.boolean({ error: `Say whether to hold ${name} results: true or false.` });

/** GET and PUT /api/records/results/release-preferences: per category, hold until a clinician has reviewed. */
export const ReleasePreferences = z
  .object({
    hold: z
      .object({ laboratory: holdFlag('laboratory'), imaging: holdFlag('imaging'), pathology: holdFlag('pathology'), other: holdFlag('other') })
      .strict(),
  })
  .strict();
export type ReleasePreferences = z.infer<typeof ReleasePreferences>;

/** POST /api/records/results/read: the patient opened this result, so its notification is read. */
export const ResultItemRef = z
  .object({ item: z.string().regex(/^(DiagnosticReport|Observation)\/[A-Za-z0-9\-.]{1,64}$/, 'Name the result as DiagnosticReport/<id> or Observation/<id>.') })
  .strict();
export type ResultItemRef = z.infer<typeof ResultItemRef>;

/** GET /api/staff/patients/:id/results/held → results held for review, oldest first. */
export const HeldResult = z.object({
  entityType: z.enum(['DiagnosticReport', 'Observation']),
  id: z.string(),
  name: z.string(),
  category: ResultCategory,
  effective: z.string().nullable(),
});
export type HeldResult = z.infer<typeof HeldResult>;
export const HeldResults = z.object({ results: z.array(HeldResult) });
export type HeldResults = z.infer<typeof HeldResults>;

/** GET /api/staff/patients/:id/results/recent: the newest reports, held or not, for the care team (beside a message thread). */
export const RecentResults = z.object({ reports: z.array(ResultReport) });
export type RecentResults = z.infer<typeof RecentResults>;
