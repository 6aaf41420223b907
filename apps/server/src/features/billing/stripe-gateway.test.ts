import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/http/errors.ts';
import { buildPaymentIntentRequest, verifyStripeEvent } from './stripe-gateway.ts';

describe('the Stripe request builder', () => {
  it('asks for cents in US dollars, card only, with our payment id as the only metadata and our key as the idempotency key', () => {
    const request = buildPaymentIntentRequest({ id: '6f1c2d3e-0000-4000-8000-000000000001', amountCents: 4250, idempotencyKey: 'b1d3e0f2-1111-4222-8333-444455556666' });
    expect(request).toEqual({
      params: { amount: 4250, currency: 'usd', payment_method_types: ['card'], metadata: { paymentId: '6f1c2d3e-0000-4000-8000-000000000001' }, description: 'OurChart payment' },
      options: { idempotencyKey: 'b1d3e0f2-1111-4222-8333-444455556666' },
    });
  });
  it('refuses amounts that are not whole positive cents', () => {
    expect(() => buildPaymentIntentRequest({ id: 'x', amountCents: 0, idempotencyKey: 'k' })).toThrow();
    expect(() => buildPaymentIntentRequest({ id: 'x', amountCents: 10.5, idempotencyKey: 'k' })).toThrow();
  });
});

describe('webhook verification', () => {
  const secret = 'whsec_unit_test';
  const body = JSON.stringify({ id: 'evt_1', object: 'event', type: 'payment_intent.succeeded', data: { object: { id: 'pi_1', object: 'payment_intent', amount: 100, metadata: { paymentId: 'p-1' } } } });
  const header = new Stripe('sk_test_x').webhooks.generateTestHeaderString({ payload: body, secret });
  it('returns the event ids and amount when the signature matches', () => {
    expect(verifyStripeEvent(body, header, secret)).toEqual({ id: 'evt_1', type: 'payment_intent.succeeded', paymentIntentId: 'pi_1', paymentId: 'p-1', amount: 100 });
  });
  it('refuses a missing or wrong signature with a 400', () => {
    for (const [payload, sig] of [[body, undefined], [body.replace('100', '1'), header], [body, `${header}0`]] as const) {
      let caught: unknown;
      try { verifyStripeEvent(payload, sig, secret); } catch (err) { caught = err; }
      expect(caught).toBeInstanceOf(AppError);
      expect((caught as AppError).status).toBe(400);
    }
  });
});
