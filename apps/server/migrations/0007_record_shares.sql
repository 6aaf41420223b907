-- Share links and emailed records (ONC 170.315(e)(1) transmit; model: SMART Health Links,
-- MyChart Share Everywhere). Anyone holding the link can open a read-only summary of one
-- patient's record until it expires or is revoked, so the link is a bearer secret: only a
-- SHA-256 of its 256-bit token is stored, and the optional 6-digit access code is stored as a
-- SHA-256 bound to the token (useless without it) with a failed-attempt counter that locks the link.
CREATE TABLE record_shares (
  id               uuid        PRIMARY KEY,
  patient_id       text        NOT NULL,
  created_by       uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  token_hash       text        NOT NULL UNIQUE,
  code_hash        text,
  -- 'link' (made on the Documents page) or 'email' (sent with "Send your record").
  kind             text        NOT NULL CHECK (kind IN ('link', 'email')),
  recipient_label  text,
  recipient_email  text,
  -- An optional note from the patient, shown only to someone who opens the link (never emailed).
  message          text,
  -- Which sections and which clinical dates the recipient sees (inclusive calendar days).
  sections         text[]      NOT NULL,
  range_from       date        NOT NULL,
  range_to         date        NOT NULL,
  created_at       timestamptz NOT NULL DEFAULT now(),
  expires_at       timestamptz NOT NULL,
  revoked_at       timestamptz,
  failed_attempts  integer     NOT NULL DEFAULT 0,
  locked_at        timestamptz,
  view_count       integer     NOT NULL DEFAULT 0,
  last_viewed_at   timestamptz,
  CHECK (range_from <= range_to),
  CHECK (expires_at > created_at)
);
-- The patient's list of shares, newest first.
CREATE INDEX record_shares_patient_idx ON record_shares (patient_id, created_at DESC);
