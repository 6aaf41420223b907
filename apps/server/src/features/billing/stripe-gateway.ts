import Stripe from 'stripe';
import { AppError } from '../../platform/http/errors.ts';
import type { GatewayPayment, GatewayStart, PaymentGateway } from './payment-gateway.ts';

/** The PaymentIntent create call: parameters and request options, built without I/O (unit-tested). */
export type PaymentIntentRequest = {
  params: { amount: number; currency: 'usd'; payment_method_types: ['card']; metadata: { paymentId: string }; description: string };
  options: { idempotencyKey: string };
};

/**
 * What we send Stripe for one payment: the amount in cents, US dollars, card only, and our payment
 * id as the only metadata (no names, no visits: Stripe is not a business associate for PHI here).
 * The Idempotency-Key the page sent is Stripe's idempotency key too, so a retry can never create a
 * second PaymentIntent.
 */
export function buildPaymentIntentRequest(payment: GatewayPayment): PaymentIntentRequest {
  if (!Number.isInteger(payment.amountCents) || payment.amountCents <= 0) throw new Error('amountCents must be a positive integer');
  return {
    params: { amount: payment.amountCents, currency: 'usd', payment_method_types: ['card'], metadata: { paymentId: payment.id }, description: 'OurChart payment' },
    options: { idempotencyKey: payment.idempotencyKey },
  };
}

const UNREACHABLE = 'We could not reach the card service. Nothing was charged. Try again in a few minutes, or pay at the front desk.';

/** The Stripe gateway (PaymentIntents). */
export function createStripeGateway(secretKey: string): PaymentGateway {
  const stripe = new Stripe(secretKey, { maxNetworkRetries: 2, timeout: 15_000 });
  return {
    name: 'stripe',
    async start(payment: GatewayPayment): Promise<GatewayStart> {
      const { params, options } = buildPaymentIntentRequest(payment);
      try {
        const intent = await stripe.paymentIntents.create(params, options);
        return { gatewayRef: intent.id, clientSecret: intent.client_secret };
      } catch (err) {
        throw new AppError('NOT_READY', UNREACHABLE, { cause: err });
      }
    },
    async resume(gatewayRef: string | null): Promise<GatewayStart> {
      if (!gatewayRef) return { gatewayRef: null, clientSecret: null };
      try {
        const intent = await stripe.paymentIntents.retrieve(gatewayRef);
        return { gatewayRef, clientSecret: intent.status === 'succeeded' || intent.status === 'canceled' ? null : intent.client_secret };
      } catch (err) {
        throw new AppError('NOT_READY', UNREACHABLE, { cause: err });
      }
    },
  };
}

/** The parts of a verified event we act on. */
export type VerifiedStripeEvent = { id: string; type: string; paymentIntentId: string | null; paymentId: string | null; amount: number | null };

/** Only signatures are checked here (the secret key is not needed to verify). */
const verifier = new Stripe('sk_verify_only');

/**
 * Verifies a webhook (Stripe-Signature over the RAW body, with the endpoint's signing secret and
 * Stripe's default 5-minute tolerance) and returns the event, or VALIDATION (400) for a missing
 * or bad signature: nothing is applied.
 */
export function verifyStripeEvent(rawBody: Buffer | string, signature: string | undefined, webhookSecret: string): VerifiedStripeEvent {
  if (!signature) throw new AppError('VALIDATION', 'Missing the Stripe-Signature header.');
  let event: Stripe.Event;
  try {
    event = verifier.webhooks.constructEvent(rawBody, signature, webhookSecret);
  } catch {
    throw new AppError('VALIDATION', 'The Stripe signature is not valid.');
  }
  const object = event.data?.object as { object?: string; id?: string; amount?: number; metadata?: Record<string, string> } | undefined;
  const isIntent = object?.object === 'payment_intent';
  return {
    id: event.id, type: event.type,
    paymentIntentId: isIntent ? object.id ?? null : null,
    paymentId: isIntent ? object.metadata?.paymentId ?? null : null,
    amount: isIntent && typeof object.amount === 'number' ? object.amount : null,
  };
}
