import { z } from 'zod';

/*
 * Visits and clinical documents (agreed contract, briefs/contract-documents.md): the Documents page
 * and the Visits page both read DocumentList items and fetch attachments from
 * GET /api/records/documents/:id/content?index=<n> (text/plain; text/html sanitized; PDF bytes).
 */

export const DocumentAttachment = z.object({
  index: z.number().int(),
  contentType: z.string(),
  title: z.string().nullable(),
  size: z.number().nullable(),
});
export const DocumentItem = z.object({
  /** DocumentReference id (or the id of a Composition note; the content route finds either). */
  id: z.string(),
  title: z.string(),
  type: z.string().nullable(),
  date: z.string().nullable(),
  author: z.string().nullable(),
  encounterId: z.string().nullable(),
  /** Labelled restricted by a clinician: never sent to proxies (see PatientAccess). */
  confidential: z.boolean(),
  attachments: z.array(DocumentAttachment),
});
/** Newest first. */
export const DocumentList = z.object({ documents: z.array(DocumentItem) });

export const DocumentsQuery = z.object({
  patient: z.string().regex(/^[A-Za-z0-9\-.]{1,64}$/, 'Not a valid patient id.').optional(),
  encounter: z.string().regex(/^[A-Za-z0-9\-.]{1,64}$/, 'Not a valid visit id.').optional(),
});
export const DocumentContentQuery = z.object({
  /** Which attachment (DocumentItem.attachments[].index); the first when left out. */
  index: z.coerce.number({ message: 'Give the attachment number, for example index=0.' }).int('Give a whole number, for example index=0.').min(0).max(99).default(0),
  patient: z.string().regex(/^[A-Za-z0-9\-.]{1,64}$/, 'Not a valid patient id.').optional(),
  download: z.enum(['0', '1'], { message: 'Use download=1 to save the file.' }).optional(),
});

export const VisitItem = z.object({
  id: z.string(),
  /** What kind of visit, as recorded (e.g. "Yearly checkup"). */
  type: z.string().nullable(),
  status: z.string(),
  start: z.string().nullable(),
  end: z.string().nullable(),
  clinicians: z.array(z.string()),
  location: z.string().nullable(),
  reasons: z.array(z.string()),
  /** Encounter.diagnosis plus Conditions recorded at this visit; conditionId for a correction request. */
  diagnoses: z.array(z.object({ name: z.string(), conditionId: z.string().nullable() })),
  notes: z.array(DocumentItem),
});
/** Past visits, newest first. */
export const VisitList = z.object({ visits: z.array(VisitItem) });

export type DocumentAttachment = z.infer<typeof DocumentAttachment>;
export type DocumentItem = z.infer<typeof DocumentItem>;
export type DocumentList = z.infer<typeof DocumentList>;
export type VisitItem = z.infer<typeof VisitItem>;
export type VisitList = z.infer<typeof VisitList>;
