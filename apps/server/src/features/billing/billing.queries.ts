import { randomUUID } from 'node:crypto';
import type { PaymentMethod, PaymentStatus } from '@ourchart/contracts';
import type { Queryable } from '../../platform/db/db.ts';
import type { Allocation } from './billing-math.ts';

/** SQL of the billing tables (migration 0017). Amounts are cents. */

export type PaymentRow = {
  id: string; patientId: string; idempotencyKey: string | null; amountCents: number; method: PaymentMethod; gateway: 'stripe' | 'offline';
  status: PaymentStatus; gatewayRef: string | null; reference: string | null; reason: string | null; receiptNumber: string | null;
  planId: string | null; planInstalment: number | null; requestedBy: string | null; postedBy: string | null;
  createdAt: string; postedAt: string | null;
};

const COLUMNS = `id, patient_id, idempotency_key, amount_cents, method, gateway, status, gateway_ref, reference, reason, receipt_number,
  plan_id, plan_instalment, requested_by, posted_by, created_at, posted_at`;

type Raw = {
  id: string; patient_id: string; idempotency_key: string | null; amount_cents: number; method: PaymentMethod; gateway: 'stripe' | 'offline';
  status: PaymentStatus; gateway_ref: string | null; reference: string | null; reason: string | null; receipt_number: string | null;
  plan_id: string | null; plan_instalment: number | null; requested_by: string | null; posted_by: string | null;
  created_at: Date | string; posted_at: Date | string | null;
};

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

const toRow = (r: Raw): PaymentRow => ({
  id: r.id, patientId: r.patient_id, idempotencyKey: r.idempotency_key, amountCents: Number(r.amount_cents), method: r.method, gateway: r.gateway,
  status: r.status, gatewayRef: r.gateway_ref, reference: r.reference, reason: r.reason, receiptNumber: r.receipt_number,
  planId: r.plan_id, planInstalment: r.plan_instalment, requestedBy: r.requested_by, postedBy: r.posted_by,
  createdAt: iso(r.created_at)!, postedAt: iso(r.posted_at),
});

/** Serializes billing writes of one patient (balance checks and allocation) until the transaction ends. */
export async function lockPatientBilling(tx: Queryable, patientId: string): Promise<void> {
  await tx.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`billing:${patientId}`]);
}

export async function paymentsOf(db: Queryable, patientId: string): Promise<PaymentRow[]> {
  const rows = await db.query<Raw>(`SELECT ${COLUMNS} FROM billing_payments WHERE patient_id = $1 ORDER BY created_at DESC, id`, [patientId]);
  return rows.map(toRow);
}

export async function findPayment(db: Queryable, id: string, options: { forUpdate?: boolean } = {}): Promise<PaymentRow | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const [row] = await db.query<Raw>(`SELECT ${COLUMNS} FROM billing_payments WHERE id = $1${options.forUpdate ? ' FOR UPDATE' : ''}`, [id]);
  return row && toRow(row);
}

export async function findByKey(db: Queryable, patientId: string, key: string): Promise<PaymentRow | undefined> {
  const [row] = await db.query<Raw>(`SELECT ${COLUMNS} FROM billing_payments WHERE patient_id = $1 AND idempotency_key = $2`, [patientId, key]);
  return row && toRow(row);
}

export async function findByGatewayRef(db: Queryable, ref: string): Promise<PaymentRow | undefined> {
  const [row] = await db.query<Raw>(`SELECT ${COLUMNS} FROM billing_payments WHERE gateway_ref = $1`, [ref]);
  return row && toRow(row);
}

/** Succeeded and pending totals of a patient's portal payments, and the total of adjustments (financial help). */
export async function paymentTotals(db: Queryable, patientId: string): Promise<{ succeededCents: number; pendingCents: number; adjustedCents: number }> {
  const [row] = await db.query<{ succeeded: string | number | null; pending: string | number | null; adjusted: string | number | null }>(
    `SELECT sum(amount_cents) FILTER (WHERE status = 'succeeded') AS succeeded, sum(amount_cents) FILTER (WHERE status = 'pending') AS pending,
            (SELECT sum(amount_cents) FROM billing_adjustments WHERE patient_id = $1) AS adjusted
       FROM billing_payments WHERE patient_id = $1`, [patientId]);
  return { succeededCents: Number(row?.succeeded ?? 0), pendingCents: Number(row?.pending ?? 0), adjustedCents: Number(row?.adjusted ?? 0) };
}

export type NewPayment = {
  id: string; patientId: string; idempotencyKey: string | null; amountCents: number; method: PaymentMethod; gateway: 'stripe' | 'offline';
  gatewayRef?: string | null; reference?: string | null; planId?: string | null; planInstalment?: number | null; requestedBy: string | null;
};

/** Inserts a pending payment; undefined when the idempotency key was already used (the other request won). */
export async function insertPayment(tx: Queryable, p: NewPayment): Promise<PaymentRow | undefined> {
  const [row] = await tx.query<Raw>(
    `INSERT INTO billing_payments (id, patient_id, idempotency_key, amount_cents, method, gateway, gateway_ref, reference, plan_id, plan_instalment, requested_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
     ON CONFLICT (patient_id, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING RETURNING ${COLUMNS}`,
    [p.id, p.patientId, p.idempotencyKey, p.amountCents, p.method, p.gateway, p.gatewayRef ?? null, p.reference ?? null, p.planId ?? null, p.planInstalment ?? null, p.requestedBy],
  );
  return row && toRow(row);
}

/** The next receipt number, R-<year>-<000001>. */
export async function nextReceiptNumber(tx: Queryable, now = new Date()): Promise<string> {
  const [row] = await tx.query<{ n: string | number }>(`SELECT nextval('billing_receipt_seq') AS n`);
  return `R-${now.getUTCFullYear()}-${String(row!.n).padStart(6, '0')}`;
}

/** pending → succeeded (only from pending: a second post or event changes nothing). */
export async function markSucceeded(tx: Queryable, id: string, s: { method: PaymentMethod; reference: string | null; postedBy: string | null; receiptNumber: string }): Promise<PaymentRow | undefined> {
  const [row] = await tx.query<Raw>(
    `UPDATE billing_payments SET status = 'succeeded', method = $2, reference = $3, posted_by = $4, receipt_number = $5, posted_at = now(), updated_at = now()
      WHERE id = $1 AND status = 'pending' RETURNING ${COLUMNS}`,
    [id, s.method, s.reference, s.postedBy, s.receiptNumber],
  );
  return row && toRow(row);
}

/** pending → failed or canceled, with the reason the patient reads. */
export async function markEnded(tx: Queryable, id: string, status: 'failed' | 'canceled', reason: string, by: string | null): Promise<PaymentRow | undefined> {
  const [row] = await tx.query<Raw>(
    `UPDATE billing_payments SET status = $2, reason = $3, posted_by = $4, updated_at = now() WHERE id = $1 AND status = 'pending' RETURNING ${COLUMNS}`,
    [id, status, reason, by],
  );
  return row && toRow(row);
}

export async function insertAllocations(tx: Queryable, paymentId: string, allocations: Allocation[]): Promise<void> {
  for (const a of allocations) {
    await tx.query('INSERT INTO billing_allocations (payment_id, claim_id, amount_cents) VALUES ($1, $2, $3)', [paymentId, a.claimId, a.amountCents]);
  }
}

/** Cents of succeeded portal payments allocated to each visit (EOB id) of a patient. */
export async function allocatedByClaim(db: Queryable, patientId: string): Promise<Map<string, number>> {
  const rows = await db.query<{ claim_id: string; cents: string | number }>(
    `SELECT a.claim_id, sum(a.amount_cents) AS cents FROM billing_allocations a JOIN billing_payments p ON p.id = a.payment_id
      WHERE p.patient_id = $1 AND p.status = 'succeeded' GROUP BY a.claim_id`, [patientId]);
  return new Map(rows.map((r) => [r.claim_id, Number(r.cents)]));
}

/** Cents of adjustments (financial help) on each visit (EOB id) of a patient (migration 0021). */
export async function adjustedByClaim(db: Queryable, patientId: string): Promise<Map<string, number>> {
  const rows = await db.query<{ claim_id: string; cents: string | number }>(
    'SELECT claim_id, sum(amount_cents) AS cents FROM billing_adjustments WHERE patient_id = $1 GROUP BY claim_id', [patientId]);
  return new Map(rows.map((r) => [r.claim_id, Number(r.cents)]));
}

export type NewAdjustment = { patientId: string; applicationId: string; percent: number; createdBy: string };

export async function insertAdjustments(tx: Queryable, a: NewAdjustment, lines: Allocation[]): Promise<void> {
  for (const l of lines) {
    await tx.query(
      `INSERT INTO billing_adjustments (id, patient_id, claim_id, kind, application_id, percent, amount_cents, created_by)
       VALUES ($1, $2, $3, 'financial-assistance', $4, $5, $6, $7)`,
      [randomUUID(), a.patientId, l.claimId, a.applicationId, a.percent, l.amountCents, a.createdBy]);
  }
}

export async function paperlessOf(db: Queryable, patientId: string): Promise<boolean> {
  const [row] = await db.query<{ paperless: boolean }>('SELECT paperless FROM billing_preferences WHERE patient_id = $1', [patientId]);
  return row?.paperless ?? false;
}

export async function savePaperless(db: Queryable, patientId: string, paperless: boolean, userId: string): Promise<void> {
  await db.query(
    `INSERT INTO billing_preferences (patient_id, paperless, updated_by) VALUES ($1, $2, $3)
     ON CONFLICT (patient_id) DO UPDATE SET paperless = EXCLUDED.paperless, updated_by = EXCLUDED.updated_by, updated_at = now()`,
    [patientId, paperless, userId],
  );
}

/** Records a Stripe event; false when it was already applied. */
export async function rememberStripeEvent(tx: Queryable, id: string, type: string, paymentId: string | null): Promise<boolean> {
  const rows = await tx.query('INSERT INTO billing_stripe_events (id, type, payment_id) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING RETURNING id', [id, type, paymentId]);
  return rows.length > 0;
}

/** Staff queue: pending payments of the given patients, oldest first; and the latest ended ones. */
export async function pendingPayments(db: Queryable, patientIds: string[], limit: number): Promise<PaymentRow[]> {
  if (patientIds.length === 0) return [];
  const rows = await db.query<Raw>(
    `SELECT ${COLUMNS} FROM billing_payments WHERE status = 'pending' AND gateway = 'offline' AND patient_id = ANY($1::text[]) ORDER BY created_at, id LIMIT $2`,
    [patientIds, limit]);
  return rows.map(toRow);
}

export async function recentPayments(db: Queryable, patientIds: string[], limit: number): Promise<PaymentRow[]> {
  if (patientIds.length === 0) return [];
  const rows = await db.query<Raw>(
    `SELECT ${COLUMNS} FROM billing_payments WHERE status <> 'pending' AND gateway = 'offline' AND patient_id = ANY($1::text[]) ORDER BY updated_at DESC, id LIMIT $2`,
    [patientIds, limit]);
  return rows.map(toRow);
}

/** Display names of users (who asked for a payment, who posted it). */
export async function userNames(db: Queryable, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.query<{ id: string; display_name: string }>('SELECT id, display_name FROM users WHERE id = ANY($1::uuid[])', [unique]);
  return new Map(rows.map((r) => [r.id, r.display_name]));
}
