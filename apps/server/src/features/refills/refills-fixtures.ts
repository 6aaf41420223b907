import type { MedicationRequest } from '@medplum/fhirtypes';
import type { AppContext } from '../../context.ts';
import type { TestApp } from '../../test/app.ts';
import { CSRF } from '../../test/app.ts';
import { seedPharmacies } from './pharmacies.ts';

/** Test fixtures for refill requests (integration tests only). */

export const PHARMACY_ID = 'demo-pharmacy-main-street';

/** A prescription of the patient (active unless told otherwise), written by `practitionerId` when given. */
export async function createPrescription(ctx: AppContext, patientId: string, o: { status?: MedicationRequest['status']; practitionerId?: string; name?: string } = {}): Promise<MedicationRequest> {
  return ctx.store.create<MedicationRequest>({
    resourceType: 'MedicationRequest',
    status: o.status ?? 'active',
    intent: 'order',
    medicationCodeableConcept: { coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '314077', display: 'lisinopril 20 MG Oral Tablet' }], text: o.name ?? 'lisinopril 20 MG Oral Tablet' },
    subject: { reference: `Patient/${patientId}` },
    authoredOn: '2026-01-15',
    ...(o.practitionerId ? { requester: { reference: `Practitioner/${o.practitionerId}`, display: 'Dr. Test' } } : {}),
    dosageInstruction: [{ text: 'Take 1 tablet by mouth once a day', timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd' } } }],
    dispenseRequest: { numberOfRepeatsAllowed: 3, validityPeriod: { start: '2026-01-15', end: '2027-01-15' }, quantity: { value: 90, unit: 'tablets' } },
  });
}

/**
 * The victim of the authorization matrix has an active prescription and an open refill request for
 * it: /api/staff/refills/:id routes are aimed at these ids. Returns [medicationRequestId, taskId].
 */
export async function seedRefillFor(h: TestApp, patientId: string, cookie: string): Promise<string[]> {
  await seedPharmacies(h.ctx.store);
  const med = await createPrescription(h.ctx, patientId);
  const res = await h.app.inject({ method: 'POST', url: '/api/refills', headers: { ...CSRF, cookie }, payload: { medicationRequestId: med.id, pharmacyId: PHARMACY_ID, note: 'Refill note the matrix must not leak' } });
  if (res.statusCode !== 201) throw new Error(`seedRefillFor: ${res.statusCode} ${res.body}`);
  return [med.id!, res.json<{ id: string }>().id];
}
