import type { DateRange, ExportFormat, RecordSection } from '@ourchart/contracts';
import type { AppContext } from '../../context.ts';
import type { PatientAccess } from '../../platform/access/patient-access.ts';
import { patientDisplayName } from '../../platform/fhir-store/display.ts';
import { toCcdaXml } from './ccda.ts';
import { toFhirBundle } from './fhir-bundle.ts';
import { renderRecordPdf } from './pdf.ts';
import type { PdfLocale } from './pdf-words.ts';
import { gatherRecord } from './record-data.ts';
import { summarize } from './record-summary.ts';

export type ExportFile = { body: Buffer | string; contentType: string; filename: string };

const TYPES: Record<ExportFormat, { contentType: string; ext: string }> = {
  pdf: { contentType: 'application/pdf', ext: 'pdf' },
  ccda: { contentType: 'application/xml; charset=utf-8', ext: 'xml' },
  fhir: { contentType: 'application/fhir+json; charset=utf-8', ext: 'json' },
};

/** The file name says which dates and nothing about whose record it is. */
export function exportFilename(range: DateRange, format: ExportFormat): string {
  return `health-record-${range.from}-to-${range.to}.${TYPES[format].ext}`;
}

/**
 * Builds one download of the patient's record for a date range, in one format, reading through
 * PatientAccess (so the reads are audited). Does not audit the download itself: the caller names
 * who downloaded (the account holder or a share link).
 */
export async function buildExport(
  { access, publicUrl }: { access: PatientAccess; publicUrl: string },
  options: { range: DateRange; format: ExportFormat; locale: PdfLocale; sections?: readonly RecordSection[] },
): Promise<ExportFile> {
  const data = await gatherRecord({ access }, options.range, options.sections);
  const generatedAt = new Date();
  const { contentType } = TYPES[options.format];
  const filename = exportFilename(options.range, options.format);
  if (options.format === 'fhir') return { body: JSON.stringify(toFhirBundle(data, publicUrl, generatedAt), null, 2), contentType, filename };
  if (options.format === 'ccda') return { body: toCcdaXml(data, generatedAt), contentType, filename };
  const body = await renderRecordPdf({
    patientName: patientDisplayName(data.patient), birthDate: data.patient.birthDate ?? null, range: options.range,
    generatedAt, sections: summarize(data), locale: options.locale,
  });
  return { body, contentType, filename };
}

/** The audit query of a download, transmit or share: what the activity page shows beside it. */
export function exportAuditQuery(fields: { format?: string; range: DateRange; recipient?: string | null; label?: string | null }): string {
  const q = new URLSearchParams();
  if (fields.format) q.set('format', fields.format);
  q.set('from', fields.range.from);
  q.set('to', fields.range.to);
  if (fields.recipient) q.set('recipient', fields.recipient);
  if (fields.label) q.set('label', fields.label);
  return q.toString();
}

/**
 * The signed-in account holder downloads the record of the patient in context (ONC
 * 170.315(e)(1) download). Audited as 'download' with the format and dates, after the reads.
 */
export async function downloadRecord(
  { ctx, access }: { ctx: AppContext; access: PatientAccess },
  options: { range: DateRange; format: ExportFormat; locale: PdfLocale },
): Promise<ExportFile> {
  const file = await buildExport({ access, publicUrl: ctx.config.publicUrl }, options);
  await ctx.audit.record({
    actorId: access.actor.userId, actorRole: access.actor.role, patientId: access.patientId, action: 'download', entityType: 'record',
    query: exportAuditQuery({ format: options.format, range: options.range }), outcome: 'success',
    ip: access.actor.ip ?? null, requestId: access.actor.requestId ?? null,
  });
  return file;
}
