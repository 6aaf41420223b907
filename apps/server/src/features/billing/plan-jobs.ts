import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { patientAudience } from '../../platform/access/proxy-grants.ts';
import type { Queryable } from '../../platform/db/db.ts';
import type { JobDefinition } from '../../platform/jobs/queue.ts';
import { enqueueMail } from '../../platform/mail/outbox.ts';
import { notifyPatient } from '../../platform/notifications/notifications.ts';
import { createPayment } from './payments.service.ts';
import { findPlan, paidSince, PLAN_DUE_JOB, PLAN_REMINDER_JOB, scheduleOf, type PlanRow } from './plans.service.ts';
import { billingRecipients, instalmentReminderEmail } from './receipts.ts';

const Payload = z.object({ planId: z.string().uuid(), n: z.number().int().min(1) });
type Payload = z.infer<typeof Payload>;

/**
 * The instalment a job is about, or undefined when there is nothing to do: the plan ended, or the
 * payments made since it started already cover this instalment and every earlier one.
 */
async function openInstalment(tx: Queryable, p: Payload): Promise<{ plan: PlanRow; amountCents: number; dueDate: string; leftCents: number } | undefined> {
  const plan = await findPlan(tx, { id: p.planId });
  if (!plan || plan.status !== 'active') return undefined;
  const schedule = await scheduleOf(tx, plan.id);
  const instalment = schedule.find((s) => s.n === p.n);
  if (!instalment) return undefined;
  const paid = await paidSince(tx, plan);
  const throughThis = schedule.filter((s) => s.n <= p.n).reduce((a, s) => a + s.amountCents, 0);
  if (paid >= throughThis) return undefined;
  return { plan, amountCents: Math.min(instalment.amountCents, throughThis - paid), dueDate: instalment.dueDate, leftCents: plan.totalCents - paid };
}

/** A few days before a due date: an in-app notice and an email (amount, date, clinic; nothing else). */
async function remind(ctx: AppContext, tx: Queryable, p: Payload): Promise<void> {
  const open = await openInstalment(tx, p);
  if (!open) return;
  await notifyPatient(tx, open.plan.patientId, { kind: 'payment-plan-reminder', entityType: 'PaymentPlan', entityId: `${p.planId}-${p.n}` });
  const audience = await patientAudience(tx, open.plan.patientId, 'billing');
  for (const r of await billingRecipients(tx, audience)) {
    await enqueueMail(tx, ctx.keyring, instalmentReminderEmail(r.email, r.locale, { amountCents: open.amountCents, dueDate: open.dueDate, clinic: open.plan.clinicName, link: `${ctx.config.publicUrl}/billing` }));
  }
}

/**
 * On the due date the instalment becomes a pending front-desk payment (staff post it when the
 * patient pays: card on file, cash, check). Its key plan:<id>:<n> makes a rerun a no-op. Card
 * instalments through Stripe need a saved card, which the portal does not keep yet.
 */
async function makeDue(_ctx: AppContext, tx: Queryable, p: Payload): Promise<void> {
  const open = await openInstalment(tx, p);
  if (!open) return;
  const [{ pending } = { pending: 0 }] = await tx.query<{ pending: number }>(
    `SELECT coalesce(sum(amount_cents), 0)::int AS pending FROM billing_payments WHERE patient_id = $1 AND status = 'pending'`, [open.plan.patientId]);
  const amountCents = Math.min(open.amountCents, open.leftCents - Number(pending));
  if (amountCents <= 0) return;
  const payment = await createPayment(tx, {
    patientId: open.plan.patientId, idempotencyKey: `plan:${p.planId}:${p.n}`, amountCents, method: 'front-desk', gateway: 'offline',
    planId: p.planId, planInstalment: p.n, requestedBy: null,
  });
  if (payment) await tx.query('UPDATE billing_plan_instalments SET payment_id = $3 WHERE plan_id = $1 AND n = $2', [p.planId, p.n, payment.id]);
}

export const planReminderJob: JobDefinition<Payload> = { kind: PLAN_REMINDER_JOB, payload: Payload, run: (ctx, tx, payload) => remind(ctx, tx, payload) };
export const planDueJob: JobDefinition<Payload> = { kind: PLAN_DUE_JOB, payload: Payload, run: (ctx, tx, payload) => makeDue(ctx, tx, payload) };
