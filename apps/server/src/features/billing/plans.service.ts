import { randomUUID } from 'node:crypto';
import type { PaymentPlan } from '@ourchart/contracts';
import type { Queryable } from '../../platform/db/db.ts';
import { AppError } from '../../platform/http/errors.ts';
import { enqueueJob } from '../../platform/jobs/queue.ts';
import { instalmentStatuses, planRefusal, planSchedule, toDollars, type ScheduledInstalment } from './billing-math.ts';
import { lockPatientBilling, markEnded, paymentTotals } from './billing.queries.ts';
import { auditBilling, balanceOf, owedBeforePortal, type Deps } from './account.ts';
import { readRecordBilling } from './statements.ts';

/** Job kinds (handlers in plan-jobs.ts) and their deterministic keys: one reminder and one due date per instalment. */
export const PLAN_REMINDER_JOB = 'billing-plan-reminder';
export const PLAN_DUE_JOB = 'billing-plan-due';
export const planJobKey = (kind: 'reminder' | 'due', planId: string, n: number) => `billing-plan:${planId}:${n}:${kind}`;
/** Reminders go out this many days before a due date; jobs run at 14:00 UTC (morning in the US). */
export const REMINDER_DAYS_BEFORE = 3;
const RUN_HOUR_UTC = 14;
export const runAtOf = (day: string, daysBefore = 0) => new Date(Date.parse(`${day}T${String(RUN_HOUR_UTC).padStart(2, '0')}:00:00Z`) - daysBefore * 86_400_000);

export type PlanRow = { id: string; patientId: string; totalCents: number; months: number; status: PaymentPlan['status']; clinicName: string; createdAt: string };
type RawPlan = { id: string; patient_id: string; total_cents: number; months: number; status: PaymentPlan['status']; clinic_name: string; created_at: Date | string };
const toPlan = (r: RawPlan): PlanRow => ({ id: r.id, patientId: r.patient_id, totalCents: Number(r.total_cents), months: r.months, status: r.status, clinicName: r.clinic_name, createdAt: new Date(r.created_at).toISOString() });

export async function findPlan(db: Queryable, where: { id?: string; activeFor?: string }): Promise<PlanRow | undefined> {
  if (where.id && !/^[0-9a-f-]{36}$/i.test(where.id)) return undefined;
  const [row] = where.id
    ? await db.query<RawPlan>('SELECT * FROM billing_plans WHERE id = $1', [where.id])
    : await db.query<RawPlan>(`SELECT * FROM billing_plans WHERE patient_id = $1 AND status = 'active'`, [where.activeFor]);
  return row && toPlan(row);
}

export async function scheduleOf(db: Queryable, planId: string): Promise<ScheduledInstalment[]> {
  const rows = await db.query<{ n: number; due_date: Date | string; amount_cents: number }>('SELECT n, due_date, amount_cents FROM billing_plan_instalments WHERE plan_id = $1 ORDER BY n', [planId]);
  return rows.map((r) => ({ n: r.n, dueDate: typeof r.due_date === 'string' ? r.due_date.slice(0, 10) : r.due_date.toISOString().slice(0, 10), amountCents: Number(r.amount_cents) }));
}

/** Cents of succeeded payments since the plan started: they reduce what is left on it. */
export async function paidSince(db: Queryable, plan: PlanRow): Promise<number> {
  const [row] = await db.query<{ cents: string | number | null }>(
    `SELECT sum(amount_cents) AS cents FROM billing_payments WHERE patient_id = $1 AND status = 'succeeded' AND posted_at >= $2`, [plan.patientId, plan.createdAt]);
  return Number(row?.cents ?? 0);
}

const today = () => new Date().toISOString().slice(0, 10);

export async function planView(db: Queryable, plan: PlanRow): Promise<PaymentPlan> {
  const schedule = await scheduleOf(db, plan.id);
  const paid = await paidSince(db, plan);
  const statuses = instalmentStatuses(schedule, paid, today());
  return {
    id: plan.id, createdAt: plan.createdAt, total: toDollars(plan.totalCents), months: plan.months,
    remaining: toDollars(Math.max(0, plan.totalCents - paid)), status: plan.status,
    instalments: schedule.map((s, i) => ({ n: s.n, dueDate: s.dueDate, amount: toDollars(s.amountCents), status: statuses[i]! })),
  };
}

/** The patient's active plan, or null. */
export async function activePlanView(db: Queryable, patientId: string): Promise<PaymentPlan | null> {
  const plan = await findPlan(db, { activeFor: patientId });
  return plan ? planView(db, plan) : null;
}

/** Marks the active plan completed once payments since it started cover it (in the payment's transaction). */
export async function completePlanIfPaid(tx: Queryable, patientId: string): Promise<void> {
  const plan = await findPlan(tx, { activeFor: patientId });
  if (plan && (await paidSince(tx, plan)) >= plan.totalCents) {
    await tx.query(`UPDATE billing_plans SET status = 'completed', ended_at = now() WHERE id = $1 AND status = 'active'`, [plan.id]);
  }
}

const HAS_PLAN = 'You already have a payment plan. To make a new one, cancel the current plan first.';

/**
 * POST /api/billing/plans: splits what is left to pay (balance minus payments already waiting) into
 * equal monthly instalments within PLAN_RULES, and queues, per instalment, a reminder
 * REMINDER_DAYS_BEFORE days before and the due-date job (deterministic keys). One transaction.
 */
export async function createPlan({ ctx, access }: Deps, months: number): Promise<PaymentPlan> {
  await access.require('billing');
  const record = await readRecordBilling(access);
  const owed = owedBeforePortal(record);
  const plan = await ctx.db.transaction(async (tx) => {
    await lockPatientBilling(tx, access.patientId);
    if (await findPlan(tx, { activeFor: access.patientId })) throw new AppError('VERSION_CONFLICT', HAS_PLAN);
    const { maxPaymentCents } = balanceOf(owed, await paymentTotals(tx, access.patientId));
    const refusal = planRefusal(maxPaymentCents, months);
    if (refusal) throw new AppError('VALIDATION', refusal, { errors: [{ path: 'months', message: refusal }] });
    const id = randomUUID();
    const [row] = await tx.query<RawPlan>(
      `INSERT INTO billing_plans (id, patient_id, total_cents, months, clinic_name, created_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
      [id, access.patientId, maxPaymentCents, months, record.clinic.name, access.actor.userId]);
    for (const s of planSchedule(maxPaymentCents, months, today())) {
      await tx.query('INSERT INTO billing_plan_instalments (plan_id, n, due_date, amount_cents) VALUES ($1, $2, $3, $4)', [id, s.n, s.dueDate, s.amountCents]);
      await enqueueJob(tx, { kind: PLAN_REMINDER_JOB, key: planJobKey('reminder', id, s.n), runAt: runAtOf(s.dueDate, REMINDER_DAYS_BEFORE), payload: { planId: id, n: s.n } });
      await enqueueJob(tx, { kind: PLAN_DUE_JOB, key: planJobKey('due', id, s.n), runAt: runAtOf(s.dueDate), payload: { planId: id, n: s.n } });
    }
    return toPlan(row!);
  });
  await auditBilling(ctx, access, 'create', plan.id, `payment-plan;months=${months}`);
  return planView(ctx.db, plan);
}

/**
 * DELETE /api/billing/plans/:planId: ends the plan. Its queued jobs find it canceled and do
 * nothing; instalment payments still waiting at the front desk are canceled with it.
 */
export async function cancelPlan({ ctx, access }: Deps, planId: string): Promise<PaymentPlan> {
  await access.require('billing');
  const found = await findPlan(ctx.db, { id: planId });
  if (!found || found.patientId !== access.patientId) throw new AppError('NOT_FOUND', 'We could not find that payment plan.');
  const plan = await ctx.db.transaction(async (tx) => {
    const [row] = await tx.query<RawPlan>(`UPDATE billing_plans SET status = 'canceled', ended_at = now() WHERE id = $1 AND status = 'active' RETURNING *`, [planId]);
    if (!row) throw new AppError('VERSION_CONFLICT', 'This payment plan has already ended.');
    const waiting = await tx.query<{ id: string }>(`SELECT id FROM billing_payments WHERE plan_id = $1 AND status = 'pending'`, [planId]);
    for (const w of waiting) await markEnded(tx, w.id, 'canceled', 'The payment plan was canceled.', access.actor.userId);
    return toPlan(row);
  });
  await auditBilling(ctx, access, 'update', planId, 'payment-plan;cancel');
  return planView(ctx.db, plan);
}
