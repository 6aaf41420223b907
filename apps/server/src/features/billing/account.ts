import type { PaymentView } from '@ourchart/contracts';
import type { AppContext } from '../../context.ts';
import type { PatientAccess } from '../../platform/access/patient-access.ts';
import { AppError } from '../../platform/http/errors.ts';
import { formatUsd, toDollars } from './billing-math.ts';
import type { PaymentRow } from './billing.queries.ts';
import { balancesBefore, type RecordBilling } from './statements.ts';

/** The balance rules shared by payments, plans and the staff side. */

export type Deps = { ctx: AppContext; access: PatientAccess };

/** A payment as the patient sees it. */
export function paymentView(p: PaymentRow): PaymentView {
  return {
    id: p.id, createdAt: p.createdAt, amount: toDollars(p.amountCents), method: p.method, status: p.status,
    receiptNumber: p.receiptNumber, postedAt: p.postedAt, planInstalment: p.planInstalment, reason: p.reason,
  };
}

/** What a patient owes from the record, before portal payments, in cents. */
export const owedBeforePortal = (record: RecordBilling): number => balancesBefore(record.visits).reduce((a, v) => a + v.balanceCents, 0);

/**
 * Balance and what can be paid now, from the record, the payment totals and the adjustments
 * (financial help, migration 0021): owed - succeeded payments - adjustments; pending payments are
 * reserved (they lower what can be paid now, not the balance).
 */
export function balanceOf(owedCents: number, totals: { succeededCents: number; pendingCents: number; adjustedCents?: number }) {
  const balanceCents = Math.max(0, owedCents - totals.succeededCents - (totals.adjustedCents ?? 0));
  return { balanceCents, pendingCents: totals.pendingCents, maxPaymentCents: Math.max(0, balanceCents - totals.pendingCents) };
}

/** The overpayment refusal: names the most the patient can pay now. */
export function refuseOver(maxPaymentCents: number): AppError {
  const message = maxPaymentCents > 0
    ? `You can pay at most ${formatUsd(maxPaymentCents)} now. Enter ${formatUsd(maxPaymentCents)} or less.`
    : 'There is nothing to pay right now. Payments waiting at the front desk are already counted.';
  return new AppError('VALIDATION', message, { errors: [{ path: 'amount', message }] });
}

/** Audits a billing action on the record in context (the record reads themselves are audited by PatientAccess). */
export async function auditBilling(ctx: AppContext, access: PatientAccess, action: string, entityId: string | null, query: string) {
  await ctx.audit.record({
    actorId: access.actor.userId, actorRole: access.actor.role, patientId: access.patientId, action, entityType: 'PaymentReconciliation', entityId,
    query, outcome: 'success', ip: access.actor.ip ?? null, requestId: access.actor.requestId ?? null,
  });
}

