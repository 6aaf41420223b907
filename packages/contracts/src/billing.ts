import { z } from 'zod';

/**
 * Billing (issue 8): statements built from the record (ExplanationOfBenefit, and Claim while the
 * payer has not answered yet), payments (card through Stripe, or at the front desk: card on file,
 * cash, check, posted by staff), receipts, payment plans, and the staff payment queue.
 * Every amount is in US dollars with at most 2 decimals (a JSON number such as 60.25).
 */

/** Dollars with at most 2 decimals. */
const dollars = z.number();

/** One line on a visit's statement. */
export const StatementItem = z.object({
  /** What was done, in words ("Office visit, established patient"). */
  description: z.string(),
  /** The billing code (CPT), shown small. */
  code: z.string().nullable(),
  /** What the clinic charged. */
  charge: dollars,
  /** What insurance paid. 0 while insurance has not answered. */
  insurancePaid: dollars,
  /** What the clinic took off (charge - amount insurance allows). */
  adjustment: dollars,
  /** The patient's share (copay + coinsurance). 0 while insurance has not answered. */
  youOwe: dollars,
});
export type StatementItem = z.infer<typeof StatementItem>;

/** due: something left to pay; paid: nothing left; pending-insurance: the claim is still with the insurance company. */
export const StatementVisitStatus = z.enum(['due', 'paid', 'pending-insurance']);
export type StatementVisitStatus = z.infer<typeof StatementVisitStatus>;

/** One visit (one claim) on the statement. */
export const StatementVisit = z.object({
  /** The ExplanationOfBenefit id (or the Claim id while pending insurance). */
  id: z.string(),
  /** Date of service (YYYY-MM-DD). */
  date: z.string(),
  clinician: z.string().nullable(),
  location: z.string().nullable(),
  items: z.array(StatementItem),
  totals: z.object({ charge: dollars, insurancePaid: dollars, adjustment: dollars, youOwe: dollars }),
  /** The patient's share for the visit. */
  youOwe: dollars,
  /** Paid so far (before the portal, plus portal payments allocated to this visit, oldest visit first). */
  paid: dollars,
  /**
   * Taken off by the clinic's financial assistance ("Financial help"): an approved discount,
   * spread over the visits that still owed something when it was approved. Not a payment (no receipt).
   * 0 when none (absent from older servers).
   */
  financialHelp: dollars.default(0),
  /** youOwe - paid - financialHelp. */
  balance: dollars,
  status: StatementVisitStatus,
  /** 30 days after insurance processed the claim (YYYY-MM-DD); null while pending insurance. */
  dueDate: z.string().nullable(),
});
export type StatementVisit = z.infer<typeof StatementVisit>;

/**
 * How a payment is (or will be) made. 'front-desk' is a patient's "Pay at the front desk" request
 * that staff have not posted yet; posting turns it into card-on-file, cash or check.
 */
export const PaymentMethod = z.enum(['card', 'front-desk', 'card-on-file', 'cash', 'check']);
export type PaymentMethod = z.infer<typeof PaymentMethod>;

/** pending: reserved against the balance, waiting for the card or for staff; succeeded: applied; failed / canceled: balance unchanged. */
export const PaymentStatus = z.enum(['pending', 'succeeded', 'failed', 'canceled']);
export type PaymentStatus = z.infer<typeof PaymentStatus>;

export const PaymentView = z.object({
  id: z.string(),
  createdAt: z.string(),
  amount: dollars,
  method: PaymentMethod,
  status: PaymentStatus,
  /** Set when the payment succeeded (e.g. "R-2026-000123"); the receipt PDF is /api/billing/payments/:id/receipt.pdf. */
  receiptNumber: z.string().nullable(),
  /** When the payment succeeded (staff posted it or the card went through). */
  postedAt: z.string().nullable(),
  /** The instalment number when the payment belongs to a payment plan. */
  planInstalment: z.number().int().nullable(),
  /** Why staff canceled it, or why the card failed; shown to the patient. */
  reason: z.string().nullable(),
});
export type PaymentView = z.infer<typeof PaymentView>;

export const InstalmentStatus = z.enum(['scheduled', 'due', 'paid', 'missed']);
export type InstalmentStatus = z.infer<typeof InstalmentStatus>;

export const PlanInstalment = z.object({
  n: z.number().int(),
  /** YYYY-MM-DD */
  dueDate: z.string(),
  amount: dollars,
  status: InstalmentStatus,
});
export type PlanInstalment = z.infer<typeof PlanInstalment>;

export const PaymentPlanStatus = z.enum(['active', 'completed', 'canceled']);
export type PaymentPlanStatus = z.infer<typeof PaymentPlanStatus>;

export const PaymentPlan = z.object({
  id: z.string(),
  createdAt: z.string(),
  /** The balance the plan splits. */
  total: dollars,
  months: z.number().int(),
  /** What is left to pay on the plan (total - payments made since it started). */
  remaining: dollars,
  instalments: z.array(PlanInstalment),
  status: PaymentPlanStatus,
});
export type PaymentPlan = z.infer<typeof PaymentPlan>;

/** The clinic's rules for payment plans (one place on the server; sent so the web offers only valid choices). */
export const PlanRules = z.object({
  /** The smallest balance that can be split. */
  minBalance: dollars,
  minMonths: z.number().int(),
  maxMonths: z.number().int(),
  /** The smallest monthly amount. */
  minInstalment: dollars,
});
export type PlanRules = z.infer<typeof PlanRules>;

/** One valid plan length for the current balance, with its monthly amount (the last month may differ by a few cents). */
export const PlanChoice = z.object({ months: z.number().int(), instalment: dollars });
export type PlanChoice = z.infer<typeof PlanChoice>;

/** GET /api/billing → everything the Billing page shows. */
export const BillingSummary = z.object({
  patient: z.object({ id: z.string(), name: z.string() }),
  /** Who is responsible for the bill: the insurance subscriber, or the patient ("self"). */
  guarantor: z.object({ name: z.string(), relationship: z.string() }),
  /** What the patient still owes: sum of visit balances - succeeded portal payments. */
  balanceDue: dollars,
  /** Payments waiting (front-desk posting or card processing); reserved against the balance. */
  pendingAmount: dollars,
  /** The most the patient can pay now: balanceDue - pendingAmount. */
  maxPayment: dollars,
  /** The earliest due date of a visit with a balance (YYYY-MM-DD), or null. */
  dueDate: z.string().nullable(),
  paperless: z.boolean(),
  /** Card payments are offered only when Stripe is configured. */
  stripe: z.object({ publishableKey: z.string() }).nullable(),
  /** The active payment plan, if any. */
  plan: PaymentPlan.nullable(),
  planRules: PlanRules,
  /** Valid plan lengths for the current balance; empty when the balance is too small or a plan is active. */
  planChoices: z.array(PlanChoice),
  /** Newest visit first. */
  statements: z.array(StatementVisit),
  /** Newest first. */
  payments: z.array(PaymentView),
});
export type BillingSummary = z.infer<typeof BillingSummary>;

const amountField = (what: string) => z
  .number({ error: `Enter the amount ${what} in dollars, for example 25.00.` })
  .positive(`Enter an amount more than $0.00.`)
  .refine((v) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6, 'Use at most 2 digits after the decimal point, for example 25.50.');

/**
 * POST /api/billing/payments with header Idempotency-Key (a UUID the page makes once per Pay
 * click; a retry with the same key returns the same payment).
 * card: Stripe (needs `stripe` in the summary); front-desk: pay at the front desk (staff post it).
 */
export const PayRequest = z.object({
  amount: amountField('to pay'),
  method: z.enum(['card', 'front-desk'], { error: 'Choose how to pay.' }),
}).strict();
export type PayRequest = z.input<typeof PayRequest>;

/** clientSecret is set for card payments: confirm it with Stripe's card element. */
export const PayResponse = z.object({ payment: PaymentView, clientSecret: z.string().nullable() });
export type PayResponse = z.infer<typeof PayResponse>;

/** PUT /api/billing/preferences → BillingPreferences */
export const BillingPreferences = z.object({ paperless: z.boolean({ error: 'Choose paper or paperless statements.' }) }).strict();
export type BillingPreferences = z.infer<typeof BillingPreferences>;

/** POST /api/billing/plans → PaymentPlan (201). DELETE /api/billing/plans/:planId cancels → PaymentPlan. */
export const PlanRequest = z.object({
  months: z.number({ error: 'Choose how many months.' }).int('Choose how many months.'),
}).strict();
export type PlanRequest = z.infer<typeof PlanRequest>;

// ---- Staff (roles staff and admin: front desk, billing office) ----

/** A payment as staff see it: with the patient. */
export const StaffPayment = PaymentView.extend({
  patientId: z.string(),
  patientName: z.string(),
  /** Who asked for it (the patient, a proxy, "Payment plan"), or the staff member who recorded it. */
  requestedBy: z.string(),
  /** Check number or terminal reference staff entered. */
  reference: z.string().nullable(),
});
export type StaffPayment = z.infer<typeof StaffPayment>;

/** GET /api/staff/billing/payments → payments to post (oldest first) and the last posted/canceled ones (newest first). */
export const StaffPaymentQueue = z.object({
  pending: z.array(z.object({
    paymentId: z.string(),
    patientId: z.string(),
    patientName: z.string(),
    amount: dollars,
    method: PaymentMethod,
    requestedAt: z.string(),
    requestedBy: z.string(),
    planInstalment: z.number().int().nullable(),
  })),
  recent: z.array(StaffPayment),
});
export type StaffPaymentQueue = z.infer<typeof StaffPaymentQueue>;

const reference = z.string().trim().max(40, 'Keep the reference under 40 characters.').optional().transform((v) => (v ? v : undefined));

/** POST /api/staff/billing/payments/:paymentId/post → StaffPayment */
export const PostPaymentRequest = z.object({
  method: z.enum(['card-on-file', 'cash', 'check'], { error: 'Choose how the patient paid: card on file, cash or check.' }),
  reference,
}).strict();
export type PostPaymentRequest = z.input<typeof PostPaymentRequest>;

/** POST /api/staff/billing/payments/:paymentId/cancel → StaffPayment. The reason is shown to the patient. */
export const CancelPaymentRequest = z.object({
  reason: z.string({ error: 'Write the reason the patient will read (at least 5 characters).' }).trim()
    .min(5, 'Write the reason the patient will read (at least 5 characters).').max(500, 'Keep the reason under 500 characters.'),
}).strict();
export type CancelPaymentRequest = z.infer<typeof CancelPaymentRequest>;

/** POST /api/staff/billing/payments: a walk-in payment (no patient request) → StaffPayment (201). */
export const StaffRecordPaymentRequest = z.object({
  patientId: z.string({ error: 'Choose the patient.' }).regex(/^[A-Za-z0-9\-.]{1,64}$/, 'Choose the patient.'),
  amount: amountField('the patient paid'),
  method: z.enum(['card-on-file', 'cash', 'check'], { error: 'Choose how the patient paid: card on file, cash or check.' }),
  reference,
}).strict();
export type StaffRecordPaymentRequest = z.input<typeof StaffRecordPaymentRequest>;

/** GET /api/staff/billing/patients/:patientId → what a walk-in payment can be (find the patient with the staff patient search). */
export const StaffPatientBalance = z.object({
  patientId: z.string(),
  patientName: z.string(),
  balanceDue: dollars,
  pendingAmount: dollars,
  maxPayment: dollars,
});
export type StaffPatientBalance = z.infer<typeof StaffPatientBalance>;
