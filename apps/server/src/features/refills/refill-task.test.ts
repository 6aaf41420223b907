import { describe, expect, it } from 'vitest';
import type { MedicationRequest } from '@medplum/fhirtypes';
import { decidedRefillTask, isRefillTask, newRefillTask, renewedPrescription, toRefillRequest, withStaffNote } from './refill-task.ts';

const old: MedicationRequest = {
  resourceType: 'MedicationRequest', id: 'med-1', meta: { versionId: '3' }, identifier: [{ system: 'urn:rx', value: 'RX-1' }],
  status: 'active', intent: 'order', subject: { reference: 'Patient/p1' }, authoredOn: '2025-03-01',
  medicationCodeableConcept: { text: 'lisinopril 20 MG Oral Tablet' }, requester: { reference: 'Practitioner/dr-old' },
  dosageInstruction: [{ text: 'Take 1 tablet once a day' }],
  dispenseRequest: { numberOfRepeatsAllowed: 3, validityPeriod: { start: '2025-03-01', end: '2026-03-01' } },
};

const task = () => newRefillTask({
  id: 't1', patientId: 'p1', medication: old, requester: { reference: 'Patient/p1' }, owner: { reference: 'Practitioner/dr-old' },
  pharmacy: { id: 'ph1', name: 'Main Street Pharmacy' }, note: 'Running low', now: '2026-12-01T10:00:00.000Z',
});

describe('refill tasks', () => {
  it('reads back what the patient asked for', () => {
    const t = task();
    expect(isRefillTask(t)).toBe(true);
    expect(toRefillRequest(t)).toEqual({
      id: 't1', medication: { id: 'med-1', name: 'lisinopril 20 MG Oral Tablet' }, pharmacy: { id: 'ph1', name: 'Main Street Pharmacy' }, note: 'Running low',
      status: 'requested', requestedAt: '2026-12-01T10:00:00.000Z', decidedAt: null, reason: null, renewedMedicationId: null,
    });
  });

  it('words approvals and denials; a reason is shown only for a denial', () => {
    const approved = toRefillRequest(decidedRefillTask(task(), { approve: true, reason: null, renewedId: 'med-2', now: '2026-12-02T09:00:00.000Z' }));
    expect(approved).toMatchObject({ status: 'approved', decidedAt: '2026-12-02T09:00:00.000Z', renewedMedicationId: 'med-2', reason: null });
    const denied = toRefillRequest(decidedRefillTask(task(), { approve: false, reason: 'Book a visit first.', renewedId: null, now: '2026-12-02T09:00:00.000Z' }));
    expect(denied).toMatchObject({ status: 'denied', reason: 'Book a visit first.', renewedMedicationId: null });
  });

  it('keeps team notes in order with their authors', () => {
    const t = withStaffNote(withStaffNote(task(), { author: { reference: 'Practitioner/n1', display: 'Nora' }, text: 'First', now: 'a' }), { author: { display: 'Front' }, text: 'Second', now: 'b' });
    expect(t.note).toEqual([
      { authorReference: { reference: 'Practitioner/n1', display: 'Nora' }, time: 'a', text: 'First' },
      { authorString: 'Front', time: 'b', text: 'Second' },
    ]);
  });

  it('renews a prescription: same medicine and dosage, new date and validity, prior points back, no copied ids', () => {
    const renewed = renewedPrescription(old, { id: 'med-2', now: '2026-12-02T09:00:00.000Z', requester: { reference: 'Practitioner/dr-new' } });
    expect(renewed).toMatchObject({
      id: 'med-2', status: 'active', authoredOn: '2026-12-02T09:00:00.000Z', requester: { reference: 'Practitioner/dr-new' },
      priorPrescription: { reference: 'MedicationRequest/med-1' }, medicationCodeableConcept: old.medicationCodeableConcept,
      dosageInstruction: old.dosageInstruction, dispenseRequest: { numberOfRepeatsAllowed: 3, validityPeriod: { start: '2026-12-02', end: '2027-12-02' } },
    });
    expect(renewed.meta).toBeUndefined();
    expect(renewed.identifier).toBeUndefined();
    // Without a practitioner account, the prescriber of record stays.
    expect(renewedPrescription(old, { id: 'med-3', now: '2026-12-02T09:00:00.000Z', requester: undefined }).requester).toEqual({ reference: 'Practitioner/dr-old' });
  });
});
