import type { DocumentReference } from '@medplum/fhirtypes';
import { PRACTITIONERS, practitionerDisplay, type PractitionerKey } from './clinic.ts';
import { base64, concept, escapeHtml, PROFILES, ref, SYSTEMS } from './fhir-helpers.ts';
import type { SeedPatient } from './patients.ts';
import type { SeedContext } from './seed-context.ts';

/** A visit note in SOAP form; each list item becomes a line (plain) or <li> (HTML). */
export type SoapNote = {
  title: string;
  subjective: string;
  objective: string[];
  assessment: string[];
  plan: string[];
};

/** Renders the note as plain text with SOAP headings. */
export function renderPlain(note: SoapNote, author: string, when: string): string {
  const list = (items: string[]): string => items.map((i) => `- ${i}`).join('\n');
  return [
    note.title, `${author} - ${when.slice(0, 10)}`, '',
    'SUBJECTIVE', note.subjective, '',
    'OBJECTIVE', list(note.objective), '',
    'ASSESSMENT', list(note.assessment), '',
    'PLAN', list(note.plan), '',
  ].join('\n');
}

/** Renders the note as a small, script-free HTML fragment (headings, paragraphs, lists). */
export function renderHtml(note: SoapNote, author: string, when: string): string {
  const list = (items: string[]): string => `<ul>${items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`;
  return [
    `<h1>${escapeHtml(note.title)}</h1>`,
    `<p><em>${escapeHtml(author)} - ${when.slice(0, 10)}</em></p>`,
    '<h2>Subjective</h2>', `<p>${escapeHtml(note.subjective)}</p>`,
    '<h2>Objective</h2>', list(note.objective),
    '<h2>Assessment</h2>', list(note.assessment),
    '<h2>Plan</h2>', list(note.plan),
  ].join('\n');
}

export type NoteSpec = {
  note: SoapNote;
  encounterId: string;
  author: PractitionerKey;
  start: string;
  end: string;
  kind: 'progress' | 'history-and-physical';
  format: 'text/plain' | 'text/html';
};

/**
 * Adds a US Core clinical-note DocumentReference carrying the note inline (base64).
 */
export function addVisitNote(ctx: SeedContext, patient: SeedPatient, spec: NoteSpec): DocumentReference {
  const author = practitionerDisplay(spec.author);
  const body = spec.format === 'text/html' ? renderHtml(spec.note, author, spec.start) : renderPlain(spec.note, author, spec.start);
  const type = spec.kind === 'progress'
    ? concept([SYSTEMS.loinc, '11506-3', 'Progress note'], 'Visit note')
    : concept([SYSTEMS.loinc, '34117-2', 'History and physical note'], 'History and physical');
  return ctx.add<DocumentReference>({
    resourceType: 'DocumentReference', id: ctx.nextId(patient.key, 'note'), meta: { profile: [PROFILES.documentReference] },
    status: 'current', docStatus: 'final', type,
    category: [concept([SYSTEMS.usCoreDocCategory, 'clinical-note', 'Clinical Note'])],
    subject: ref('Patient', patient.id, patient.display),
    date: spec.end,
    author: [ref('Practitioner', PRACTITIONERS[spec.author].id, author)],
    description: spec.note.title,
    content: [{
      attachment: {
        contentType: spec.format, language: 'en-US', data: base64(body),
        title: spec.note.title, creation: spec.end,
      },
      format: { system: 'http://ihe.net/fhir/ihe.formatcode.fhir/CodeSystem/formatcode', code: 'urn:ihe:iti:xds:2017:mimeTypeSufficient', display: 'mimeType Sufficient' },
    }],
    context: { encounter: [ref('Encounter', spec.encounterId)], period: { start: spec.start, end: spec.end } },
  });
}
