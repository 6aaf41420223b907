import type { MedicationRequest, Task, TaskInput } from '@medplum/fhirtypes';
import type { RefillRequest, RefillStatus } from '@ourchart/contracts';
import { conceptText, referenceText } from '../../platform/fhir-store/display.ts';

/**
 * How a refill request is written as a FHIR R4 Task (docs/refills.md):
 *   code       our CODE_SYSTEM#refill-request (what searches use), text "Refill request";
 *   intent     order; focus = the MedicationRequest; for = the Patient; requester = the patient or a proxy;
 *   owner      the prescriber's pool: Practitioner/<id> when the pool is a clinician's team, else the pool by identifier;
 *   input      pharmacy (valueReference Organization/<id>) and the patient's note (valueString);
 *   note       notes staff leave (author, time, text);
 *   status     requested → completed (approved; output renewed-prescription = the new MedicationRequest)
 *              or rejected (denied; statusReason.text = the reason the patient reads).
 */
export const CODE_SYSTEM = 'https://ourchart.example/fhir/CodeSystem/task-code';
export const PART_SYSTEM = 'https://ourchart.example/fhir/CodeSystem/refill-part';
export const POOL_SYSTEM = 'https://ourchart.example/fhir/sid/message-pool';
export const USER_SYSTEM = 'https://ourchart.example/fhir/sid/user';
export const REFILL_CODE = `${CODE_SYSTEM}|refill-request`;

type Part = 'pharmacy' | 'patient-note' | 'renewed-prescription';
const partType = (code: Part) => ({ coding: [{ system: PART_SYSTEM, code }], text: code });
const hasPart = (p: { type: { coding?: { system?: string; code?: string }[] } }, code: Part) => p.type.coding?.some((c) => c.system === PART_SYSTEM && c.code === code) ?? false;

/** The medicine's name as the patient sees it on the Medications page. */
export function medicineName(m: MedicationRequest): string {
  return conceptText(m.medicationCodeableConcept) ?? referenceText(m.medicationReference) ?? 'your medicine';
}

/** A new request as a Task (status requested). */
export function newRefillTask(o: {
  id: string; patientId: string; medication: MedicationRequest; requester: Task['requester'] & object; owner: Task['owner'] & object;
  pharmacy: { id: string; name: string }; note: string | undefined; now: string;
}): Task {
  const input: TaskInput[] = [{ type: partType('pharmacy'), valueReference: { reference: `Organization/${o.pharmacy.id}`, display: o.pharmacy.name } }];
  if (o.note) input.push({ type: partType('patient-note'), valueString: o.note });
  return {
    resourceType: 'Task',
    id: o.id,
    status: 'requested',
    intent: 'order',
    priority: 'routine',
    code: { coding: [{ system: CODE_SYSTEM, code: 'refill-request', display: 'Prescription refill request' }], text: 'Refill request' },
    focus: { reference: `MedicationRequest/${o.medication.id}`, display: medicineName(o.medication) },
    for: { reference: `Patient/${o.patientId}` },
    requester: o.requester,
    owner: o.owner,
    authoredOn: o.now,
    lastModified: o.now,
    input,
  };
}

/** The Task after a decision: completed with the renewed prescription, or rejected with a reason. */
export function decidedRefillTask(task: Task, d: { approve: boolean; reason: string | null; renewedId: string | null; now: string }): Task {
  return {
    ...task,
    status: d.approve ? 'completed' : 'rejected',
    businessStatus: { coding: [{ system: PART_SYSTEM, code: d.approve ? 'approved' : 'denied' }], text: d.approve ? 'Approved' : 'Denied' },
    ...(d.reason ? { statusReason: { text: d.reason } } : {}),
    executionPeriod: { start: task.authoredOn, end: d.now },
    lastModified: d.now,
    ...(d.renewedId ? { output: [{ type: partType('renewed-prescription'), valueReference: { reference: `MedicationRequest/${d.renewedId}` } }] } : {}),
  };
}

/** The Task with one more staff note. */
export function withStaffNote(task: Task, note: { author: { reference?: string; display?: string }; text: string; now: string }): Task {
  return {
    ...task, lastModified: note.now,
    note: [...(task.note ?? []), { ...(note.author.reference ? { authorReference: { reference: note.author.reference, display: note.author.display } } : { authorString: note.author.display ?? 'Staff' }), time: note.now, text: note.text }],
  };
}

/**
 * The renewed prescription an approval writes: the same medicine and dosage as a new active
 * MedicationRequest authored now, priorPrescription pointing at the old one, and the approving
 * clinician as requester when they are a practitioner (else the old requester stays).
 */
export function renewedPrescription(old: MedicationRequest, o: { id: string; now: string; requester: MedicationRequest['requester'] }): MedicationRequest {
  const { id: _id, meta: _meta, identifier: _identifier, statusReason: _statusReason, ...rest } = old;
  const dispense = old.dispenseRequest;
  const validFor = validityMs(dispense?.validityPeriod);
  return {
    ...rest,
    resourceType: 'MedicationRequest',
    id: o.id,
    status: 'active',
    intent: 'order',
    authoredOn: o.now,
    requester: o.requester ?? old.requester,
    priorPrescription: { reference: `MedicationRequest/${old.id}`, display: medicineName(old) },
    ...(dispense ? {
      dispenseRequest: {
        ...dispense,
        validityPeriod: { start: o.now.slice(0, 10), end: new Date(Date.parse(o.now) + validFor).toISOString().slice(0, 10) },
      },
    } : {}),
  };
}

const YEAR_MS = 365 * 24 * 3600 * 1000;
function validityMs(p: { start?: string; end?: string } | undefined): number {
  const ms = p?.start && p.end ? Date.parse(p.end) - Date.parse(p.start) : NaN;
  return Number.isFinite(ms) && ms > 0 ? ms : YEAR_MS;
}

export function isRefillTask(task: Task): boolean {
  return task.code?.coding?.some((c) => c.system === CODE_SYSTEM && c.code === 'refill-request') ?? false;
}

function statusOf(task: Task): RefillStatus {
  if (task.status === 'rejected') return 'denied';
  if (task.status === 'completed') return 'approved';
  return 'requested';
}

const idOf = (reference: string | undefined, type: string) => (reference?.startsWith(`${type}/`) ? reference.slice(type.length + 1) : null);

/** The API shape of a request. */
export function toRefillRequest(task: Task): RefillRequest {
  const status = statusOf(task);
  const pharmacy = task.input?.find((p) => hasPart(p, 'pharmacy'))?.valueReference;
  const pharmacyId = idOf(pharmacy?.reference, 'Organization');
  const renewed = (task.output ?? []).find((p) => hasPart(p, 'renewed-prescription'))?.valueReference;
  return {
    id: task.id!,
    medication: { id: idOf(task.focus?.reference, 'MedicationRequest') ?? '', name: task.focus?.display ?? 'Medicine' },
    pharmacy: pharmacyId ? { id: pharmacyId, name: pharmacy?.display ?? pharmacyId } : null,
    note: task.input?.find((p) => hasPart(p, 'patient-note'))?.valueString ?? null,
    status,
    requestedAt: task.authoredOn ?? task.meta?.lastUpdated ?? '',
    decidedAt: status === 'requested' ? null : (task.executionPeriod?.end ?? null),
    reason: status === 'denied' ? (task.statusReason?.text ?? null) : null,
    renewedMedicationId: idOf(renewed?.reference, 'MedicationRequest'),
  };
}
