-- Proxy and family access (issue 7): scoped grants with a start, an optional end and who approved
-- them; invitations by email; age rules per organization.

-- Scopes: record (view the health record), messaging, appointments, billing, refills. Grants made
-- before scopes existed meant "everything".
UPDATE proxy_grants SET scopes = ARRAY['record', 'messaging', 'appointments', 'billing', 'refills'] WHERE scopes = '{}';
ALTER TABLE proxy_grants
  ADD COLUMN starts_at       timestamptz NOT NULL DEFAULT now(),
  -- The user who approved the grant: the patient (an invitation), or a staff member (with a reason).
  ADD COLUMN approved_by     uuid,
  ADD COLUMN approval_reason text,
  -- Why it ended: 'revoked' (by the patient or staff), 'age-of-majority' (a parent's access when
  -- the child turns adult), 'declined-by-proxy' (the proxy gave it up).
  ADD COLUMN ended_reason    text CHECK (ended_reason IN ('revoked', 'age-of-majority', 'declined-by-proxy')),
  ADD COLUMN revoked_by      uuid,
  ADD CONSTRAINT proxy_grants_scopes_known CHECK (scopes <@ ARRAY['record', 'messaging', 'appointments', 'billing', 'refills']::text[]);
CREATE INDEX proxy_grants_patient_idx ON proxy_grants (patient_id);

-- An adult patient invites someone by email to be their proxy. The link carries a random token
-- (only its SHA-256 is stored); the invitee signs in or creates an account and accepts, which
-- creates the grant. No PHI in the row beyond the address the patient typed.
CREATE TABLE proxy_invitations (
  id              uuid        PRIMARY KEY,
  patient_id      text        NOT NULL,
  invited_by      uuid        NOT NULL,
  email           text        NOT NULL,
  relationship    text        NOT NULL CHECK (relationship IN ('parent', 'guardian', 'caregiver')),
  scopes          text[]      NOT NULL CHECK (scopes <@ ARRAY['record', 'messaging', 'appointments', 'billing', 'refills']::text[] AND cardinality(scopes) > 0),
  grant_ends_at   timestamptz,
  token_hash      text        NOT NULL UNIQUE,
  created_at      timestamptz NOT NULL DEFAULT now(),
  expires_at      timestamptz NOT NULL,
  accepted_at     timestamptz,
  accepted_by     uuid,
  cancelled_at    timestamptz
);
CREATE INDEX proxy_invitations_patient_idx ON proxy_invitations (patient_id, created_at DESC);

-- Age rules per organization ('default' applies where a patient's organization has none).
CREATE TABLE proxy_age_rules (
  organization_id              text        PRIMARY KEY,
  -- Youngest age at which a patient may have their own account.
  own_account_min_age          integer     NOT NULL DEFAULT 12 CHECK (own_account_min_age BETWEEN 0 AND 21),
  -- From this age parents keep only the features below; confidential items and the teen's own
  -- messages are hidden from them.
  adolescent_age               integer     NOT NULL DEFAULT 12 CHECK (adolescent_age BETWEEN 0 AND 21),
  -- At this age a parent's access ends and the new adult is told how to grant it again.
  adult_age                    integer     NOT NULL DEFAULT 18 CHECK (adult_age BETWEEN 12 AND 21),
  adolescent_parent_features   text[]      NOT NULL DEFAULT ARRAY['appointments', 'immunizations', 'billing', 'messaging']
    CHECK (adolescent_parent_features <@ ARRAY['record', 'immunizations', 'messaging', 'appointments', 'billing', 'refills']::text[]),
  updated_at                   timestamptz NOT NULL DEFAULT now(),
  updated_by                   uuid,
  CHECK (adolescent_age <= adult_age)
);
INSERT INTO proxy_age_rules (organization_id) VALUES ('default');
