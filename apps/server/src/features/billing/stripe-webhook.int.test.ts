import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '../../test/databases.ts';
import { createPatientUser, createTestApp, CSRF, type TestApp } from '../../test/app.ts';
import { sessionCookie } from '../staff/staff-fixtures.ts';
import { addVisitBill, OFFICE_VISIT } from './billing-fixtures.ts';
import { insertPayment } from './billing.queries.ts';

const SECRET = 'whsec_test_ourchart_billing_webhook_secret';
const STRIPE_ENV = { STRIPE_SECRET_KEY: 'sk_test_ourchart', STRIPE_WEBHOOK_SECRET: SECRET, STRIPE_PUBLISHABLE_KEY: 'pk_test_ourchart' };
const signer = new Stripe('sk_test_ourchart');

/** A recorded Stripe event (testdata/, real event shape), aimed at one of our payments. */
function recorded(type: 'payment_intent.succeeded' | 'payment_intent.payment_failed', intent: { id: string; paymentId: string; amount: number }): string {
  const event = JSON.parse(readFileSync(join(import.meta.dirname, 'testdata', `${type}.json`), 'utf8'));
  event.id = `${event.id}_${randomUUID().slice(0, 8)}`;
  Object.assign(event.data.object, { id: intent.id, amount: intent.amount, metadata: { paymentId: intent.paymentId } });
  if (type === 'payment_intent.succeeded') event.data.object.amount_received = intent.amount;
  return JSON.stringify(event, null, 2);
}

describe.each(testDrivers)('Stripe webhooks on $name', (driver) => {
  let h: TestApp;
  beforeAll(async () => {
    h = await createTestApp(driver, STRIPE_ENV);
  }, 120_000);
  afterAll(() => h?.close());

  /** A patient owing $30 who started a $25 card payment (the PaymentIntent exists at Stripe). */
  async function cardPayment() {
    const p = await createPatientUser(h.ctx, { given: 'Carla' });
    await addVisitBill(h.ctx, p.patientId, { date: '2026-10-01', lines: [OFFICE_VISIT] });
    const intentId = `pi_${randomUUID().replace(/-/g, '').slice(0, 24)}`;
    const payment = (await insertPayment(h.ctx.db, { id: randomUUID(), patientId: p.patientId, idempotencyKey: randomUUID(), amountCents: 2500, method: 'card', gateway: 'stripe', gatewayRef: intentId, requestedBy: p.userId }))!;
    return { ...p, cookie: await sessionCookie(h.ctx, p.userId), payment, intent: { id: intentId, paymentId: payment.id, amount: 2500 } };
  }

  const deliver = (body: string, signature: string | null) => h.app.inject({
    method: 'POST', url: '/api/billing/stripe/webhook', payload: body,
    headers: { 'content-type': 'application/json; charset=utf-8', ...(signature ? { 'stripe-signature': signature } : {}) },
  });
  const sign = (body: string, secret = SECRET) => signer.webhooks.generateTestHeaderString({ payload: body, secret });
  const summary = async (cookie: string) => (await h.app.inject({ url: '/api/billing', headers: { cookie } })).json();
  const state = async (paymentId: string) => ({
    payment: (await h.ctx.db.query<{ status: string; receipt_number: string | null }>('SELECT status, receipt_number FROM billing_payments WHERE id = $1', [paymentId]))[0],
    allocations: (await h.ctx.db.query('SELECT claim_id FROM billing_allocations WHERE payment_id = $1', [paymentId])).length,
    events: (await h.ctx.db.query('SELECT id FROM billing_stripe_events WHERE payment_id = $1', [paymentId])).length,
  });

  it('applies a signed payment_intent.succeeded once, even when Stripe delivers it again', async () => {
    const c = await cardPayment();
    expect(await summary(c.cookie)).toMatchObject({ balanceDue: 30, pendingAmount: 25, stripe: { publishableKey: 'pk_test_ourchart' } });
    const body = recorded('payment_intent.succeeded', c.intent);
    const first = await deliver(body, sign(body));
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ received: true, applied: true });
    const after = await state(c.payment.id);
    expect(after).toMatchObject({ payment: { status: 'succeeded', receipt_number: expect.stringMatching(/^R-\d{4}-\d{6}$/) }, allocations: 1, events: 1 });
    expect(await summary(c.cookie)).toMatchObject({ balanceDue: 5, pendingAmount: 0 });

    const replay = await deliver(body, sign(body));
    expect(replay.json()).toEqual({ received: true, applied: false });
    expect(await state(c.payment.id)).toEqual(after);
    expect(await summary(c.cookie)).toMatchObject({ balanceDue: 5 });
    expect(await h.ctx.db.query(`SELECT 1 FROM notifications WHERE user_id = $1 AND kind = 'payment-received'`, [c.userId])).toHaveLength(1);
    expect(await h.ctx.store.readRow('PaymentReconciliation', c.payment.id)).toBeDefined();
  });

  it('refuses a tampered, unsigned or wrongly signed event with 400 and changes nothing', async () => {
    const c = await cardPayment();
    const body = recorded('payment_intent.succeeded', c.intent);
    const tampered = body.replace('"amount": 2500', '"amount": 1');
    expect(tampered).not.toBe(body);
    for (const [payload, signature] of [[tampered, sign(body)], [body, null], [body, sign(body, 'whsec_someone_else')], [body, 't=1,v1=deadbeef']] as const) {
      const res = await deliver(payload, signature);
      expect(res.statusCode).toBe(400);
    }
    expect(await state(c.payment.id)).toEqual({ payment: { status: 'pending', receipt_number: null }, allocations: 0, events: 0 });
    expect(await summary(c.cookie)).toMatchObject({ balanceDue: 30, pendingAmount: 25 });
  });

  it('a failed card leaves the balance unchanged and frees the reserved amount', async () => {
    const c = await cardPayment();
    const body = recorded('payment_intent.payment_failed', c.intent);
    expect((await deliver(body, sign(body))).json()).toEqual({ received: true, applied: true });
    expect(await state(c.payment.id)).toEqual({ payment: { status: 'failed', receipt_number: null }, allocations: 0, events: 1 });
    const s = await summary(c.cookie);
    expect(s).toMatchObject({ balanceDue: 30, pendingAmount: 0, maxPayment: 30 });
    expect(s.payments[0]).toMatchObject({ status: 'failed', reason: 'The card was not accepted, so nothing was charged. Try another card or pay at the front desk.' });
    // A success event arriving after the failure changes nothing either.
    const late = recorded('payment_intent.succeeded', c.intent);
    expect((await deliver(late, sign(late))).json()).toEqual({ received: true, applied: false });
    expect((await summary(c.cookie)).balanceDue).toBe(30);
  });

  it('allows Stripe.js in the page only when Stripe is configured', async () => {
    const res = await h.app.inject({ url: '/api/health' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain('script-src \'self\' https://js.stripe.com');
    expect(csp).toContain('connect-src \'self\' https://api.stripe.com');
    expect(csp).toContain('frame-src https://js.stripe.com');
    const c = await cardPayment();
    // Card payments need the amount to fit: more than what is left after the pending $25 is refused before Stripe is called.
    const over = await h.app.inject({ method: 'POST', url: '/api/billing/payments', headers: { cookie: c.cookie, ...CSRF, 'idempotency-key': randomUUID() }, payload: { amount: 6, method: 'card' } });
    expect(over.json().detail).toBe('You can pay at most $5.00 now. Enter $5.00 or less.');
  });
});
