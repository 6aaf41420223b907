-- Identity and account security: account status, second factors (TOTP, passkeys, recovery
-- codes), short-lived sign-in challenges, one-time tokens (activation codes, reset links, email
-- codes), throttling, and a mail outbox so no email is lost when SMTP is down.

ALTER TABLE users ADD COLUMN status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'pending-verification'));
ALTER TABLE users ADD COLUMN email_verified_at timestamptz;
ALTER TABLE users ADD COLUMN password_changed_at timestamptz;
-- Self-signup details kept while an account waits for staff to link it to a record.
ALTER TABLE users ADD COLUMN signup_details jsonb;
-- Demo accounts may skip the staff MFA rule, and only while the server runs in demo mode.
ALTER TABLE users ADD COLUMN is_demo boolean NOT NULL DEFAULT false;
-- The FHIR Organization a staff member works for (care-team scoping).
ALTER TABLE users ADD COLUMN organization_id text;
-- A patient who cannot use an authenticator app may turn on emailed codes as their second step.
ALTER TABLE users ADD COLUMN mfa_email_enabled boolean NOT NULL DEFAULT false;

-- TOTP secret, AES-256-GCM encrypted (platform/crypto). confirmed_at NULL while enrolling.
CREATE TABLE mfa_totp (
  user_id      uuid        PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  secret_enc   text        NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  confirmed_at timestamptz,
  -- Last accepted time step, so a code cannot be replayed within its window.
  last_step    bigint
);

CREATE TABLE webauthn_credentials (
  id           text        PRIMARY KEY,   -- credential id, base64url
  user_id      uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  public_key   text        NOT NULL,      -- COSE public key, base64url
  counter      bigint      NOT NULL DEFAULT 0,
  transports   text[]      NOT NULL DEFAULT '{}',
  name         text        NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz
);
CREATE INDEX webauthn_credentials_user_idx ON webauthn_credentials (user_id);

-- Recovery codes are verify-only secrets: stored as SHA-256 digests (stronger than encryption:
-- nothing can decrypt them). Each works once.
CREATE TABLE recovery_codes (
  user_id   uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  code_hash text        NOT NULL,
  used_at   timestamptz,
  PRIMARY KEY (user_id, code_hash)
);

-- A sign-in in progress (password accepted, second factor pending) or a WebAuthn ceremony.
CREATE TABLE auth_challenges (
  id          uuid        PRIMARY KEY,
  user_id     uuid        REFERENCES users (id) ON DELETE CASCADE,
  kind        text        NOT NULL CHECK (kind IN ('mfa', 'webauthn-register', 'webauthn-auth')),
  data        jsonb       NOT NULL DEFAULT '{}',
  created_at  timestamptz NOT NULL DEFAULT now(),
  expires_at  timestamptz NOT NULL,
  attempts    integer     NOT NULL DEFAULT 0,
  consumed_at timestamptz
);

-- Single-use secrets sent to people: activation codes, password-reset links, email codes.
-- Only a SHA-256 digest is stored.
CREATE TABLE one_time_tokens (
  id         uuid        PRIMARY KEY,
  kind       text        NOT NULL CHECK (kind IN ('activation', 'password-reset', 'signup', 'email-change')),
  token_hash text        NOT NULL UNIQUE,
  user_id    uuid        REFERENCES users (id) ON DELETE CASCADE,
  patient_id text,
  email      text,
  data       jsonb       NOT NULL DEFAULT '{}',
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at    timestamptz,
  attempts   integer     NOT NULL DEFAULT 0
);
CREATE INDEX one_time_tokens_email_idx ON one_time_tokens (kind, email) WHERE used_at IS NULL;

-- Failure counters for sign-in, code entry and reset, per account and per IP, with backoff.
CREATE TABLE throttle (
  key          text        PRIMARY KEY,   -- e.g. 'sign-in:account:<user id>', 'code:ip:1.2.3.4'
  failures     integer     NOT NULL DEFAULT 0,
  window_start timestamptz NOT NULL DEFAULT now(),
  locked_until timestamptz,
  notified_at  timestamptz
);

-- Transactional outbox for email: written in the same transaction as the action that sends it,
-- delivered by a background loop with retries. Bodies hold links and codes, so they are encrypted.
CREATE TABLE mail_outbox (
  id         uuid        PRIMARY KEY,
  to_address text        NOT NULL,
  subject    text        NOT NULL,
  body_enc   text        NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  send_after timestamptz NOT NULL DEFAULT now(),
  attempts   integer     NOT NULL DEFAULT 0,
  sent_at    timestamptz,
  last_error text
);
CREATE INDEX mail_outbox_pending_idx ON mail_outbox (send_after) WHERE sent_at IS NULL;
