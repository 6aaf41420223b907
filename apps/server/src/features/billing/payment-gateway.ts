import type { Config } from '../../config.ts';
import { createStripeGateway } from './stripe-gateway.ts';

/** What a gateway needs to start collecting one payment (no PHI: an id and an amount). */
export type GatewayPayment = { id: string; amountCents: number; idempotencyKey: string };

/** How the patient finishes paying: clientSecret for the card element, or nothing (the front desk). */
export type GatewayStart = { gatewayRef: string | null; clientSecret: string | null };

/**
 * Where money is collected. Two implementations:
 * - offline: the patient pays at the front desk (card on file, cash, check); the payment waits,
 *   pending, until staff post it (staff-billing.service.ts). Nothing to call.
 * - stripe: a PaymentIntent the page confirms with Stripe's card element; the signed webhook
 *   (stripe-webhook.ts) turns it into succeeded or failed.
 */
export interface PaymentGateway {
  readonly name: 'offline' | 'stripe';
  /** Starts collecting; called before the payment row is written, with the payment's future id. */
  start(payment: GatewayPayment): Promise<GatewayStart>;
  /** For a retried request (same Idempotency-Key): how to finish the payment already started. */
  resume(gatewayRef: string | null): Promise<GatewayStart>;
}

export const offlineGateway: PaymentGateway = {
  name: 'offline',
  start: async () => ({ gatewayRef: null, clientSecret: null }),
  resume: async () => ({ gatewayRef: null, clientSecret: null }),
};

let stripeGateway: { key: string; gateway: PaymentGateway } | undefined;

/** The gateway for a payment method: card → Stripe (when configured), front desk → offline. Undefined when card payments are off. */
export function gatewayFor(config: Pick<Config, 'stripe'>, method: 'card' | 'front-desk'): PaymentGateway | undefined {
  if (method === 'front-desk') return offlineGateway;
  if (!config.stripe) return undefined;
  if (stripeGateway?.key !== config.stripe.secretKey) stripeGateway = { key: config.stripe.secretKey, gateway: createStripeGateway(config.stripe.secretKey) };
  return stripeGateway.gateway;
}
