import { randomUUID } from 'node:crypto';
import { ALL_RECORD_SECTIONS, type CreatedShare, type CreateShareRequest, type RecordSection, type ShareSummary, type TransmitRequest } from '@ourchart/contracts';
import type { AppContext } from '../../context.ts';
import type { PatientAccess } from '../../platform/access/patient-access.ts';
import { AppError } from '../../platform/http/errors.ts';
import { enqueueMail } from '../../platform/mail/outbox.ts';
import { exportAuditQuery } from '../exports/export.service.ts';
import { sharedRecordMail } from './share-mail.ts';
import { insertShare, revokeShareRow, shareById, sharesOf, type NewShare, type ShareRow } from './share-queries.ts';
import { hashAccessCode, hashShareToken, newAccessCode, newShareToken } from './share-tokens.ts';

type Who = { ctx: AppContext; access: PatientAccess };

/** The viewer's address: the token rides in the #fragment, which browsers never send to a server or put in a Referer. */
export function shareUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/shared#${token}`;
}

export function toShareSummary(r: ShareRow): ShareSummary {
  return {
    id: r.id, kind: r.kind, label: r.recipient_label, recipientEmail: r.recipient_email, sections: r.sections as RecordSection[],
    from: r.range_from, to: r.range_to, createdAt: new Date(r.created_at).toISOString(), expiresAt: new Date(r.expires_at).toISOString(),
    revokedAt: r.revoked_at ? new Date(r.revoked_at).toISOString() : null, status: r.status, hasCode: r.code_hash !== null,
    views: r.view_count, lastViewedAt: r.last_viewed_at ? new Date(r.last_viewed_at).toISOString() : null,
  };
}

async function audit({ ctx, access }: Who, action: string, shareId: string, query: string) {
  await ctx.audit.record({
    actorId: access.actor.userId, actorRole: access.actor.role, patientId: access.patientId, action, entityType: 'record',
    entityId: shareId, query, outcome: 'success', ip: access.actor.ip ?? null, requestId: access.actor.requestId ?? null,
  });
}

/**
 * Makes a share link to a read-only summary of the patient's record (SMART Health Links style):
 * returns the link and, if asked, a 6-digit access code, both shown this once. Only digests are
 * kept. Audited as 'share-create' with the dates and who it is for.
 */
export async function createShare(who: Who, input: CreateShareRequest): Promise<CreatedShare> {
  const token = newShareToken();
  const code = input.withCode ? newAccessCode() : null;
  const id = randomUUID();
  const row: NewShare = {
    id, patientId: who.access.patientId, createdBy: who.access.actor.userId, tokenHash: hashShareToken(token),
    codeHash: code ? hashAccessCode(token, code) : null, kind: 'link', label: input.label || null, email: null, message: null,
    sections: input.sections ?? [...ALL_RECORD_SECTIONS], from: input.from, to: input.to, expiresInHours: input.expiresInHours,
  };
  await insertShare(who.ctx.db, row);
  await audit(who, 'share-create', id, exportAuditQuery({ range: input, label: row.label }));
  const saved = await shareById(who.ctx.db, who.access.patientId, id);
  return { share: toShareSummary(saved!), url: shareUrl(who.ctx.config.publicUrl, token), code };
}

/** The patient's share links and emailed records, newest first, with their status and views. */
export async function listShares({ ctx, access }: Who): Promise<ShareSummary[]> {
  return (await sharesOf(ctx.db, access.patientId)).map(toShareSummary);
}

/** Turns a share off at once. Another patient's share, or one already revoked, is NOT_FOUND. */
export async function revokeShare(who: Who, id: string): Promise<ShareSummary> {
  if (!(await revokeShareRow(who.ctx.db, who.access.patientId, id))) throw new AppError('NOT_FOUND', 'We could not find an active share with that id.');
  await audit(who, 'share-revoke', id, '');
  return toShareSummary((await shareById(who.ctx.db, who.access.patientId, id))!);
}

/**
 * Sends the record to an email address (ONC 170.315(e)(1) transmit). The email carries no health
 * information, only an expiring link to the shared-record viewer; it is queued in the same
 * transaction as the share, so there is never a link without its share or a share without its email.
 * The address is audited as the recipient; it never goes to the application log.
 */
export async function transmitRecord(who: Who, input: TransmitRequest, locale: 'en' | 'es'): Promise<ShareSummary> {
  const token = newShareToken();
  const id = randomUUID();
  const email = input.email.trim().toLowerCase();
  const row: NewShare = {
    id, patientId: who.access.patientId, createdBy: who.access.actor.userId, tokenHash: hashShareToken(token), codeHash: null,
    kind: 'email', label: null, email, message: input.message || null, sections: [...ALL_RECORD_SECTIONS], from: input.from, to: input.to,
    expiresInHours: input.expiresInHours,
  };
  await who.ctx.db.transaction(async (tx) => {
    const expiresAt = await insertShare(tx, row);
    await enqueueMail(tx, who.ctx.keyring, sharedRecordMail(email, locale, shareUrl(who.ctx.config.publicUrl, token), expiresAt));
  });
  await audit(who, 'transmit', id, exportAuditQuery({ format: input.format, range: input, recipient: email }));
  return toShareSummary((await shareById(who.ctx.db, who.access.patientId, id))!);
}
