import type { AppContext } from '../../context.ts';
import { PatientAccess } from '../../platform/access/patient-access.ts';
import { AppError } from '../../platform/http/errors.ts';
import { findByGatewayRef, findPayment, markEnded, rememberStripeEvent } from './billing.queries.ts';
import { applySucceeded, successContext } from './payments.service.ts';
import { verifyStripeEvent } from './stripe-gateway.ts';

/** The events the endpoint acts on (subscribe to these in the Stripe dashboard; see docs/billing.md). */
export const STRIPE_EVENTS = ['payment_intent.succeeded', 'payment_intent.payment_failed', 'payment_intent.canceled'] as const;

const FAILED = 'The card was not accepted, so nothing was charged. Try another card or pay at the front desk.';
const CANCELED = 'The card payment was stopped before it was charged.';

/** The billing system acting on a verified Stripe event: audited under this actor, as the clinic (not a proxy). */
const SYSTEM_ACTOR = { userId: 'stripe-webhook', role: 'system' };

export type WebhookOutcome = { received: true; applied: boolean };

/**
 * POST /api/billing/stripe/webhook. The signature over the raw body is checked first (400 and
 * nothing changes when it is missing or wrong). Each event id is stored in the same transaction
 * as its effect, so a replayed or retried event is applied once. payment_intent.succeeded runs the
 * common success path (receipt, allocation, FHIR, email, notice); payment_failed and canceled end
 * the payment and leave the balance as it was. Events about unknown intents are acknowledged.
 */
export async function handleStripeWebhook(ctx: AppContext, rawBody: Buffer | string, signature: string | undefined, requestId: string): Promise<WebhookOutcome> {
  if (!ctx.config.stripe) throw new AppError('NOT_FOUND', 'Card payments are not set up on this server.');
  const event = verifyStripeEvent(rawBody, signature, ctx.config.stripe.webhookSecret);
  if (!(STRIPE_EVENTS as readonly string[]).includes(event.type) || !event.paymentIntentId) return { received: true, applied: false };
  const payment = (await findByGatewayRef(ctx.db, event.paymentIntentId)) ?? (event.paymentId ? await findPayment(ctx.db, event.paymentId) : undefined);
  const seen = await ctx.db.query('SELECT 1 FROM billing_stripe_events WHERE id = $1', [event.id]);
  if (seen.length > 0) return { received: true, applied: false };
  if (!payment || payment.gateway !== 'stripe' || payment.status !== 'pending' || (event.amount !== null && event.amount !== payment.amountCents)) {
    await ctx.db.transaction((tx) => rememberStripeEvent(tx, event.id, event.type, payment?.id ?? null));
    return { received: true, applied: false };
  }
  if (event.type === 'payment_intent.succeeded') {
    const access = new PatientAccess({ store: ctx.store, audit: ctx.audit, actor: { ...SYSTEM_ACTOR, requestId }, patientId: payment.patientId, relationship: 'care-team' });
    const context = await successContext(access);
    const applied = await ctx.db.transaction(async (tx) => {
      if (!(await rememberStripeEvent(tx, event.id, event.type, payment.id))) return false;
      const current = await findPayment(tx, payment.id, { forUpdate: true });
      if (current?.status !== 'pending') return false;
      await applySucceeded(ctx, tx, current, { ...context, method: 'card', reference: null, postedBy: null });
      return true;
    });
    return { received: true, applied };
  }
  const applied = await ctx.db.transaction(async (tx) => {
    if (!(await rememberStripeEvent(tx, event.id, event.type, payment.id))) return false;
    const ended = await markEnded(tx, payment.id, event.type === 'payment_intent.canceled' ? 'canceled' : 'failed', event.type === 'payment_intent.canceled' ? CANCELED : FAILED, null);
    return ended !== undefined;
  });
  return { received: true, applied };
}
