-- Billing (issue 8): portal payments, their allocation to visits, payment plans, the paperless
-- preference and the Stripe events already applied.
-- What a patient owes comes from the record (ExplanationOfBenefit / Claim in the FHIR store); these
-- tables hold only what the portal adds: money the patient paid (or promised to pay at the front
-- desk) and the workflow around it. Amounts are integer cents, so sums never round.

-- One row per payment, whatever the path: a card through Stripe, or the front desk (card on file,
-- cash, check) that staff post. pending payments are reserved against the balance; only succeeded
-- ones lower it; failed and canceled ones change nothing.
CREATE TABLE billing_payments (
  id               uuid        PRIMARY KEY,
  patient_id       text        NOT NULL,
  -- The Idempotency-Key the page sent (or plan:<id>:<n> for an instalment): a retry finds the
  -- same payment, and the unique index below lets exactly one of two racing requests insert.
  idempotency_key  text,
  amount_cents     integer     NOT NULL CHECK (amount_cents > 0),
  method           text        NOT NULL CHECK (method IN ('card', 'front-desk', 'card-on-file', 'cash', 'check')),
  gateway          text        NOT NULL CHECK (gateway IN ('stripe', 'offline')),
  status           text        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'succeeded', 'failed', 'canceled')),
  -- The Stripe PaymentIntent id (pi_...); never card data.
  gateway_ref      text,
  -- Check number or terminal reference staff typed (max 40 characters).
  reference        text,
  -- Why staff canceled it or why the card failed (shown to the patient; no clinical content).
  reason           text,
  receipt_number   text        UNIQUE,
  plan_id          uuid,
  plan_instalment  integer,
  -- User ids without foreign keys on purpose: payments are financial records that outlive accounts.
  requested_by     uuid,
  posted_by        uuid,
  created_at       timestamptz NOT NULL DEFAULT now(),
  posted_at        timestamptz,
  updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX billing_payments_key_idx ON billing_payments (patient_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
CREATE UNIQUE INDEX billing_payments_gateway_ref_idx ON billing_payments (gateway_ref) WHERE gateway_ref IS NOT NULL;
CREATE INDEX billing_payments_patient_idx ON billing_payments (patient_id, created_at DESC);
CREATE INDEX billing_payments_pending_idx ON billing_payments (created_at) WHERE status = 'pending';

-- Receipt numbers: R-<year>-<6 digits>, from one sequence so two nodes never hand out the same one.
CREATE SEQUENCE billing_receipt_seq;

-- How a succeeded payment was applied: oldest visit (ExplanationOfBenefit) first.
CREATE TABLE billing_allocations (
  payment_id    uuid        NOT NULL REFERENCES billing_payments (id),
  claim_id      text        NOT NULL,   -- the ExplanationOfBenefit id
  amount_cents  integer     NOT NULL CHECK (amount_cents > 0),
  PRIMARY KEY (payment_id, claim_id)
);
CREATE INDEX billing_allocations_claim_idx ON billing_allocations (claim_id);

-- Paper or paperless statements, per patient (a parent's choice holds for the child's record).
CREATE TABLE billing_preferences (
  patient_id   text        PRIMARY KEY,
  paperless    boolean     NOT NULL,
  updated_by   uuid        NOT NULL,
  updated_at   timestamptz NOT NULL DEFAULT now()
);

-- Stripe webhook events already applied: Stripe retries and replays, each event counts once.
CREATE TABLE billing_stripe_events (
  id           text        PRIMARY KEY,       -- evt_...
  type         text        NOT NULL,
  payment_id   uuid,
  received_at  timestamptz NOT NULL DEFAULT now()
);

-- Payment plans: a balance split into equal monthly instalments (the last absorbs the rounding).
CREATE TABLE billing_plans (
  id            uuid        PRIMARY KEY,
  patient_id    text        NOT NULL,
  total_cents   integer     NOT NULL CHECK (total_cents > 0),
  months        integer     NOT NULL CHECK (months BETWEEN 1 AND 60),
  status        text        NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'completed', 'canceled')),
  -- The clinic's name for reminder emails (jobs read nothing from the record).
  clinic_name   text        NOT NULL,
  created_by    uuid        NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  ended_at      timestamptz
);
-- One active plan per patient, even when two requests race.
CREATE UNIQUE INDEX billing_plans_one_active_idx ON billing_plans (patient_id) WHERE status = 'active';

CREATE TABLE billing_plan_instalments (
  plan_id       uuid        NOT NULL REFERENCES billing_plans (id),
  n             integer     NOT NULL,
  due_date      date        NOT NULL,
  amount_cents  integer     NOT NULL CHECK (amount_cents > 0),
  -- The front-desk payment queued on the due date (plan-jobs.ts). Whether an instalment is paid is
  -- worked out from payments (what was paid since the plan started covers it), not stored.
  payment_id    uuid,
  PRIMARY KEY (plan_id, n)
);
