import { randomUUID } from 'node:crypto';
import type { Claim, ExplanationOfBenefit } from '@medplum/fhirtypes';
import type { AppContext } from '../../context.ts';
import type { TestApp } from '../../test/app.ts';
import { CSRF } from '../../test/app.ts';

/** Test fixtures for billing (integration tests only). */

export type Line = { cpt: string; display: string; charge: number; eligible: number; benefit: number; owe: number };

const ADJ = 'http://terminology.hl7.org/CodeSystem/adjudication';
const CARIN = 'http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBAdjudication';
const cat = (system: string, code: string) => ({ coding: [{ system, code }] });
const usd = (value: number) => ({ value, currency: 'USD' as const });
const sum = (xs: number[]) => Math.round(xs.reduce((a, b) => a + b, 0) * 100) / 100;

/** An office visit line: $150 charged, $108 allowed, $78 paid by insurance, $30 copay. */
export const OFFICE_VISIT: Line = { cpt: '99213', display: 'Office visit, established patient', charge: 150, eligible: 108, benefit: 78, owe: 30 };
/** A lab line: $40 charged, $28.80 allowed, $23.04 paid, $5.76 coinsurance. */
export const LAB: Line = { cpt: '80053', display: 'Comprehensive metabolic panel', charge: 40, eligible: 28.8, benefit: 23.04, owe: 5.76 };

/** A Claim for a visit of the patient, and (unless pending) its ExplanationOfBenefit processed 10 days later. */
export async function addVisitBill(ctx: AppContext, patientId: string, o: { date: string; lines: Line[]; paidByPatient?: number; pending?: boolean; clinician?: string }): Promise<{ claimId: string; eobId: string | null }> {
  const claimId = `claim-${randomUUID().slice(0, 8)}`;
  const patient = { reference: `Patient/${patientId}` };
  const insurance = { reference: 'Coverage/test-coverage' };
  const careTeam = [{ sequence: 1, provider: { reference: 'Practitioner/test-pract', display: o.clinician ?? 'Dr. Test' } }];
  await ctx.store.update<Claim>({
    resourceType: 'Claim', id: claimId, status: 'active', type: cat('http://terminology.hl7.org/CodeSystem/claim-type', 'professional'), use: 'claim',
    patient, billablePeriod: { start: o.date, end: o.date }, created: `${o.date}T12:00:00Z`, provider: { reference: 'Organization/org-test', display: 'Test Clinic' },
    priority: cat('http://terminology.hl7.org/CodeSystem/processpriority', 'normal'), careTeam,
    insurance: [{ sequence: 1, focal: true, coverage: insurance }],
    item: o.lines.map((l, i) => ({
      sequence: i + 1, productOrService: { coding: [{ system: 'http://www.ama-assn.org/go/cpt', code: l.cpt, display: l.display }], text: l.display },
      servicedDate: o.date, locationReference: { reference: 'Location/test-loc', display: 'Main Street Clinic' }, unitPrice: usd(l.charge), net: usd(l.charge),
    })),
    total: usd(sum(o.lines.map((l) => l.charge))),
  });
  if (o.pending) return { claimId, eobId: null };
  const eobId = claimId.replace('claim-', 'eob-');
  const processed = new Date(Date.parse(`${o.date}T14:00:00Z`) + 10 * 86_400_000).toISOString();
  const owe = sum(o.lines.map((l) => l.owe));
  await ctx.store.update<ExplanationOfBenefit>({
    resourceType: 'ExplanationOfBenefit', id: eobId, status: 'active', type: cat('http://terminology.hl7.org/CodeSystem/claim-type', 'professional'), use: 'claim',
    patient, billablePeriod: { start: o.date, end: o.date }, created: processed, insurer: { reference: 'Organization/payer-test', display: 'Test Payer' },
    provider: { reference: 'Organization/org-test' }, claim: { reference: `Claim/${claimId}` }, outcome: 'complete', careTeam,
    insurance: [{ focal: true, coverage: insurance }],
    item: o.lines.map((l, i) => ({
      sequence: i + 1, productOrService: { coding: [{ system: 'http://www.ama-assn.org/go/cpt', code: l.cpt, display: l.display }], text: l.display }, servicedDate: o.date,
      adjudication: [
        { category: cat(ADJ, 'submitted'), amount: usd(l.charge) }, { category: cat(ADJ, 'eligible'), amount: usd(l.eligible) },
        { category: cat(ADJ, 'benefit'), amount: usd(l.benefit) }, { category: cat(CARIN, 'memberliability'), amount: usd(l.owe) },
      ],
    })),
    total: [
      { category: cat(ADJ, 'submitted'), amount: usd(sum(o.lines.map((l) => l.charge))) },
      { category: cat(ADJ, 'benefit'), amount: usd(sum(o.lines.map((l) => l.benefit))) },
      { category: cat(CARIN, 'memberliability'), amount: usd(owe) },
      { category: cat(CARIN, 'paidbypatient'), amount: usd(o.paidByPatient ?? 0) },
    ],
  });
  return { claimId, eobId };
}

/**
 * The victim of the authorization matrix owes $60, asked to pay $10 at the front desk and split the
 * rest into a plan: /api/.../:paymentId and :planId routes aim at these. Returns [paymentId, planId].
 */
export async function seedPaymentFor(h: TestApp, patientId: string, cookie: string): Promise<string[]> {
  await addVisitBill(h.ctx, patientId, { date: '2026-01-10', lines: [OFFICE_VISIT, OFFICE_VISIT] });
  const res = await h.app.inject({ method: 'POST', url: '/api/billing/payments', headers: { ...CSRF, cookie, 'idempotency-key': randomUUID() }, payload: { amount: 10, method: 'front-desk' } });
  if (res.statusCode !== 201) throw new Error(`seedPaymentFor: ${res.statusCode} ${res.body}`);
  const plan = await h.app.inject({ method: 'POST', url: '/api/billing/plans', headers: { ...CSRF, cookie }, payload: { months: 2 } });
  if (plan.statusCode !== 201) throw new Error(`seedPaymentFor (plan): ${plan.statusCode} ${plan.body}`);
  return [res.json<{ payment: { id: string } }>().payment.id, plan.json<{ id: string }>().id];
}
