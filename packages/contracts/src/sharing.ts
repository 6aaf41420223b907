import { z } from 'zod';
import { dateRangeShape, rangeInOrder, ExportFormat, RecordSection, RecordSummarySection } from './exports.ts';

/** Share links last from 1 hour to 30 days; 7 days unless the patient picks otherwise. */
export const SHARE_MIN_HOURS = 1;
export const SHARE_MAX_HOURS = 30 * 24;
export const SHARE_DEFAULT_HOURS = 7 * 24;

const hours = z
  .number({ error: 'Choose how long the link works.' })
  .int('Choose how long the link works in whole hours.')
  .min(SHARE_MIN_HOURS, 'A link must work for at least 1 hour.')
  .max(SHARE_MAX_HOURS, 'A link can work for 30 days at most.');

const sections = z.array(RecordSection).min(1, 'Choose at least one part of your record to share.').optional();

/** POST /api/shares[?patient=id]: make a share link. */
export const CreateShareRequest = z.object({
  ...dateRangeShape,
  sections,
  expiresInHours: hours.default(SHARE_DEFAULT_HOURS),
  /** Who the link is for, in the patient's words ("Dr. Lee"), shown in the activity list. */
  label: z.string().trim().max(80, 'Keep the name under 80 characters.').optional(),
  /** Ask for a 6-digit access code as well as the link. */
  withCode: z.boolean().default(false),
}).refine(...rangeInOrder);
export type CreateShareRequest = z.infer<typeof CreateShareRequest>;

export const ShareStatus = z.enum(['active', 'expired', 'revoked', 'locked']);
export type ShareStatus = z.infer<typeof ShareStatus>;

export const ShareSummary = z.object({
  id: z.string(),
  kind: z.enum(['link', 'email']),
  label: z.string().nullable(),
  /** For emailed records: where it went. */
  recipientEmail: z.string().nullable(),
  sections: z.array(RecordSection),
  from: z.string(),
  to: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  revokedAt: z.string().nullable(),
  status: ShareStatus,
  hasCode: z.boolean(),
  views: z.number().int(),
  lastViewedAt: z.string().nullable(),
});
export type ShareSummary = z.infer<typeof ShareSummary>;

/** The answer to POST /api/shares: the only time the link and the code are shown. */
export const CreatedShare = z.object({ share: ShareSummary, url: z.string(), code: z.string().nullable() });
export type CreatedShare = z.infer<typeof CreatedShare>;

export const ShareList = z.object({ shares: z.array(ShareSummary) });
export type ShareList = z.infer<typeof ShareList>;

/** POST /api/records/transmit[?patient=id]: email a secure, expiring link to the record. */
export const TransmitRequest = z.object({
  email: z.email('Enter an email address, like name@example.com.').max(254, 'That email address is too long.'),
  format: ExportFormat.default('pdf'),
  message: z.string().trim().max(500, 'Keep the note under 500 characters.').optional(),
  expiresInHours: hours.default(SHARE_DEFAULT_HOURS),
  ...dateRangeShape,
}).refine(...rangeInOrder);
export type TransmitRequest = z.infer<typeof TransmitRequest>;

export const TransmitResult = z.object({ share: ShareSummary });
export type TransmitResult = z.infer<typeof TransmitResult>;

/** The link's secret travels only in the URL fragment and request bodies, never in a query string. */
export const ShareToken = z.string({ error: 'This link is not complete. Open the whole link you were sent.' })
  .regex(/^[A-Za-z0-9_-]{43}$/, 'This link is not complete. Open the whole link you were sent.');

export const SharedViewRequest = z.object({
  token: ShareToken,
  code: z.string().regex(/^\d{6}$/, 'Enter the 6-digit access code.').optional(),
});
export type SharedViewRequest = z.infer<typeof SharedViewRequest>;

export const SharedDownloadRequest = SharedViewRequest.extend({ format: ExportFormat });
export type SharedDownloadRequest = z.infer<typeof SharedDownloadRequest>;

/** POST /api/shared/view: the read-only record a share link opens. */
export const SharedRecord = z.object({
  patientName: z.string(),
  birthDate: z.string().nullable(),
  /** The account holder who made the link (the patient, or a parent or caregiver). */
  sharedBy: z.string(),
  from: z.string(),
  to: z.string(),
  generatedAt: z.string(),
  expiresAt: z.string(),
  /** The note written when the record was sent by email, if any. */
  message: z.string().nullable(),
  sections: z.array(RecordSummarySection),
});
export type SharedRecord = z.infer<typeof SharedRecord>;
