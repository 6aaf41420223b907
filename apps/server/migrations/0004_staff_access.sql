-- Staff access to patient records: emergency ("break the glass") grants, alerts for practice
-- administrators, and an index for the activity page and the admin audit report.

-- A staff member who is not on a patient's care team may open the record in an emergency after
-- giving a reason. The grant lasts 4 hours. The reason is kept here only (AES-256-GCM encrypted,
-- it may describe the patient's condition), never in logs, emails or the audit trail; the audit
-- trail records that the glass was broken, by whom, for whom and when.
CREATE TABLE break_glass_grants (
  id         uuid        PRIMARY KEY,
  user_id    uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  patient_id text        NOT NULL,
  reason_enc text        NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX break_glass_grants_user_idx ON break_glass_grants (user_id, patient_id, expires_at);

-- Things a practice administrator must look at (break-the-glass use, later other security events).
-- organization_id is the audience: the administrators of that organization see the alert.
CREATE TABLE admin_alerts (
  id              uuid        PRIMARY KEY,
  kind            text        NOT NULL,
  organization_id text,
  created_at      timestamptz NOT NULL DEFAULT now(),
  message         text        NOT NULL,
  actor_id        uuid        REFERENCES users (id) ON DELETE SET NULL,
  patient_id      text,
  grant_id        uuid        REFERENCES break_glass_grants (id) ON DELETE SET NULL
);
CREATE INDEX admin_alerts_org_idx ON admin_alerts (organization_id, created_at);

-- The activity page lists a user's own sign-ins and account changes (events without a patient),
-- and the audit report filters by user: both look events up by actor.
CREATE INDEX audit_events_actor_idx ON audit_events (actor_id, seq);
