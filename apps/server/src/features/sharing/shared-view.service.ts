import type { ExportFormat, RecordSection, SharedRecord } from '@ourchart/contracts';
import type { AppContext } from '../../context.ts';
import { PatientAccess } from '../../platform/access/patient-access.ts';
import { patientDisplayName } from '../../platform/fhir-store/display.ts';
import { AppError } from '../../platform/http/errors.ts';
import { buildExport, exportAuditQuery, type ExportFile } from '../exports/export.service.ts';
import type { PdfLocale } from '../exports/pdf-words.ts';
import { gatherRecord } from '../exports/record-data.ts';
import { summarize } from '../exports/record-summary.ts';
import { ShareProblem } from './share-problems.ts';
import { recordView, recordWrongCode, shareByTokenHash, type ShareRow } from './share-queries.ts';
import { accessCodeMatches, hashShareToken } from './share-tokens.ts';

/** Wrong access codes allowed before the link locks for good. */
export const MAX_CODE_ATTEMPTS = 5;

export type Visitor = { ip: string; requestId: string };
type Opened = { share: ShareRow; access: PatientAccess };

/** The role share-link visitors are audited under; the actor id is the share's id. */
export const SHARE_ROLE = 'share-recipient';

async function auditVisit(ctx: AppContext, share: ShareRow, visitor: Visitor, action: string, outcome: 'success' | 'denied', query: string | null = null) {
  await ctx.audit.record({
    actorId: share.id, actorRole: SHARE_ROLE, patientId: share.patient_id, action, entityType: 'record', entityId: share.id,
    query, outcome, ip: visitor.ip, requestId: visitor.requestId,
  });
}

/**
 * Opens a share link: finds it by the token's digest, refuses expired, revoked and locked links
 * (410) and checks the access code, counting wrong ones until the link locks. Every refusal is
 * audited against the patient. The PatientAccess it returns reads as the share (actor = share id),
 * so each read shows in the patient's activity under the recipient's name.
 */
async function openShare(ctx: AppContext, token: string, code: string | undefined, visitor: Visitor, action: string): Promise<Opened> {
  const share = await shareByTokenHash(ctx.db, hashShareToken(token));
  if (!share) throw new AppError('NOT_FOUND', 'We could not find this link. Check that you opened the whole link you were sent.');
  const refuse = async (problem: ShareProblem) => {
    await auditVisit(ctx, share, visitor, action, 'denied', `reason=${problem.code.toLowerCase()}`);
    return problem;
  };
  if (share.status === 'revoked') throw await refuse(new ShareProblem('SHARE_REVOKED'));
  if (share.status === 'locked') throw await refuse(new ShareProblem('SHARE_LOCKED'));
  if (share.status === 'expired') throw await refuse(new ShareProblem('SHARE_EXPIRED'));
  if (share.code_hash) {
    if (!code) throw new ShareProblem('SHARE_CODE_REQUIRED');
    if (!accessCodeMatches(token, code, share.code_hash)) {
      const failed = await recordWrongCode(ctx.db, share.id, MAX_CODE_ATTEMPTS);
      if (failed >= MAX_CODE_ATTEMPTS) throw await refuse(new ShareProblem('SHARE_LOCKED'));
      throw await refuse(new ShareProblem('SHARE_CODE_WRONG', MAX_CODE_ATTEMPTS - failed));
    }
  }
  const actor = { userId: share.id, role: SHARE_ROLE, ip: visitor.ip, requestId: visitor.requestId };
  // A share recipient is an outside person: the least-trusted relationship the access layer knows.
  return { share, access: new PatientAccess({ store: ctx.store, audit: ctx.audit, actor, patientId: share.patient_id, relationship: 'caregiver' }) };
}

const range = (s: ShareRow) => ({ from: s.range_from, to: s.range_to });

/** What a share link shows: a read-only summary of the shared sections and dates. Counts the view. */
export async function viewSharedRecord(ctx: AppContext, input: { token: string; code?: string | undefined }, visitor: Visitor): Promise<SharedRecord> {
  const { share, access } = await openShare(ctx, input.token, input.code, visitor, 'share-view');
  const data = await gatherRecord({ access }, range(share), share.sections as RecordSection[]);
  await recordView(ctx.db, share.id);
  await auditVisit(ctx, share, visitor, 'share-view', 'success', exportAuditQuery({ range: range(share), label: share.recipient_label ?? share.recipient_email }));
  return {
    patientName: patientDisplayName(data.patient), birthDate: data.patient.birthDate ?? null, sharedBy: share.created_by_name ?? patientDisplayName(data.patient),
    from: share.range_from, to: share.range_to, generatedAt: new Date().toISOString(), expiresAt: new Date(share.expires_at).toISOString(),
    message: share.message, sections: summarize(data),
  };
}

/** A file of the shared record (same sections and dates), audited as 'share-download' with its format. */
export async function downloadSharedRecord(
  ctx: AppContext, input: { token: string; code?: string | undefined; format: ExportFormat }, visitor: Visitor, locale: PdfLocale,
): Promise<ExportFile> {
  const { share, access } = await openShare(ctx, input.token, input.code, visitor, 'share-download');
  const file = await buildExport({ access, publicUrl: ctx.config.publicUrl }, { range: range(share), format: input.format, locale, sections: share.sections as RecordSection[] });
  await auditVisit(ctx, share, visitor, 'share-download', 'success', exportAuditQuery({ format: input.format, range: range(share), label: share.recipient_label ?? share.recipient_email }));
  return file;
}
