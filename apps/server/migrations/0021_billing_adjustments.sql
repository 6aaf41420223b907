-- Billing adjustments (issue 8 follow-up): money the clinic takes off what a patient owes, per
-- visit. Today the only kind is financial assistance: when the billing office approves an
-- application with N % off, the same transaction writes one row per visit that still owed
-- something (features/billing/adjustments.ts). An adjustment is not a payment: no receipt, no
-- PaymentReconciliation, and it never appears in billing_payments. Amounts are integer cents.
CREATE TABLE billing_adjustments (
  id               uuid        PRIMARY KEY,
  patient_id       text        NOT NULL,
  -- The visit (ExplanationOfBenefit id), as in billing_allocations.
  claim_id         text        NOT NULL,
  kind             text        NOT NULL DEFAULT 'financial-assistance' CHECK (kind IN ('financial-assistance')),
  -- The approved application it comes from; an application adjusts a visit at most once.
  application_id   uuid        NOT NULL REFERENCES assistance_applications (id),
  percent          integer     NOT NULL CHECK (percent BETWEEN 1 AND 100),
  amount_cents     integer     NOT NULL CHECK (amount_cents > 0),
  -- The staff member who approved (no foreign key: financial records outlive accounts).
  created_by       uuid        NOT NULL,
  created_at       timestamptz NOT NULL DEFAULT now(),
  UNIQUE (application_id, claim_id)
);
CREATE INDEX billing_adjustments_patient_idx ON billing_adjustments (patient_id, claim_id);
