-- Prescription refill requests (issue 6).
-- A request is a FHIR Task in the store (code refill-request, focus = the MedicationRequest,
-- for = the patient, owner = the prescriber's pool), so it stays attached to the prescription and
-- keeps a version history. This table holds only workflow state, no free text (the patient's note
-- and the reason for a denial are PHI and live in the Task only): it makes the staff queue one
-- indexed query per pool, and its partial unique index guarantees one open request per
-- prescription even when two requests race (the second INSERT conflicts, whichever node runs it).
CREATE TABLE refill_requests (
  id                      text        PRIMARY KEY,          -- the Task id
  patient_id              text        NOT NULL,
  medication_request_id   text        NOT NULL,
  -- Who answers: the messaging pool of the prescriber, else the default care-team pool.
  pool_id                 text        NOT NULL REFERENCES message_pools (id),
  state                   text        NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'approved', 'denied')),
  -- User ids without foreign keys on purpose (as in correction_requests): the request is part of
  -- the legal record and outlives the accounts that made or decided it.
  requested_by            uuid        NOT NULL,
  decided_by              uuid,
  -- The MedicationRequest an approval created (priorPrescription points back at the old one).
  renewed_medication_id   text,
  created_at              timestamptz NOT NULL DEFAULT now(),
  decided_at              timestamptz
);
CREATE UNIQUE INDEX refill_requests_one_open_idx ON refill_requests (patient_id, medication_request_id) WHERE state = 'open';
CREATE INDEX refill_requests_pool_idx ON refill_requests (pool_id, state, created_at DESC);
CREATE INDEX refill_requests_patient_idx ON refill_requests (patient_id, created_at DESC);

-- The pharmacy a patient chose last time, offered first next time. One per patient (not per
-- account): a caregiver who asks for a refill sees the pharmacy the patient uses.
CREATE TABLE refill_pharmacy_choices (
  patient_id    text        PRIMARY KEY,
  pharmacy_id   text        NOT NULL,                      -- an Organization id (type pharmacy)
  updated_by    uuid        NOT NULL,
  updated_at    timestamptz NOT NULL DEFAULT now()
);
