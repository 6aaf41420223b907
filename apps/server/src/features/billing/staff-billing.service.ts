import type { PostPaymentRequest, StaffPatientBalance, StaffPayment, StaffPaymentQueue } from '@ourchart/contracts';
import type { AppContext } from '../../context.ts';
import type { PatientAccess } from '../../platform/access/patient-access.ts';
import { careTeamPatientIds, isOnCareTeam } from '../../platform/access/staff-care-team.ts';
import type { User } from '../../platform/auth/users.ts';
import { AppError } from '../../platform/http/errors.ts';
import { patientDisplayName } from '../../platform/fhir-store/display.ts';
import { toCents, toDollars } from './billing-math.ts';
import { balanceOf, owedBeforePortal, paymentView, refuseOver } from './account.ts';
import { findPayment, lockPatientBilling, markEnded, paymentTotals, pendingPayments, recentPayments, userNames, type PaymentRow } from './billing.queries.ts';
import { applySucceeded, createPayment, successContext } from './payments.service.ts';
import { readRecordBilling } from './statements.ts';

/** Who works the payment queue: the front desk and the billing office. */
export const BILLING_STAFF_ROLES = ['staff', 'admin'] as const;

export type OpenRecord = (patientId: string, options?: { careTeamOnly?: boolean }) => Promise<PatientAccess>;
export type StaffDeps = { ctx: AppContext; user: User; client: { ip: string; requestId: string }; open: OpenRecord };

const NOT_FOUND = 'We could not find that payment.';
const LISTED = 200;

async function audit({ ctx, user, client }: StaffDeps, a: { action: string; patientId: string | null; entityId: string | null; query: string; outcome?: 'success' | 'denied' | 'not-found' }) {
  await ctx.audit.record({
    actorId: user.id, actorRole: user.role, patientId: a.patientId, action: a.action, entityType: 'PaymentReconciliation', entityId: a.entityId,
    query: a.query, outcome: a.outcome ?? 'success', ip: client.ip, requestId: client.requestId,
  });
}

async function staffView(deps: StaffDeps, rows: PaymentRow[], names: Map<string, string>): Promise<StaffPayment[]> {
  const people = await userNames(deps.ctx.db, rows.flatMap((r) => [r.requestedBy, r.postedBy].filter((x): x is string => !!x)));
  return rows.map((r) => ({
    ...paymentView(r), patientId: r.patientId, patientName: names.get(r.patientId) ?? '',
    requestedBy: r.planId && !r.requestedBy ? 'Payment plan' : people.get(r.requestedBy ?? '') ?? '', reference: r.reference,
  }));
}

/** Patient names, each record opened through staff access (care team only; audited). */
async function patientNames(deps: StaffDeps, patientIds: string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const id of new Set(patientIds)) {
    if (!(await isOnCareTeam(deps.ctx.store, deps.user, id))) continue;
    const access = await deps.open(id, { careTeamOnly: true });
    names.set(id, patientDisplayName(await access.readPatient()));
  }
  return names;
}

/** GET /api/staff/billing/payments: front-desk payments waiting to be posted (oldest first) and the latest done. */
export async function paymentQueue(deps: StaffDeps): Promise<StaffPaymentQueue> {
  const patients = await careTeamPatientIds(deps.ctx.store, deps.user);
  const [pending, recent] = await Promise.all([pendingPayments(deps.ctx.db, patients, LISTED), recentPayments(deps.ctx.db, patients, 50)]);
  const names = await patientNames(deps, [...pending, ...recent].map((p) => p.patientId));
  const shown = (r: PaymentRow) => names.has(r.patientId);
  const pendingViews = await staffView(deps, pending.filter(shown), names);
  await audit(deps, { action: 'search', patientId: null, entityId: null, query: 'billing-payments' });
  return {
    pending: pendingViews.map((p) => ({
      paymentId: p.id, patientId: p.patientId, patientName: p.patientName, amount: p.amount, method: p.method,
      requestedAt: p.createdAt, requestedBy: p.requestedBy, planInstalment: p.planInstalment,
    })),
    recent: await staffView(deps, recent.filter(shown), names),
  };
}

export type PostableTarget = { payment: PaymentRow; access: PatientAccess };

/** A payment staff may act on: it exists and its patient is on their care team. Otherwise 404 (audited), before the body is read. */
export async function findStaffPayment(deps: StaffDeps, paymentId: string): Promise<PostableTarget> {
  const payment = await findPayment(deps.ctx.db, paymentId);
  if (!payment || !(await isOnCareTeam(deps.ctx.store, deps.user, payment.patientId))) {
    await audit(deps, { action: 'update', patientId: payment?.patientId ?? null, entityId: paymentId, query: 'billing-payment', outcome: payment ? 'denied' : 'not-found' });
    throw new AppError('NOT_FOUND', NOT_FOUND);
  }
  return { payment, access: await deps.open(payment.patientId, { careTeamOnly: true }) };
}

const ALREADY = 'This payment was already posted or canceled. Reload the list.';

async function single(deps: StaffDeps, access: PatientAccess, row: PaymentRow): Promise<StaffPayment> {
  const names = new Map([[access.patientId, patientDisplayName(await access.readPatient())]]);
  return (await staffView(deps, [row], names))[0]!;
}

/** POST .../:paymentId/post: the patient paid at the front desk; the payment succeeds (receipt, FHIR, email, notice). */
export async function postPayment(deps: StaffDeps, target: PostableTarget, input: { method: PostPaymentRequest['method']; reference?: string | undefined }): Promise<StaffPayment> {
  if (target.payment.status !== 'pending' || target.payment.gateway !== 'offline') throw new AppError('VERSION_CONFLICT', ALREADY);
  const context = await successContext(target.access);
  const done = await deps.ctx.db.transaction((tx) => applySucceeded(deps.ctx, tx, target.payment, { ...context, method: input.method, reference: input.reference ?? null, postedBy: deps.user.id }));
  await audit(deps, { action: 'update', patientId: done.patientId, entityId: done.id, query: `billing-payment;post;method=${input.method}` });
  return single(deps, target.access, done);
}

/** POST .../:paymentId/cancel: the patient did not pay; the reservation ends, the balance is unchanged. */
export async function cancelPayment(deps: StaffDeps, target: PostableTarget, reason: string): Promise<StaffPayment> {
  if (target.payment.gateway !== 'offline') throw new AppError('VERSION_CONFLICT', ALREADY);
  const done = await deps.ctx.db.transaction((tx) => markEnded(tx, target.payment.id, 'canceled', reason, deps.user.id));
  if (!done) throw new AppError('VERSION_CONFLICT', ALREADY);
  await audit(deps, { action: 'update', patientId: done.patientId, entityId: done.id, query: 'billing-payment;cancel' });
  return single(deps, target.access, done);
}

/** GET /api/staff/billing/patients/:patientId: what a walk-in payment can be. */
export async function staffPatientBalance(deps: StaffDeps, patientId: string): Promise<StaffPatientBalance> {
  const access = await deps.open(patientId, { careTeamOnly: true });
  const record = await readRecordBilling(access);
  const b = balanceOf(owedBeforePortal(record), await paymentTotals(deps.ctx.db, patientId));
  return { patientId, patientName: record.patientName, balanceDue: toDollars(b.balanceCents), pendingAmount: toDollars(b.pendingCents), maxPayment: toDollars(b.maxPaymentCents) };
}

/** POST /api/staff/billing/payments: a walk-in payment recorded and posted at once (one transaction). */
export async function recordWalkIn(deps: StaffDeps, input: { patientId: string; amount: number; method: PostPaymentRequest['method']; reference?: string | undefined }): Promise<StaffPayment> {
  const access = await deps.open(input.patientId, { careTeamOnly: true });
  const context = await successContext(access);
  const owed = context.visits.reduce((a, v) => a + v.balanceCents, 0);
  const amountCents = toCents(input.amount);
  const done = await deps.ctx.db.transaction(async (tx) => {
    await lockPatientBilling(tx, input.patientId);
    const { maxPaymentCents } = balanceOf(owed, await paymentTotals(tx, input.patientId));
    if (amountCents > maxPaymentCents) throw refuseOver(maxPaymentCents);
    const row = await createPayment(tx, { patientId: input.patientId, idempotencyKey: null, amountCents, method: input.method, gateway: 'offline', reference: input.reference ?? null, requestedBy: deps.user.id });
    return applySucceeded(deps.ctx, tx, row!, { ...context, method: input.method, reference: input.reference ?? null, postedBy: deps.user.id });
  });
  await audit(deps, { action: 'create', patientId: done.patientId, entityId: done.id, query: `billing-payment;walk-in;method=${input.method}` });
  return single(deps, access, done);
}
