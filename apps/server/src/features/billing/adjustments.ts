import type { PatientAccess } from '../../platform/access/patient-access.ts';
import type { Queryable } from '../../platform/db/db.ts';
import { allocate, discountShares, shrinkFromLast, type Allocation, type VisitBalance } from './billing-math.ts';
import { adjustedByClaim, allocatedByClaim, insertAdjustments, lockPatientBilling, paymentTotals } from './billing.queries.ts';
import { completePlanIfPaid, findPlan, paidSince, scheduleOf } from './plans.service.ts';
import { balancesBefore, readRecordBilling } from './statements.ts';

/*
 * Financial help (issue 8 follow-up): an approved assistance discount comes off what the patient
 * owes, as adjustment rows per visit (migration 0021), never as a payment.
 *
 * The rules, in one place:
 * - Base: what each visit owes at the moment of approval = the record's balance - succeeded portal
 *   payments allocated to it - earlier financial help. Payments still pending stay reserved: they
 *   are set aside first, oldest visit first (the way they will be allocated when they succeed),
 *   and the discount is taken of what is left. So a pending payment never ends up larger than the
 *   balance. (If that pending payment is later canceled, the part it reserved keeps its full price.)
 * - Rounding: discountShares in billing-math.ts (total rounded half up; per visit largest remainder).
 * - An active payment plan keeps its schedule and due dates; its last instalments shrink by the
 *   help that falls on what the plan still has to collect (instalments already turned into a
 *   front-desk payment are left alone). A plan the help pays off entirely ends as completed.
 */

/** What approving needs that is read from the record before the transaction (PGlite: one connection). */
export type HelpContext = { patientId: string; visits: VisitBalance[] };

/** Reads each visit's balance before portal payments, through PatientAccess (audited). */
export async function financialHelpContext(access: PatientAccess): Promise<HelpContext> {
  return { patientId: access.patientId, visits: balancesBefore((await readRecordBilling(access)).visits) };
}

/**
 * Records the financial-help adjustment of an approved application, in the caller's transaction
 * (the one that records the decision), under the patient's billing lock. Returns the lines written.
 */
export async function applyFinancialHelp(tx: Queryable, help: HelpContext, a: { applicationId: string; percent: number; approvedBy: string }): Promise<Allocation[]> {
  const { patientId } = help;
  await lockPatientBilling(tx, patientId);
  const taken = await allocatedByClaim(tx, patientId);
  const helped = await adjustedByClaim(tx, patientId);
  const { pendingCents } = await paymentTotals(tx, patientId);
  const open = help.visits.map((v) => ({ ...v, balanceCents: Math.max(0, v.balanceCents - (taken.get(v.id) ?? 0) - (helped.get(v.id) ?? 0)) }));
  const reserved = new Map(allocate(open, pendingCents).map((r) => [r.claimId, r.amountCents]));
  const base = open.map((v) => ({ ...v, balanceCents: v.balanceCents - (reserved.get(v.id) ?? 0) }));
  const lines = discountShares(base, a.percent);
  await insertAdjustments(tx, { patientId, applicationId: a.applicationId, percent: a.percent, createdBy: a.approvedBy }, lines);
  await shrinkActivePlan(tx, patientId, lines.reduce((s, l) => s + l.amountCents, 0));
  return lines;
}

/** The active plan's last instalments shrink by the help (capped at what the plan has left to collect beyond payments already waiting). */
async function shrinkActivePlan(tx: Queryable, patientId: string, helpCents: number): Promise<void> {
  const plan = await findPlan(tx, { activeFor: patientId });
  if (!plan || helpCents <= 0) return;
  const rows = await tx.query<{ n: number }>('SELECT n FROM billing_plan_instalments WHERE plan_id = $1 AND payment_id IS NOT NULL', [plan.id]);
  const fixed = new Set(rows.map((r) => r.n));
  const [waiting] = await tx.query<{ cents: string | number | null }>(
    `SELECT sum(amount_cents) AS cents FROM billing_payments WHERE plan_id = $1 AND status = 'pending'`, [plan.id]);
  const paid = await paidSince(tx, plan);
  const reduction = Math.min(helpCents, Math.max(0, plan.totalCents - paid - Number(waiting?.cents ?? 0)));
  if (reduction <= 0) return;
  const schedule = await scheduleOf(tx, plan.id);
  const after = shrinkFromLast(schedule, reduction, fixed);
  const newTotal = plan.totalCents - reduction;
  for (const s of schedule) {
    const kept = after.find((x) => x.n === s.n);
    // A dropped instalment's queued jobs find no instalment and do nothing (plan-jobs.ts).
    if (!kept) await tx.query('DELETE FROM billing_plan_instalments WHERE plan_id = $1 AND n = $2', [plan.id, s.n]);
    else if (kept.amountCents !== s.amountCents) await tx.query('UPDATE billing_plan_instalments SET amount_cents = $3 WHERE plan_id = $1 AND n = $2', [plan.id, s.n, kept.amountCents]);
  }
  if (newTotal > 0) {
    await tx.query('UPDATE billing_plans SET total_cents = $2 WHERE id = $1', [plan.id, newTotal]);
    await completePlanIfPaid(tx, patientId);
  } else {
    // Nothing was paid on it and the help covers all of it (total_cents must stay > 0: it keeps the original total).
    await tx.query(`UPDATE billing_plans SET status = 'completed', ended_at = now() WHERE id = $1 AND status = 'active'`, [plan.id]);
  }
}
