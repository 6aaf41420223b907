import { describe, expect, it } from 'vitest';
import { loadFhirDefinitions } from '../../platform/fhir-store/definitions.ts';
import { assertValidResource } from '../../platform/fhir-store/validate.ts';
import { paymentResources, receiptEmail } from './receipts.ts';

const payment = { id: '6f1c2d3e-0000-4000-8000-000000000001', patientId: 'pat-1', amountCents: 4000, receiptNumber: 'R-2026-000042', postedAt: '2026-12-06T15:30:00.000Z', method: 'cash' };

describe('receipts', () => {
  it('writes a valid PaymentReconciliation (one detail per visit paid) and PaymentNotice', () => {
    loadFhirDefinitions();
    const [reconciliation, notice] = paymentResources(payment, [{ claimId: 'eob-a', amountCents: 3000 }, { claimId: 'eob-b', amountCents: 1000 }], { id: 'org-1', name: 'Riverbend Community Health' });
    assertValidResource(reconciliation);
    assertValidResource(notice);
    expect(reconciliation.detail?.map((d) => [d.request?.reference, d.amount?.value])).toEqual([['ExplanationOfBenefit/eob-a', 30], ['ExplanationOfBenefit/eob-b', 10]]);
    expect(notice).toMatchObject({ amount: { value: 40, currency: 'USD' }, paymentDate: '2026-12-06', recipient: { reference: 'Organization/org-1' } });
  });
  it('emails the amount, date, receipt number and clinic, in the reader\'s language', () => {
    const en = receiptEmail('a@example.test', 'en', payment, 'Riverbend Community Health', 'https://portal.example/billing');
    expect(en.subject).toBe('Receipt for your payment to Riverbend Community Health');
    expect(en.text).toContain('We received your payment of $40.00 on December 6, 2026.');
    expect(en.text).toContain('R-2026-000042');
    const es = receiptEmail('a@example.test', 'es', payment, 'Riverbend Community Health', 'https://portal.example/billing');
    expect(es.text).toContain('Recibimos su pago de');
    expect(es.text).toContain('https://portal.example/billing');
  });
});
