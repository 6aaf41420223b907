import type { Questionnaire, QuestionnaireItem, QuestionnaireResponse, QuestionnaireResponseItem, QuestionnaireResponseItemAnswer } from '@medplum/fhirtypes';
import type { ItemAnswer } from '@ourchart/contracts';
import type { Scored } from './scoring.ts';

/**
 * How answers become a FHIR R4 QuestionnaireResponse: items nested as the Questionnaire's groups
 * (only groups with an answer inside appear), `questionnaire` the canonical url|version, subject
 * and source the Patient, author the Patient or, for a proxy, a RelatedPerson display. A score is
 * written as the answer to the Questionnaire's read-only total item (LOINC 44261-6 / 70274-6), so
 * any FHIR reader finds it where the LOINC form puts it. Appointment context goes in an extension.
 */
export const CONTEXT_EXTENSION = 'https://ourchart.example/fhir/StructureDefinition/questionnaire-response-appointment';

type Build = {
  id: string;
  questionnaire: Questionnaire;
  answers: readonly ItemAnswer[];
  status: 'in-progress' | 'completed';
  patientId: string;
  author: QuestionnaireResponse['author'];
  authored: string;
  appointmentId: string | null;
  scored: Scored | null;
};

function toItems(items: QuestionnaireItem[] | undefined, byLinkId: Map<string, ItemAnswer['answer']>): QuestionnaireResponseItem[] {
  const out: QuestionnaireResponseItem[] = [];
  for (const item of items ?? []) {
    if (item.type === 'group') {
      const inner = toItems(item.item, byLinkId);
      if (inner.length > 0) out.push({ linkId: item.linkId, text: item.text, item: inner });
      continue;
    }
    const answer = byLinkId.get(item.linkId);
    if (answer && answer.length > 0) out.push({ linkId: item.linkId, text: item.text, answer: answer.map((a) => ({ ...a }) as QuestionnaireResponseItemAnswer) });
  }
  return out;
}

export function buildResponse(b: Build): QuestionnaireResponse {
  const byLinkId = new Map(b.answers.map((a) => [a.linkId, a.answer]));
  if (b.scored) byLinkId.set(b.scored.totalLinkId, [{ valueInteger: b.scored.score.total }]);
  const q = b.questionnaire;
  return {
    resourceType: 'QuestionnaireResponse',
    id: b.id,
    ...(b.appointmentId ? { extension: [{ url: CONTEXT_EXTENSION, valueReference: { reference: `Appointment/${b.appointmentId}` } }] } : {}),
    questionnaire: q.version ? `${q.url}|${q.version}` : q.url,
    status: b.status,
    subject: { reference: `Patient/${b.patientId}` },
    authored: b.authored,
    author: b.author,
    source: { reference: `Patient/${b.patientId}` },
    item: toItems(q.item, byLinkId),
  };
}

/** The answers of a stored response, flat again (read-only items such as the total left out). */
export function answersOf(qr: QuestionnaireResponse, q: Questionnaire): ItemAnswer[] {
  const readOnly = new Set<string>();
  const walkQ = (items: QuestionnaireItem[] | undefined) => items?.forEach((i) => { if (i.readOnly) readOnly.add(i.linkId); walkQ(i.item); });
  walkQ(q.item);
  const out: ItemAnswer[] = [];
  const walk = (items: QuestionnaireResponseItem[] | undefined) => {
    for (const item of items ?? []) {
      if (item.answer?.length && !readOnly.has(item.linkId)) {
        out.push({ linkId: item.linkId, answer: item.answer.map((a) => stripAnswer(a)) });
      }
      walk(item.item);
    }
  };
  walk(qr.item);
  return out;
}

function stripAnswer(a: QuestionnaireResponseItemAnswer): ItemAnswer['answer'][number] {
  if (a.valueCoding) return { valueCoding: { ...(a.valueCoding.system ? { system: a.valueCoding.system } : {}), code: a.valueCoding.code ?? '', ...(a.valueCoding.display ? { display: a.valueCoding.display } : {}) } };
  if (a.valueString !== undefined) return { valueString: a.valueString };
  if (a.valueInteger !== undefined) return { valueInteger: a.valueInteger };
  if (a.valueDecimal !== undefined) return { valueDecimal: a.valueDecimal };
  if (a.valueDate !== undefined) return { valueDate: a.valueDate };
  return { valueBoolean: a.valueBoolean ?? false };
}

/** The id of the appointment a response was answered for, if any. */
export function appointmentOf(qr: QuestionnaireResponse): string | null {
  const ref = qr.extension?.find((e) => e.url === CONTEXT_EXTENSION)?.valueReference?.reference;
  return ref?.startsWith('Appointment/') ? ref.slice('Appointment/'.length) : null;
}
