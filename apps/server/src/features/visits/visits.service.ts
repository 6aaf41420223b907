import type { Composition, Condition, DocumentReference, Encounter, Reference } from '@medplum/fhirtypes';
import type { DocumentItem, VisitItem, VisitList } from '@ourchart/contracts';
import type { PatientAccess } from '../../platform/access/patient-access.ts';
import { splitReference } from '../../platform/fhir-store/indexer.ts';
import { conceptText, referenceText } from '../../platform/fhir-store/display.ts';
import { isMistaken } from '../records/record-items.ts';
import { newestFirst, toDocumentItems } from './documents.service.ts';

const MAX = '1000';
/** Visits that did not happen (or not yet) are not "past visits". */
const NOT_VISITS = new Set(['planned', 'cancelled', 'entered-in-error']);

function idOf(ref: Reference | undefined, type: string): string | null {
  const split = ref?.reference ? splitReference(ref.reference) : undefined;
  return split && (split.targetType === type || split.targetType === null) ? split.targetId : null;
}

function unique(values: (string | null | undefined)[]): string[] {
  return [...new Set(values.filter((v): v is string => !!v))];
}

/**
 * Past visits of the patient in context, newest first: type, date, clinicians, place, reasons,
 * diagnoses (Encounter.diagnosis plus Conditions recorded at the visit) and the notes written
 * for it (DocumentReference.context.encounter, Composition.encounter). Four audited searches
 * through PatientAccess; confidential notes are withheld from proxies there, not here.
 */
export async function listVisits({ access }: { access: PatientAccess }, now: Date = new Date()): Promise<VisitList> {
  const [encounters, documents, compositions, conditions] = await Promise.all([
    access.search<Encounter>('Encounter', [['_count', MAX], ['_sort', '-date']]),
    access.search<DocumentReference>('DocumentReference', [['_count', MAX]]),
    access.search<Composition>('Composition', [['_count', MAX]]),
    access.search<Condition>('Condition', [['_count', MAX]]),
  ]);
  const shownConditions = conditions.resources.filter((c) => !isMistaken.condition(c));
  const conditionById = new Map(shownConditions.map((c) => [c.id!, c]));
  const notesByVisit = new Map<string, DocumentItem[]>();
  for (const item of toDocumentItems(documents.resources, compositions.resources)) {
    if (item.encounterId) notesByVisit.set(item.encounterId, [...(notesByVisit.get(item.encounterId) ?? []), item]);
  }
  const diagnosedAt = new Map<string, Condition[]>();
  for (const c of shownConditions) {
    const visitId = idOf(c.encounter, 'Encounter');
    if (visitId) diagnosedAt.set(visitId, [...(diagnosedAt.get(visitId) ?? []), c]);
  }
  const nowIso = now.toISOString();
  const visits = encounters.resources
    .filter((e) => !NOT_VISITS.has(e.status) && (e.period?.start ?? '') <= nowIso)
    .map((e): VisitItem => {
      const listed = (e.diagnosis ?? []).map((d) => {
        const conditionId = idOf(d.condition, 'Condition');
        const condition = conditionId ? conditionById.get(conditionId) : undefined;
        // A diagnosis pointing at a mistaken (or unknown) condition is left out, unless it names itself.
        const name = condition ? conceptText(condition.code) : referenceText(d.condition);
        return name ? { name, conditionId: condition ? conditionId : null } : null;
      });
      const recordedHere = (diagnosedAt.get(e.id!) ?? []).map((c) => ({ name: conceptText(c.code) ?? 'Unnamed condition', conditionId: c.id! }));
      const diagnoses = [...listed, ...recordedHere].filter((d): d is { name: string; conditionId: string | null } => d !== null);
      return {
        id: e.id!,
        type: conceptText(e.type?.[0]) ?? conceptText(e.serviceType) ?? e.class?.display ?? null,
        status: e.status,
        start: e.period?.start ?? null,
        end: e.period?.end ?? null,
        clinicians: unique((e.participant ?? []).map((p) => referenceText(p.individual))),
        location: e.location?.[0]?.location.display ?? null,
        reasons: unique([
          ...(e.reasonCode ?? []).map(conceptText),
          ...(e.reasonReference ?? []).map((r) => referenceText(r) ?? conceptText(conditionById.get(idOf(r, 'Condition') ?? '')?.code)),
        ]),
        diagnoses: diagnoses.filter((d, i) => diagnoses.findIndex((x) => (x.conditionId ?? x.name) === (d.conditionId ?? d.name)) === i),
        notes: newestFirst(notesByVisit.get(e.id!) ?? []),
      };
    });
  return { visits: visits.sort((a, b) => (b.start ?? '').localeCompare(a.start ?? '')) };
}
