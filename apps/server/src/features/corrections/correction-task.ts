import type { Resource, Task, TaskInput } from '@medplum/fhirtypes';
import type { CorrectionItem, CorrectionRequest, CorrectionStatus } from '@ourchart/contracts';
import { conceptText, formatName } from '../../platform/fhir-store/display.ts';

/**
 * How a correction request is written as a FHIR R4 Task (docs/health-record/corrections.md):
 *   code       http://hl7.org/fhir/CodeSystem/task-code#change ("change the focal resource") plus
 *              our own CODE_SYSTEM#amendment, which is what searches use;
 *   intent     order; focus = the item; for = the Patient; requester = the patient or a proxy;
 *   input      what-is-wrong, should-say, and later statement-of-disagreement (INPUT_SYSTEM);
 *   status     requested → completed (accepted: changed in the EHR, output change-note) or
 *              rejected (denied, statusReason.text = the reason shown to the patient);
 *   owner      the staff member who decided; executionPeriod.end = when.
 */
export const CODE_SYSTEM = 'https://ourchart.example/fhir/CodeSystem/task-code';
export const INPUT_SYSTEM = 'https://ourchart.example/fhir/CodeSystem/amendment-part';
export const USER_SYSTEM = 'https://ourchart.example/fhir/sid/user';
export const AMENDMENT_CODE = `${CODE_SYSTEM}|amendment`;

/** Record items a patient may ask to correct: clinical items of their compartment and their own details. */
export const CORRECTABLE_TYPES: ReadonlySet<string> = new Set([
  'Patient', 'Condition', 'AllergyIntolerance', 'MedicationRequest', 'MedicationStatement', 'Immunization', 'Observation',
  'DiagnosticReport', 'Encounter', 'DocumentReference', 'Procedure', 'CarePlan', 'Goal', 'FamilyMemberHistory', 'Coverage',
]);

type Part = 'what-is-wrong' | 'should-say' | 'statement-of-disagreement' | 'change-note';
const part = (code: Part, valueString: string): TaskInput => ({ type: { coding: [{ system: INPUT_SYSTEM, code }] }, valueString });
const partOf = (parts: TaskInput[] | undefined, code: Part) => parts?.find((p) => p.type.coding?.some((c) => c.system === INPUT_SYSTEM && c.code === code))?.valueString ?? null;

/** A short human name for any record item (what the patient sees in the list). */
export function itemDisplayName(r: Resource): string {
  const concept = (x: unknown) => conceptText(x as Parameters<typeof conceptText>[0]);
  switch (r.resourceType) {
    case 'Patient': return formatName(r.name) || 'Personal details';
    case 'MedicationRequest': case 'MedicationStatement': return concept(r.medicationCodeableConcept) ?? r.medicationReference?.display ?? r.resourceType;
    case 'Immunization': return concept(r.vaccineCode) ?? 'Immunization';
    case 'Encounter': return [concept(r.type?.[0]) ?? r.class?.display ?? 'Visit', r.period?.start?.slice(0, 10)].filter(Boolean).join(', ');
    case 'DocumentReference': return r.description ?? concept(r.type) ?? 'Document';
    case 'CarePlan': return r.title ?? concept(r.category?.[0]) ?? 'Care plan';
    case 'Goal': return concept(r.description) ?? 'Goal';
    default: return concept((r as { code?: unknown }).code) ?? r.resourceType;
  }
}

export function splitItem(reference: string): { type: string; id: string } {
  const [type, id] = reference.split('/') as [string, string];
  return { type, id };
}

/** A new request as a Task (status requested). */
export function newCorrectionTask(o: { patientId: string; item: Resource; requester: Task["requester"] & object; whatIsWrong: string; shouldSay: string; now: string }): Task {
  return {
    resourceType: 'Task',
    status: 'requested',
    intent: 'order',
    code: {
      coding: [
        { system: 'http://hl7.org/fhir/CodeSystem/task-code', code: 'change', display: 'Change the focal resource' },
        { system: CODE_SYSTEM, code: 'amendment', display: 'Request to amend the record (HIPAA 164.526)' },
      ],
      text: 'Correction request',
    },
    focus: { reference: `${o.item.resourceType}/${o.item.id}`, display: itemDisplayName(o.item) },
    for: { reference: `Patient/${o.patientId}` },
    requester: o.requester,
    authoredOn: o.now,
    lastModified: o.now,
    input: [part('what-is-wrong', o.whatIsWrong), part('should-say', o.shouldSay)],
  };
}

/** The Task after staff decided: completed (accepted) or rejected (denied). */
export function decidedTask(task: Task, d: { accept: boolean; reason: string | null; changeNote: string | null; owner: Task["owner"] & object; now: string }): Task {
  return {
    ...task,
    status: d.accept ? 'completed' : 'rejected',
    businessStatus: { coding: [{ system: INPUT_SYSTEM, code: d.accept ? 'accepted' : 'denied' }], text: d.accept ? 'Accepted' : 'Denied' },
    ...(d.reason ? { statusReason: { text: d.reason } } : {}),
    owner: d.owner,
    executionPeriod: { start: task.authoredOn, end: d.now },
    lastModified: d.now,
    ...(d.changeNote ? { output: [{ type: { coding: [{ system: INPUT_SYSTEM, code: 'change-note' }] }, valueString: d.changeNote }] } : {}),
  };
}

/** The Task with the patient's statement of disagreement attached. */
export function withDisagreement(task: Task, statement: string, now: string): Task {
  return { ...task, lastModified: now, input: [...(task.input ?? []), part('statement-of-disagreement', statement)] };
}

export function isCorrectionTask(task: Task): boolean {
  return task.code?.coding?.some((c) => c.system === CODE_SYSTEM && c.code === 'amendment') ?? false;
}

function statusOf(task: Task): CorrectionStatus {
  if (task.status === 'rejected') return 'denied';
  if (task.status === 'completed' || task.status === 'accepted') return 'accepted';
  return 'open';
}

export function toCorrectionItem(reference: string, name: string): CorrectionItem {
  return { reference, resourceType: splitItem(reference).type, name };
}

/** The API shape of a request. The statement of disagreement is the Task's last change, so lastModified dates it. */
export function toCorrectionRequest(task: Task): CorrectionRequest {
  const status = statusOf(task);
  const statement = partOf(task.input, 'statement-of-disagreement');
  const reference = task.focus?.reference ?? '';
  return {
    id: task.id!,
    item: toCorrectionItem(reference, task.focus?.display ?? reference),
    whatIsWrong: partOf(task.input, 'what-is-wrong') ?? '',
    shouldSay: partOf(task.input, 'should-say') ?? '',
    status,
    requestedAt: task.authoredOn ?? task.meta?.lastUpdated ?? '',
    decidedAt: status === 'open' ? null : (task.executionPeriod?.end ?? null),
    reason: task.statusReason?.text ?? null,
    changeNote: partOf(task.output as TaskInput[] | undefined, 'change-note'),
    disagreement: statement ? { statement, at: task.lastModified ?? '' } : null,
  };
}
