import type {
  AllergyIntolerance, CarePlan, Condition, DiagnosticReport, DocumentReference, Encounter, Goal, Immunization, Medication,
  MedicationRequest, Observation, Patient, Procedure, Resource,
} from '@medplum/fhirtypes';
import { ALL_RECORD_SECTIONS, type DateRange, type RecordSection } from '@ourchart/contracts';
import type { PatientAccess } from '../../platform/access/patient-access.ts';
import type { SearchQuery } from '../../platform/fhir-store/search.ts';
import { SENSITIVE_IDENTIFIER_SYSTEMS } from '../../platform/fhir-store/sensitive.ts';
import { clinicalDate, inRange } from './clinical-dates.ts';

/** The part of one patient's record that falls in a date range, by section. */
export type RecordData = {
  patient: Patient;
  range: DateRange;
  sections: RecordSection[];
  conditions: Condition[];
  medications: MedicationRequest[];
  /** Medications named by reference from the requests (shared resources, read for their names). */
  medicationDefinitions: Medication[];
  allergies: AllergyIntolerance[];
  immunizations: Immunization[];
  reports: DiagnosticReport[];
  labs: Observation[];
  vitals: Observation[];
  encounters: Encounter[];
  procedures: Procedure[];
  documents: DocumentReference[];
  carePlans: CarePlan[];
  goals: Goal[];
};

const PAGE = 1000;

/** Event types are narrowed in SQL first (a day of slack each side for time zones), then exactly by the rule. */
function around(range: DateRange, param = 'date'): SearchQuery {
  const shift = (d: string, days: number) => new Date(Date.parse(`${d}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  return [[param, `ge${shift(range.from, -1)}`], [param, `le${shift(range.to, 1)}`]];
}

function newestFirst<T extends Resource>(list: T[], range: DateRange): T[] {
  return list.filter((r) => inRange(r, range)).sort((a, b) => (clinicalDate(b) ?? '').localeCompare(clinicalDate(a) ?? ''));
}

/**
 * Reads the patient's record for a date range through PatientAccess (compartment-limited and
 * audited, each search naming the resources it disclosed) and keeps, for each section asked for,
 * the items the date rules in clinical-dates.ts place in the range. SSNs are removed from the
 * Patient: a download or share never needs them.
 */
export async function gatherRecord({ access }: { access: PatientAccess }, range: DateRange, sections: readonly RecordSection[] = ALL_RECORD_SECTIONS): Promise<RecordData> {
  const want = new Set(sections);
  // Page through: a decade of vital signs can pass one page, and a download must never be cut short.
  const search = async <T extends Resource>(on: boolean, type: T['resourceType'], query: SearchQuery): Promise<T[]> => {
    const out: T[] = [];
    while (on) {
      const page = await access.search<T>(type, [...query, ['_count', String(PAGE)], ['_offset', String(out.length)]]);
      out.push(...page.resources);
      if (page.resources.length < PAGE || out.length >= page.total) break;
    }
    return out;
  };
  const patient = await access.readPatient();
  const [conditions, medications, allergies, immunizations, reports, labs, vitals, encounters, procedures, documents, carePlans, goals] = await Promise.all([
    search<Condition>(want.has('problems'), 'Condition', []),
    search<MedicationRequest>(want.has('medications'), 'MedicationRequest', []),
    search<AllergyIntolerance>(want.has('allergies'), 'AllergyIntolerance', []),
    search<Immunization>(want.has('immunizations'), 'Immunization', around(range)),
    search<DiagnosticReport>(want.has('results'), 'DiagnosticReport', around(range)),
    search<Observation>(want.has('results'), 'Observation', [['category', 'laboratory'], ...around(range)]),
    search<Observation>(want.has('vitals'), 'Observation', [['category', 'vital-signs'], ...around(range)]),
    search<Encounter>(want.has('visits'), 'Encounter', around(range)),
    search<Procedure>(want.has('procedures'), 'Procedure', around(range)),
    search<DocumentReference>(want.has('documents'), 'DocumentReference', []),
    search<CarePlan>(want.has('plans'), 'CarePlan', []),
    search<Goal>(want.has('plans'), 'Goal', []),
  ]);
  const kept = newestFirst(medications, range);
  const medicationDefinitions: Medication[] = [];
  for (const ref of new Set(kept.map((m) => m.medicationReference?.reference).filter((r): r is string => !!r?.startsWith('Medication/')))) {
    // A Medication missing from the store leaves the request with its own name: no reason to fail the download.
    const definition = await access.read<Medication>('Medication', ref.slice('Medication/'.length)).catch(() => undefined);
    if (definition) medicationDefinitions.push(definition);
  }
  return {
    patient: withoutSensitiveIds(patient), range, sections: ALL_RECORD_SECTIONS.filter((s) => want.has(s)),
    conditions: newestFirst(conditions, range), medications: kept, medicationDefinitions,
    allergies: newestFirst(allergies, range), immunizations: newestFirst(immunizations, range),
    reports: newestFirst(reports, range), labs: newestFirst(labs, range), vitals: newestFirst(vitals, range),
    encounters: newestFirst(encounters, range), procedures: newestFirst(procedures, range),
    // Only the list of documents (metadata) goes out; their contents stay behind the portal's viewer.
    documents: newestFirst(documents, range).map(documentMetadata),
    carePlans: newestFirst(carePlans, range), goals: newestFirst(goals, range),
  };
}

function withoutSensitiveIds(p: Patient): Patient {
  return { ...p, identifier: p.identifier?.filter((i) => !SENSITIVE_IDENTIFIER_SYSTEMS.has(i.system ?? '')) };
}

function documentMetadata(d: DocumentReference): DocumentReference {
  return { ...d, content: d.content.map((c) => ({ ...c, attachment: { contentType: c.attachment.contentType, title: c.attachment.title, size: c.attachment.size, creation: c.attachment.creation } })) };
}

/** Every resource in the data, Patient first (the order of the FHIR bundle). */
export function allResources(data: RecordData): Resource[] {
  return [
    data.patient, ...data.conditions, ...data.medications, ...data.medicationDefinitions, ...data.allergies, ...data.immunizations,
    ...data.reports, ...data.labs, ...data.vitals, ...data.encounters, ...data.procedures, ...data.documents, ...data.carePlans, ...data.goals,
  ];
}
