import type { FastifyInstance } from 'fastify';
import type { Coverage } from '@medplum/fhirtypes';
import type { AppContext } from '../../context.ts';

/** Test fixtures for insurance (integration tests only). */

/** A 1x1 PNG and a 1x1 JPEG (real files, so file-type recognises them by content). */
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==', 'base64');
export const JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=', 'base64');

/** A commercial plan with a $30 office-visit copay and 20% coinsurance, as the demo seed writes them. */
export async function createCoverage(ctx: AppContext, patientId: string, o: { payer?: string; memberId?: string; start?: string } = {}): Promise<Coverage> {
  return ctx.store.create<Coverage>({
    resourceType: 'Coverage', status: 'active',
    identifier: [{ type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'MB' }] }, value: o.memberId ?? 'OLD-123' }],
    subscriber: { reference: `Patient/${patientId}`, display: 'Rita Tester' }, subscriberId: o.memberId ?? 'OLD-123',
    beneficiary: { reference: `Patient/${patientId}` },
    relationship: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/subscriber-relationship', code: 'self' }] },
    period: { start: o.start ?? '2020-01-01' },
    payor: [{ display: o.payer ?? 'BluePeak Health Plan' }],
    class: [{ type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/coverage-class', code: 'group' }] }, value: 'GRP-1', name: 'BluePeak PPO 30' }],
    costToBeneficiary: [
      { type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/coverage-copay-type', code: 'gpvisit' }] }, valueMoney: { value: 30, currency: 'USD' } },
      { type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/coverage-copay-type', code: 'copaypct' }] }, valueQuantity: { value: 20, unit: '%', system: 'http://unitsofmeasure.org', code: '%' } },
    ],
  });
}

export type CardFields = { payerName: string; memberId: string; groupNumber?: string; subscriberName: string; relationship: string };
export type Photo = { name: string; type: string; bytes: Buffer };

/** The multipart form the web app sends: card details plus files named "front" and "back". */
export function cardForm(fields: CardFields, photos: { front?: Photo; back?: Photo }): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) form.append(k, v);
  for (const side of ['front', 'back'] as const) {
    const p = photos[side];
    if (p) form.append(side, new Blob([new Uint8Array(p.bytes)], { type: p.type }), p.name);
  }
  return form;
}

/**
 * The victim of the authorization matrix sends an insurance update and applies for financial help:
 * /api/staff/billing/insurance-updates/:id and /api/staff/billing/assistance/:id are aimed at these
 * ids. Returns [updateId, applicationId].
 */
export async function seedBillingRequestsFor(app: FastifyInstance, cookie: string): Promise<string[]> {
  const headers = { cookie, 'x-ourchart-csrf': '1' };
  const photo = (name: string) => ({ name, type: 'image/png', bytes: PNG });
  const update = await app.inject({
    method: 'POST', url: '/api/billing/insurance/updates', headers,
    payload: cardForm({ payerName: 'Matrix Mutual', memberId: 'MTX-1', subscriberName: 'Matrix Victim', relationship: 'self' }, { front: photo('front.png'), back: photo('back.png') }),
  });
  if (update.statusCode !== 201) throw new Error(`seedBillingRequestsFor: ${update.statusCode} ${update.body}`);
  const system = 'https://ourchart.example/fhir/CodeSystem/financial-assistance';
  const application = await app.inject({
    method: 'POST', url: '/api/billing/assistance', headers,
    payload: { answers: [
      { linkId: 'household-size', answer: [{ valueInteger: 1 }] }, { linkId: 'monthly-income', answer: [{ valueDecimal: 900 }] },
      { linkId: 'insurance-status', answer: [{ valueCoding: { system, code: 'uninsured' } }] }, { linkId: 'consent', answer: [{ valueCoding: { system, code: 'agree' } }] },
    ] },
  });
  if (application.statusCode !== 201) throw new Error(`seedBillingRequestsFor: ${application.statusCode} ${application.body}`);
  return [update.json<{ id: string }>().id, application.json<{ id: string }>().id];
}
