-- Persistent job queue (issue 5): work that must happen later or outside a request (appointment
-- reminders, offer expiry). A job is claimed with FOR UPDATE SKIP LOCKED and its handler runs in
-- the claiming transaction, so the handler's writes and "done" commit together: with any number of
-- nodes a job's effects happen exactly once. `key` is deterministic (e.g.
-- reminder:<appointment>:1d:<startsAt>), so planning the same work twice queues it once.
CREATE TABLE jobs (
  id          uuid        PRIMARY KEY,
  kind        text        NOT NULL,
  key         text        NOT NULL UNIQUE,
  payload     jsonb       NOT NULL DEFAULT '{}'::jsonb,
  run_at      timestamptz NOT NULL,
  attempts    integer     NOT NULL DEFAULT 0,
  -- The error message of the last failed attempt (no PHI: handlers throw codes, not content).
  last_error  text,
  done_at     timestamptz,
  created_at  timestamptz NOT NULL DEFAULT now()
);
-- The worker's only query: due jobs not yet done, oldest first.
CREATE INDEX jobs_due_idx ON jobs (run_at) WHERE done_at IS NULL;

-- Appointment reminder preferences, one row per patient (no row = every reminder on). Proxies
-- change them for the patient they act for; they apply to every account that gets the patient's
-- reminders.
CREATE TABLE reminder_preferences (
  patient_id  text        PRIMARY KEY,
  email       boolean     NOT NULL DEFAULT true,
  in_app      boolean     NOT NULL DEFAULT true,
  week_before boolean     NOT NULL DEFAULT true,
  day_before  boolean     NOT NULL DEFAULT true,
  updated_at  timestamptz NOT NULL DEFAULT now(),
  updated_by  uuid
);
