import type { Composition, CompositionSection } from '@medplum/fhirtypes';
import type { DocumentItem } from '@ourchart/contracts';
import { isConfidential } from '../../platform/access/patient-access.ts';
import { splitReference } from '../../platform/fhir-store/indexer.ts';
import { conceptText, referenceText } from '../../platform/fhir-store/display.ts';
import { sanitizeNoteHtml } from './note-html.ts';

/*
 * Notes written as FHIR Compositions (the other way a visit note can be stored) appear in the same
 * DocumentList as DocumentReferences: one HTML "attachment", index 0, built from the section
 * titles and narratives and sanitized like any other HTML note.
 */

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function sectionsHtml(sections: CompositionSection[] | undefined, level: number): string {
  return (sections ?? [])
    .map((s) => {
      const title = s.title ?? conceptText(s.code);
      const heading = title ? `<h${Math.min(level, 6)}>${escapeHtml(title)}</h${Math.min(level, 6)}>` : '';
      return `${heading}${s.text?.div ?? ''}${sectionsHtml(s.section, level + 1)}`;
    })
    .join('\n');
}

function compositionHtml(c: Composition): string {
  const body = sectionsHtml(c.section, 2);
  return body.trim() ? body : (c.text?.div ?? '');
}

/** A Composition as a DocumentList item (its narrative is attachment 0, text/html). */
export function compositionItem(c: Composition): DocumentItem {
  const ref = c.encounter?.reference;
  return {
    id: c.id!,
    title: c.title ?? conceptText(c.type) ?? 'Document',
    type: conceptText(c.type),
    date: c.date ?? null,
    author: referenceText(c.author?.[0]),
    encounterId: ref ? (splitReference(ref)?.targetId ?? null) : null,
    confidential: isConfidential(c),
    attachments: compositionHtml(c) ? [{ index: 0, contentType: 'text/html', title: c.title ?? null, size: null }] : [],
  };
}

/** The Composition's narrative as sanitized HTML. */
export function compositionContent(c: Composition): string {
  return sanitizeNoteHtml(compositionHtml(c));
}
