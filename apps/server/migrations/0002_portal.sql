-- Portal tables: accounts, sessions, proxy grants and the tamper-evident audit trail.

CREATE TABLE users (
  id               uuid        PRIMARY KEY,
  email            text        NOT NULL,
  -- Lower-cased, trimmed email: the sign-in key. Unique so one address is one account.
  email_normalized text        NOT NULL UNIQUE,
  password_hash    text,       -- argon2id PHC string; NULL until the account is activated
  role             text        NOT NULL CHECK (role IN ('patient', 'clinician', 'nurse', 'staff', 'admin')),
  display_name     text        NOT NULL,
  patient_id       text,       -- FHIR Patient id of a patient's own record
  practitioner_id  text,       -- FHIR Practitioner id of a clinician or nurse
  locale           text        NOT NULL DEFAULT 'en' CHECK (locale IN ('en', 'es')),
  created_at       timestamptz NOT NULL DEFAULT now(),
  disabled_at      timestamptz
);
CREATE UNIQUE INDEX users_patient_idx ON users (patient_id) WHERE patient_id IS NOT NULL;

-- Server-side sessions. Only a SHA-256 of the cookie token is stored, so a database
-- leak does not leak usable sessions.
CREATE TABLE sessions (
  id           uuid        PRIMARY KEY,
  token_hash   text        NOT NULL UNIQUE,
  user_id      uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at   timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  expires_at   timestamptz NOT NULL,  -- absolute lifetime; idle timeout is checked against last_seen_at
  ip           text,
  user_agent   text,
  revoked_at   timestamptz
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

-- Who may act for which patient (parents, guardians, caregivers). Scopes narrow what they see.
CREATE TABLE proxy_grants (
  id              uuid        PRIMARY KEY,
  grantee_user_id uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  patient_id      text        NOT NULL,
  relationship    text        NOT NULL CHECK (relationship IN ('parent', 'guardian', 'caregiver')),
  scopes          text[]      NOT NULL DEFAULT '{}',
  created_at      timestamptz NOT NULL DEFAULT now(),
  expires_at      timestamptz,
  revoked_at      timestamptz,
  UNIQUE (grantee_user_id, patient_id)
);

-- Append-only, hash-chained audit trail (HIPAA 164.312(b), ONC 170.315(d)(2)/(d)(3)).
-- Each row's hash covers its own fields and the previous row's hash, so editing or
-- removing any row breaks the chain from there on; a trigger refuses UPDATE and DELETE.
CREATE TABLE audit_events (
  seq          bigserial   PRIMARY KEY,
  id           uuid        NOT NULL UNIQUE,
  recorded_at  timestamptz NOT NULL,
  actor_id     text,       -- users.id, or NULL for the system / an anonymous caller
  actor_role   text,
  patient_id   text,       -- whose record was touched (the patient in context)
  action       text        NOT NULL,  -- read, search, create, update, delete, sign-in, sign-out, ...
  entity_type  text,
  entity_id    text,
  query        text,
  outcome      text        NOT NULL CHECK (outcome IN ('success', 'denied', 'not-found', 'failure')),
  ip           text,
  request_id   text,
  prev_hash    text        NOT NULL,
  hash         text        NOT NULL
);
CREATE INDEX audit_events_patient_idx ON audit_events (patient_id, recorded_at);

CREATE FUNCTION audit_events_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_events_no_update_or_delete
  BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();

-- Small key/value facts about this installation (e.g. when the demo clinic was seeded).
CREATE TABLE app_settings (
  key        text        PRIMARY KEY,
  value      jsonb       NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
