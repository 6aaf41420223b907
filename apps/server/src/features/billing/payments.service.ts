import { createHash, randomUUID } from 'node:crypto';
import type { BillingSummary, PayResponse, PaymentMethod } from '@ourchart/contracts';
import type { AppContext } from '../../context.ts';
import type { PatientAccess } from '../../platform/access/patient-access.ts';
import { patientAudience } from '../../platform/access/proxy-grants.ts';
import type { Queryable } from '../../platform/db/db.ts';
import { assertValidResource } from '../../platform/fhir-store/validate.ts';
import { writeResources } from '../../platform/fhir-store/write.ts';
import { AppError } from '../../platform/http/errors.ts';
import { enqueueMail } from '../../platform/mail/outbox.ts';
import { notifyPatient } from '../../platform/notifications/notifications.ts';
import { allocate, planChoices, PLAN_RULES, toCents, toDollars, type VisitBalance } from './billing-math.ts';
import {
  adjustedByClaim, allocatedByClaim, findByKey, insertAllocations, insertPayment, lockPatientBilling, markSucceeded, nextReceiptNumber, paperlessOf,
  paymentTotals, paymentsOf, type NewPayment, type PaymentRow,
} from './billing.queries.ts';
import { gatewayFor } from './payment-gateway.ts';
import { activePlanView, completePlanIfPaid } from './plans.service.ts';
import { billingRecipients, paymentResources, receiptEmail, type Clinic } from './receipts.ts';
import { auditBilling, balanceOf, owedBeforePortal, paymentView, refuseOver, type Deps } from './account.ts';
import { balancesBefore, readRecordBilling, withPayments } from './statements.ts';

/** GET /api/billing: statements, balance, payments, plan, preferences. */
export async function billingSummary({ ctx, access }: Deps): Promise<BillingSummary> {
  await access.require('billing');
  const record = await readRecordBilling(access);
  const [payments, allocated, adjusted, paperless, totals] = await Promise.all([
    paymentsOf(ctx.db, access.patientId), allocatedByClaim(ctx.db, access.patientId), adjustedByClaim(ctx.db, access.patientId),
    paperlessOf(ctx.db, access.patientId), paymentTotals(ctx.db, access.patientId),
  ]);
  const statements = withPayments(record.visits, allocated, adjusted);
  const { balanceCents, pendingCents, maxPaymentCents } = balanceOf(owedBeforePortal(record), totals);
  const plan = await activePlanView(ctx.db, access.patientId);
  const dueDates = statements.filter((s) => s.status === 'due' && s.dueDate).map((s) => s.dueDate!).sort();
  await auditBilling(ctx, access, 'read', null, 'part=billing-summary');
  return {
    patient: { id: access.patientId, name: record.patientName }, guarantor: record.guarantor,
    balanceDue: toDollars(balanceCents), pendingAmount: toDollars(pendingCents), maxPayment: toDollars(maxPaymentCents),
    dueDate: balanceCents > 0 ? dueDates[0] ?? null : null, paperless,
    stripe: ctx.config.stripe ? { publishableKey: ctx.config.stripe.publishableKey } : null,
    plan, planRules: PLAN_RULES, planChoices: plan ? [] : planChoices(maxPaymentCents),
    statements, payments: payments.map(paymentView),
  };
}

const SAME_KEY_OTHER_PAYMENT = 'This payment was already sent with a different amount or way to pay. Reload the page and try again.';

/**
 * POST /api/billing/payments: pay all or part of the balance, by card (Stripe) or at the front
 * desk. The Idempotency-Key makes retries safe: the same key returns the same payment (a unique
 * index decides between racing requests). The amount may not exceed the balance minus payments
 * already waiting; the check is repeated under a per-patient lock inside the transaction that
 * inserts the payment, so two different payments cannot together overpay.
 */
export async function pay({ ctx, access }: Deps, input: { amount: number; method: 'card' | 'front-desk' }, key: string): Promise<PayResponse> {
  await access.require('billing');
  const amountCents = toCents(input.amount);
  // The same patient and key always give the same payment id, so racing retries send Stripe identical requests.
  const id = paymentIdFor(access.patientId, key);
  const replay = async (existing: PaymentRow): Promise<PayResponse> => {
    const sameMethod = input.method === 'card' ? existing.method === 'card' : existing.gateway === 'offline';
    if (existing.amountCents !== amountCents || !sameMethod) throw new AppError('VERSION_CONFLICT', SAME_KEY_OTHER_PAYMENT);
    const gateway = gatewayFor(ctx.config, input.method);
    const resumed = existing.status === 'pending' && gateway ? await gateway.resume(existing.gatewayRef) : { clientSecret: null };
    return { payment: paymentView(existing), clientSecret: resumed.clientSecret };
  };
  const earlier = await findByKey(ctx.db, access.patientId, key);
  if (earlier) return replay(earlier);
  const gateway = gatewayFor(ctx.config, input.method);
  if (!gateway) throw new AppError('VALIDATION', 'Card payments are not available. Choose "Pay at the front desk".', { errors: [{ path: 'method', message: 'Card payments are not available. Choose "Pay at the front desk".' }] });

  const owed = owedBeforePortal(await readRecordBilling(access));
  const check = async (q: Queryable) => {
    const { maxPaymentCents } = balanceOf(owed, await paymentTotals(q, access.patientId));
    if (amountCents > maxPaymentCents) throw refuseOver(maxPaymentCents);
  };
  await check(ctx.db);
  const started = await gateway.start({ id, amountCents, idempotencyKey: key });
  const method: PaymentMethod = input.method === 'card' ? 'card' : 'front-desk';
  const outcome = await ctx.db.transaction(async (tx) => {
    await lockPatientBilling(tx, access.patientId);
    const raced = await findByKey(tx, access.patientId, key);
    if (raced) return { raced };
    await check(tx);
    const row = await insertPayment(tx, { id, patientId: access.patientId, idempotencyKey: key, amountCents, method, gateway: gateway.name, gatewayRef: started.gatewayRef, requestedBy: access.actor.userId });
    return row ? { row } : { raced: (await findByKey(tx, access.patientId, key))! };
  });
  if (outcome.raced) return replay(outcome.raced);
  await auditBilling(ctx, access, 'create', id, `payment=${method};gateway=${gateway.name}`);
  return { payment: paymentView(outcome.row!), clientSecret: started.clientSecret };
}

/** A UUID derived from the patient and the Idempotency-Key. */
export function paymentIdFor(patientId: string, key: string): string {
  const h = createHash('sha256').update(`${patientId}\n${key}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** What applying a succeeded payment needs that must be read before the transaction (PGlite: one connection). */
export type SuccessContext = { visits: VisitBalance[]; clinic: Clinic };

/** Reads the visits' balances before portal payments and the clinic, through PatientAccess. */
export async function successContext(access: PatientAccess): Promise<SuccessContext> {
  const record = await readRecordBilling(access);
  return { visits: balancesBefore(record.visits), clinic: record.clinic };
}

/**
 * Applies a succeeded payment, in the caller's transaction: receipt number, status, allocation to
 * visits (oldest first, after what earlier payments and financial help took), the FHIR PaymentReconciliation and
 * PaymentNotice, the in-app notification and the receipt email to everyone who sees the bills.
 * All of it commits together or not at all. Refuses (409) a payment that is no longer pending.
 */
export async function applySucceeded(ctx: AppContext, tx: Queryable, payment: PaymentRow, s: SuccessContext & { method: PaymentMethod; reference: string | null; postedBy: string | null }): Promise<PaymentRow> {
  await lockPatientBilling(tx, payment.patientId);
  const receiptNumber = await nextReceiptNumber(tx);
  const done = await markSucceeded(tx, payment.id, { method: s.method, reference: s.reference, postedBy: s.postedBy, receiptNumber });
  if (!done) throw new AppError('VERSION_CONFLICT', 'This payment was already posted or canceled. Reload the list.');
  const [taken, helped] = [await allocatedByClaim(tx, payment.patientId), await adjustedByClaim(tx, payment.patientId)];
  const left = s.visits.map((v) => ({ ...v, balanceCents: v.balanceCents - (taken.get(v.id) ?? 0) - (helped.get(v.id) ?? 0) }));
  const allocations = allocate(left, done.amountCents);
  await insertAllocations(tx, done.id, allocations);
  const succeeded = { id: done.id, patientId: done.patientId, amountCents: done.amountCents, receiptNumber, postedAt: done.postedAt!, method: s.method };
  const resources = paymentResources(succeeded, allocations, s.clinic);
  for (const r of resources) assertValidResource(r);
  await writeResources(tx, resources.map((resource) => ({ kind: 'put' as const, resource })), ctx.keyring);
  await completePlanIfPaid(tx, done.patientId);
  await notifyPatient(tx, done.patientId, { kind: 'payment-received', entityType: 'PaymentReconciliation', entityId: done.id });
  const audience = await patientAudience(tx, done.patientId, 'billing');
  for (const r of await billingRecipients(tx, audience)) {
    await enqueueMail(tx, ctx.keyring, receiptEmail(r.email, r.locale, succeeded, s.clinic.name, `${ctx.config.publicUrl}/billing`));
  }
  return done;
}

/** Creates a payment row in the caller's transaction and returns it (staff walk-ins, plan instalments). */
export async function createPayment(tx: Queryable, p: Omit<NewPayment, 'id'>): Promise<PaymentRow | undefined> {
  return insertPayment(tx, { ...p, id: randomUUID() });
}
