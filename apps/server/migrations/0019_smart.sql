-- SMART on FHIR authorization server (issue 9): oidc-provider's storage and what the portal adds.

-- Everything oidc-provider persists (clients registered at run time, grants, interactions,
-- authorization codes, access and refresh tokens, sessions), one row per model instance.
-- Token models (codes, access and refresh tokens, registration tokens) are keyed by a SHA-256 of the
-- token, and their payload keeps no copy of it, so a copy of this table holds no usable bearer token.
-- grant_id makes "revoke this app" one statement across every token of the grant.
CREATE TABLE oidc_models (
  model        text        NOT NULL,
  id           text        NOT NULL,
  payload      jsonb       NOT NULL,
  grant_id     text,
  uid          text,
  user_code    text,
  expires_at   timestamptz,
  consumed_at  timestamptz,
  PRIMARY KEY (model, id)
);
CREATE INDEX oidc_models_grant_idx ON oidc_models (grant_id) WHERE grant_id IS NOT NULL;
CREATE INDEX oidc_models_uid_idx ON oidc_models (uid) WHERE uid IS NOT NULL;
CREATE INDEX oidc_models_expires_idx ON oidc_models (expires_at) WHERE expires_at IS NOT NULL;

-- The server's signing key (RS256, private JWK) and cookie-signing secret, generated once and
-- shared by every node; encrypted with the keyring (the id is bound as additional data).
CREATE TABLE smart_keys (
  id          text        PRIMARY KEY,
  secret      text        NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);

-- One row per app connection a person approved: whose record (a proxy picks a patient they hold
-- a grant for), which app, what it may read, and when it last used our FHIR API (updated at most
-- once a minute). The OAuth grant itself lives in oidc_models (model 'Grant'); revoked_at keeps
-- the history after the grant and its tokens are deleted.
CREATE TABLE smart_app_grants (
  grant_id       text        PRIMARY KEY,
  -- The id people and the API use for the connection (/api/apps/:connectionId); the provider's
  -- grant id stays internal.
  connection_id  uuid        NOT NULL UNIQUE,
  user_id        uuid        NOT NULL,
  patient_id     text        NOT NULL,
  client_id      text        NOT NULL,
  scope          text        NOT NULL,
  authorized_at  timestamptz NOT NULL DEFAULT now(),
  last_used_at   timestamptz,
  revoked_at     timestamptz
);
CREATE INDEX smart_app_grants_user_idx ON smart_app_grants (user_id, authorized_at DESC) WHERE revoked_at IS NULL;
CREATE INDEX smart_app_grants_client_idx ON smart_app_grants (client_id) WHERE revoked_at IS NULL;

-- How each client got here (the admin page, RFC 7591 registration, or the demo seed) and by whom.
-- A client in oidc_models without a row here registered itself (dynamic).
CREATE TABLE smart_clients (
  client_id   text        PRIMARY KEY,
  source      text        NOT NULL CHECK (source IN ('admin', 'dynamic', 'demo')),
  created_by  uuid,
  created_at  timestamptz NOT NULL DEFAULT now()
);

-- The signed-in person who opened a consent request first; nobody else can answer it.
CREATE TABLE smart_interaction_owners (
  uid         text        PRIMARY KEY,
  user_id     uuid        NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);
