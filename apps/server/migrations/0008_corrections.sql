-- Correction requests (amendments, ONC 170.315(d)(4), HIPAA 164.526).
-- The request, the staff decision and any statement of disagreement are one FHIR Task in the
-- store (focus = the item, for = the patient), so they stay attached to the item and keep a full
-- version history. This table holds only workflow state and no free text (the text is PHI and
-- lives in the Task only): it makes the staff queue one indexed query across patients, and a
-- partial unique index guarantees one open request per item even when two requests race.
CREATE TABLE correction_requests (
  id               text        PRIMARY KEY,          -- the Task id
  patient_id       text        NOT NULL,
  item_type        text        NOT NULL,
  item_id          text        NOT NULL,
  state            text        NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'accepted', 'denied')),
  -- User ids without foreign keys on purpose: a request is part of the legal record and must
  -- outlive the accounts that made or decided it.
  requested_by     uuid        NOT NULL,
  decided_by       uuid,
  created_at       timestamptz NOT NULL DEFAULT now(),
  decided_at       timestamptz,
  disagreement_at  timestamptz
);
CREATE UNIQUE INDEX correction_requests_one_open_idx ON correction_requests (patient_id, item_type, item_id) WHERE state = 'open';
CREATE INDEX correction_requests_state_idx ON correction_requests (state, created_at DESC);
CREATE INDEX correction_requests_patient_idx ON correction_requests (patient_id, created_at DESC);
