import type { Encounter } from '@medplum/fhirtypes';
import type { BillableVisit } from './billing.ts';
import { CLINIC_ID, CLINIC_NAME, LOCATIONS, PRACTITIONERS, practitionerDisplay, type LocationKey, type PractitionerKey } from './clinic.ts';
import { CONDITIONS, type ConditionKey } from './conditions.ts';
import { ageOn, atTime } from './dates.ts';
import { concept, PROFILES, ref, SYSTEMS, type Code } from './fhir-helpers.ts';
import { addVisitNote, type SoapNote } from './notes.ts';
import type { SeedPatient } from './patients.ts';
import type { SeedContext } from './seed-context.ts';
import { addVitals, describeVitals, type VitalsInput } from './vitals.ts';

export type VisitKind = 'annual' | 'well-child' | 'follow-up' | 'acute' | 'consult';

const TYPES: Record<VisitKind, Code> = {
  annual: [SYSTEMS.snomed, '185349003', 'Encounter for check up'],
  'well-child': [SYSTEMS.snomed, '410620009', 'Well child visit'],
  'follow-up': [SYSTEMS.snomed, '390906007', 'Follow-up encounter'],
  acute: [SYSTEMS.snomed, '185345009', 'Encounter for symptom'],
  consult: [SYSTEMS.snomed, '11429006', 'Consultation'],
};
const TYPE_TEXT: Record<VisitKind, string> = {
  annual: 'Yearly checkup', 'well-child': 'Well-child visit', 'follow-up': 'Follow-up visit', acute: 'Sick visit', consult: 'Specialist visit',
};

/** Office-visit CPT code and list price for a visit kind at a given age. */
function visitCpt(kind: VisitKind, age: number): [string, string, number] {
  if (kind === 'annual' || kind === 'well-child') {
    if (age < 5) return ['99392', 'Preventive visit, established patient, age 1-4', 210];
    if (age < 12) return ['99393', 'Preventive visit, established patient, age 5-11', 220];
    if (age < 18) return ['99394', 'Preventive visit, established patient, age 12-17', 235];
    if (age < 40) return ['99395', 'Preventive visit, established patient, age 18-39', 250];
    if (age < 65) return ['99396', 'Preventive visit, established patient, age 40-64', 275];
    return ['99397', 'Preventive visit, established patient, age 65+', 290];
  }
  if (kind === 'acute') return ['99213', 'Office visit, established patient, low complexity', 145];
  return ['99214', 'Office visit, established patient, moderate complexity', 210];
}

export type VisitSpec = {
  date: string;
  kind: VisitKind;
  practitioner: PractitionerKey;
  location: LocationKey;
  /** Why the patient came; also the claim diagnoses. */
  reasons: ConditionKey[];
  /** Condition ids recorded as this encounter's diagnoses (problem list or encounter-diagnosis). */
  diagnosisIds?: string[];
  vitals: VitalsInput;
  note: Omit<SoapNote, 'objective'> & { exam: string[] };
  format?: 'text/plain' | 'text/html';
  /** Start time in minutes after midnight; random clinic hour otherwise. */
  startMinutes?: number;
};

export type Visit = { encounter: Encounter; billable: BillableVisit; start: string };

/**
 * Adds one ambulatory visit: US Core Encounter, its vital signs and its signed SOAP note.
 * The visit is queued for billing; labs and vaccines given at the visit add claim lines.
 */
export function addVisit(ctx: SeedContext, patient: SeedPatient, spec: VisitSpec): Visit {
  const startMinutes = spec.startMinutes ?? ctx.rng.int(16, 32) * 30;
  const start = atTime(spec.date, startMinutes);
  const end = atTime(spec.date, startMinutes + (spec.kind === 'annual' || spec.kind === 'consult' ? 40 : 20));
  const id = ctx.nextId(patient.key, 'enc');
  const practitioner = ref('Practitioner', PRACTITIONERS[spec.practitioner].id, practitionerDisplay(spec.practitioner));
  const encounter = ctx.add<Encounter>({
    resourceType: 'Encounter', id, meta: { profile: [PROFILES.encounter] },
    identifier: [{ system: 'https://ourchart.example/visit-number', value: id.replace('demo-', '').toUpperCase() }],
    status: 'finished',
    class: { system: SYSTEMS.actCode, code: 'AMB', display: 'ambulatory' },
    type: [concept(TYPES[spec.kind], TYPE_TEXT[spec.kind])],
    subject: ref('Patient', patient.id, patient.display),
    participant: [{
      type: [concept(['http://terminology.hl7.org/CodeSystem/v3-ParticipationType', 'PPRF', 'primary performer'])],
      period: { start, end }, individual: practitioner,
    }],
    period: { start, end },
    reasonCode: spec.reasons.map((r) => concept(CONDITIONS[r].codes, CONDITIONS[r].text)),
    ...(spec.diagnosisIds?.length ? {
      diagnosis: spec.diagnosisIds.map((cid, i) => ({
        condition: ref('Condition', cid),
        use: concept(['http://terminology.hl7.org/CodeSystem/diagnosis-role', 'billing', 'Billing']),
        rank: i + 1,
      })),
    } : {}),
    location: [{ location: ref('Location', LOCATIONS[spec.location].id, LOCATIONS[spec.location].name), status: 'completed' }],
    serviceProvider: ref('Organization', CLINIC_ID, CLINIC_NAME),
  });
  addVitals(ctx, patient, id, start, spec.vitals);
  const age = ageOn(patient.birthDate, spec.date);
  addVisitNote(ctx, patient, {
    encounterId: id, author: spec.practitioner, start, end,
    kind: spec.kind === 'annual' || spec.kind === 'well-child' || spec.kind === 'consult' ? 'history-and-physical' : 'progress',
    format: spec.format ?? 'text/plain',
    note: {
      title: spec.note.title, subjective: spec.note.subjective,
      objective: [`Vitals: ${describeVitals(spec.vitals)}.`, ...spec.note.exam],
      assessment: spec.note.assessment, plan: spec.note.plan,
    },
  });
  const [cpt, display, charge] = visitCpt(spec.kind, age);
  const billable: BillableVisit = {
    patient, encounterId: id, date: spec.date, location: spec.location, practitioner: spec.practitioner,
    diagnoses: spec.reasons, items: [{ cpt, display, charge }],
  };
  ctx.visits.push(billable);
  return { encounter, billable, start };
}
