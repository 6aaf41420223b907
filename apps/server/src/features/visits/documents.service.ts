import type { Attachment, Composition, DocumentReference } from '@medplum/fhirtypes';
import type { DocumentItem, DocumentList } from '@ourchart/contracts';
import { isConfidential, type PatientAccess } from '../../platform/access/patient-access.ts';
import { splitReference } from '../../platform/fhir-store/indexer.ts';
import { conceptText, referenceText } from '../../platform/fhir-store/display.ts';
import { AppError, isAppError } from '../../platform/http/errors.ts';
import { compositionContent, compositionItem } from './composition-notes.ts';
import { sanitizeNoteHtml } from './note-html.ts';

const MAX_DOCUMENTS = '1000';

function baseType(contentType: string | undefined): string {
  return (contentType ?? 'application/octet-stream').split(';')[0]!.trim().toLowerCase();
}

function encounterIdOf(d: DocumentReference): string | null {
  const ref = d.context?.encounter?.[0]?.reference;
  return ref ? (splitReference(ref)?.targetId ?? null) : null;
}

/** Only attachments held in the record itself can be served; links to other systems are left out. */
function servable(d: DocumentReference): { attachment: Attachment; index: number }[] {
  return (d.content ?? []).map((c, index) => ({ attachment: c.attachment, index })).filter((a) => !!a.attachment?.data);
}

export function toDocumentItem(d: DocumentReference): DocumentItem {
  const attachments = servable(d);
  return {
    id: d.id!,
    title: d.description ?? attachments[0]?.attachment.title ?? conceptText(d.type) ?? 'Document',
    type: conceptText(d.type),
    date: d.date ?? d.context?.period?.start ?? attachments[0]?.attachment.creation ?? null,
    author: referenceText(d.author?.[0]),
    encounterId: encounterIdOf(d),
    confidential: isConfidential(d),
    attachments: attachments.map(({ attachment, index }) => ({
      index,
      contentType: baseType(attachment.contentType),
      title: attachment.title ?? null,
      size: attachment.size ?? Buffer.byteLength(attachment.data!, 'base64'),
    })),
  };
}

/** Newest first; undated documents last. */
export function newestFirst(items: DocumentItem[]): DocumentItem[] {
  return [...items].sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
}

/**
 * Clinical documents of the patient in context (DocumentReference, and Composition notes in the
 * same shape), newest first, optionally only those of one visit. Mistaken entries are left out;
 * PatientAccess withholds confidential ones from proxies and audits the searches.
 */
export async function listDocuments({ access }: { access: PatientAccess }, filter: { encounterId?: string | undefined } = {}): Promise<DocumentList> {
  const query: [string, string][] = [['_count', MAX_DOCUMENTS]];
  if (filter.encounterId) query.push(['encounter', `Encounter/${filter.encounterId}`]);
  const [references, compositions] = await Promise.all([
    access.search<DocumentReference>('DocumentReference', query),
    access.search<Composition>('Composition', query),
  ]);
  return { documents: newestFirst(toDocumentItems(references.resources, compositions.resources)) };
}

/** Both kinds of note as DocumentList items, mistaken ones left out. */
export function toDocumentItems(references: DocumentReference[], compositions: Composition[]): DocumentItem[] {
  return [
    ...references.filter((d) => d.status !== 'entered-in-error').map(toDocumentItem),
    ...compositions.filter((c) => c.status !== 'entered-in-error').map(compositionItem),
  ];
}

/** A note id names a DocumentReference or, failing that, a Composition (both reads audited). */
async function readNote(access: PatientAccess, id: string): Promise<DocumentReference | Composition> {
  try {
    return await access.read<DocumentReference>('DocumentReference', id);
  } catch (err) {
    if (isAppError(err) && err.code === 'NOT_FOUND') return access.read<Composition>('Composition', id);
    throw err;
  }
}

export type DocumentContent = { contentType: string; body: string | Buffer; filename: string; inline: boolean };

/**
 * One attachment of a document, ready to send: plain text as UTF-8, HTML sanitized, PDF as bytes
 * (inline unless `download`), anything else as a download. Another patient's id, a confidential
 * note asked for by a proxy, or a missing attachment answer NOT_FOUND.
 */
export async function getDocumentContent({ access }: { access: PatientAccess }, id: string, options: { index: number; download: boolean }): Promise<DocumentContent> {
  const doc = await readNote(access, id);
  if (doc.resourceType === 'Composition') {
    const html = doc.status === 'entered-in-error' || options.index !== 0 ? '' : compositionContent(doc);
    if (!html) throw new AppError('NOT_FOUND', 'This document has no such attachment.');
    return { contentType: 'text/html; charset=utf-8', body: html, filename: 'note.html', inline: !options.download };
  }
  const found = doc.status === 'entered-in-error' ? undefined : servable(doc).find((a) => a.index === options.index);
  if (!found) throw new AppError('NOT_FOUND', 'This document has no such attachment.');
  const type = baseType(found.attachment.contentType);
  const bytes = Buffer.from(found.attachment.data!, 'base64');
  const name = (found.attachment.title ?? doc.description ?? 'document').replace(/[^\w .-]+/g, '').trim().slice(0, 80) || 'document';
  if (type === 'text/plain') return { contentType: 'text/plain; charset=utf-8', body: bytes.toString('utf8'), filename: `${name}.txt`, inline: !options.download };
  if (type === 'text/html') return { contentType: 'text/html; charset=utf-8', body: sanitizeNoteHtml(bytes.toString('utf8')), filename: `${name}.html`, inline: !options.download };
  if (type === 'application/pdf') return { contentType: 'application/pdf', body: bytes, filename: `${name}.pdf`, inline: !options.download };
  // Other formats (images, C-CDA XML, ...) are never rendered by the browser on our origin.
  return { contentType: 'application/octet-stream', body: bytes, filename: name, inline: false };
}
