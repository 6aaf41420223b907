import { z } from 'zod';

/**
 * Download your record (ONC 170.315(e)(1)): a date range the patient picks and one of three
 * formats. pdf: to read or print; ccda: a C-CDA R2.1 CCD for another doctor's system;
 * fhir: a FHIR R4 JSON Bundle for apps.
 */
export const ExportFormat = z.enum(['pdf', 'ccda', 'fhir'], { error: 'Choose PDF, health record file (C-CDA) or FHIR data file.' });
export type ExportFormat = z.infer<typeof ExportFormat>;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar day "YYYY-MM-DD" that exists (2024-02-30 does not). */
export function isRealDay(value: string): boolean {
  if (!DAY.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

const day = (what: string) =>
  z
    .string({ error: `Enter the ${what} date.` })
    .refine(isRealDay, `Enter the ${what} date as a real date, like 2024-01-31.`);

/** The first and last calendar day to include (both inclusive); add `rangeInOrder` to the object. */
export const dateRangeShape = { from: day('start'), to: day('end') };
export const rangeInOrder: [(r: { from: string; to: string }) => boolean, { message: string; path: string[] }] = [
  (r) => r.from <= r.to,
  { message: 'The start date must be on or before the end date.', path: ['to'] },
];

export const DateRange = z.object(dateRangeShape).refine(...rangeInOrder);
export type DateRange = z.infer<typeof DateRange>;

/** GET /api/records/export?format=&from=&to=[&patient=] */
export const ExportQuery = z
  .object({ ...dateRangeShape, format: ExportFormat, patient: z.string().regex(/^[A-Za-z0-9\-.]{1,64}$/, 'Not a valid patient id.').optional() })
  .refine(...rangeInOrder);
export type ExportQuery = z.infer<typeof ExportQuery>;

/** Which parts of the record go into a download, a transmit or a share link. */
export const RecordSection = z.enum([
  'problems', 'medications', 'allergies', 'immunizations', 'results', 'vitals', 'visits', 'procedures', 'documents', 'plans',
]);
export type RecordSection = z.infer<typeof RecordSection>;
export const ALL_RECORD_SECTIONS = RecordSection.options;

/** One line of a readable record: a name, a date, a status and one detail, all already in words. */
export const RecordItem = z.object({
  name: z.string(),
  /** ISO date or date-time of the item's clinical date, when it has one. */
  date: z.string().nullable(),
  /** FHIR status code (active, resolved, final, completed, ...); the page words it. */
  status: z.string().nullable(),
  /** A value with its unit, dose instructions, reactions, or who and where. */
  detail: z.string().nullable(),
});
export type RecordItem = z.infer<typeof RecordItem>;

export const RecordSummarySection = z.object({ key: RecordSection, items: z.array(RecordItem) });
export type RecordSummarySection = z.infer<typeof RecordSummarySection>;
