-- Secure messaging (issue 6): pools of staff who answer, threads, messages (with drafts), read
-- receipts per reader, attachments and saved reply templates.
-- Free text (subjects, bodies, draft contents) and attachment bytes are PHI: they are stored
-- AES-256-GCM encrypted by the application (platform/crypto/keyring.ts, the row id bound as
-- additional data), like mail_outbox bodies. Everything else is workflow state and is plain, so the
-- staff inbox and its counts are indexed queries. User ids carry no foreign keys on purpose: a
-- conversation is part of the legal record and outlives the accounts that wrote it.

-- A pool is who answers a thread: a clinician's care team, the front desk or the billing office.
CREATE TABLE message_pools (
  id               text        PRIMARY KEY,
  kind             text        NOT NULL CHECK (kind IN ('care-team', 'front-desk', 'billing')),
  -- A care-team pool answers the patients whose Patient.generalPractitioner is this Practitioner.
  practitioner_id  text,
  -- The care-team pool used when no pool matches the patient's clinician (one per kind at most).
  is_default       boolean     NOT NULL DEFAULT false,
  name_en          text        NOT NULL,
  name_es          text        NOT NULL,
  reply_time_en    text        NOT NULL,
  reply_time_es    text        NOT NULL,
  created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX message_pools_default_idx ON message_pools (kind) WHERE is_default;
CREATE UNIQUE INDEX message_pools_practitioner_idx ON message_pools (practitioner_id) WHERE practitioner_id IS NOT NULL;

CREATE TABLE message_pool_members (
  pool_id  text NOT NULL REFERENCES message_pools (id) ON DELETE CASCADE,
  user_id  uuid NOT NULL,
  PRIMARY KEY (pool_id, user_id)
);
CREATE INDEX message_pool_members_user_idx ON message_pool_members (user_id);

CREATE TABLE message_threads (
  id                text        PRIMARY KEY,
  patient_id        text        NOT NULL,
  topic             text        NOT NULL CHECK (topic IN ('medical-question', 'prescription', 'test-result', 'scheduling', 'billing', 'other')),
  subject_enc       text        NOT NULL,
  pool_id           text        NOT NULL REFERENCES message_pools (id),
  status            text        NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'waiting-on-patient', 'closed')),
  assigned_user_id  uuid,
  created_by        uuid        NOT NULL,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  last_message_at   timestamptz NOT NULL DEFAULT now(),
  closed_at         timestamptz,
  closed_by         uuid
);
CREATE INDEX message_threads_patient_idx ON message_threads (patient_id, last_message_at DESC);
CREATE INDEX message_threads_pool_idx ON message_threads (pool_id, status, last_message_at DESC);

-- Messages and drafts. A draft is a message with draft = true that nobody else sees; there is at
-- most one per author per thread, and one new-thread draft (thread_id NULL, its topic and subject
-- inside the encrypted body) per author per patient: the partial unique indexes below.
CREATE TABLE messages (
  id              text        PRIMARY KEY,
  thread_id       text        REFERENCES message_threads (id),
  patient_id      text        NOT NULL,
  author_user_id  uuid        NOT NULL,
  author_kind     text        NOT NULL CHECK (author_kind IN ('patient', 'proxy', 'staff')),
  body_enc        text        NOT NULL,
  draft           boolean     NOT NULL DEFAULT false,
  created_at      timestamptz NOT NULL DEFAULT now(),
  CHECK (draft OR thread_id IS NOT NULL)
);
CREATE INDEX messages_thread_idx ON messages (thread_id, created_at) WHERE NOT draft;
CREATE UNIQUE INDEX messages_one_thread_draft_idx ON messages (thread_id, author_user_id) WHERE draft AND thread_id IS NOT NULL;
CREATE UNIQUE INDEX messages_one_new_thread_draft_idx ON messages (patient_id, author_user_id) WHERE draft AND thread_id IS NULL;

-- One row per message per reader, written the first time the reader opens the thread.
CREATE TABLE message_reads (
  message_id  text        NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
  user_id     uuid        NOT NULL,
  reader_kind text        NOT NULL CHECK (reader_kind IN ('patient', 'proxy', 'staff')),
  read_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (message_id, user_id)
);

-- Attachment bytes are base64 then encrypted (a text column: the keyring works on strings).
-- content_type is what the server detected from the bytes, never what the browser claimed.
CREATE TABLE message_attachments (
  id            text        PRIMARY KEY,
  message_id    text        NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
  -- Order within the message, as the sender attached them (one transaction shares one now()).
  position      smallint    NOT NULL CHECK (position >= 0 AND position < 5),
  file_name     text        NOT NULL,
  content_type  text        NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'image/heic', 'application/pdf')),
  size_bytes    integer     NOT NULL CHECK (size_bytes > 0 AND size_bytes <= 10485760),
  data_enc      text        NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX message_attachments_message_idx ON message_attachments (message_id);

-- Saved replies per pool. Not patient data: plain text.
CREATE TABLE message_templates (
  id          text        PRIMARY KEY,
  pool_id     text        NOT NULL REFERENCES message_pools (id) ON DELETE CASCADE,
  title       text        NOT NULL,
  body        text        NOT NULL,
  updated_by  uuid,
  updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX message_templates_pool_idx ON message_templates (pool_id, title);

-- Every clinic has these three; the demo seed adds one care-team pool per clinician team
-- (features/messaging/seed-messaging.ts) and puts staff in the pools.
INSERT INTO message_pools (id, kind, is_default, name_en, name_es, reply_time_en, reply_time_es) VALUES
  ('care-team', 'care-team', true, 'Care team', 'Equipo de atención', '2 business days', '2 días hábiles'),
  ('front-desk', 'front-desk', true, 'Front desk', 'Recepción', '1 business day', '1 día hábil'),
  ('billing-office', 'billing', true, 'Billing office', 'Oficina de facturación', '3 business days', '3 días hábiles');

INSERT INTO message_templates (id, pool_id, title, body) VALUES
  ('tpl-care-received', 'care-team', 'We got your message', 'Thank you for your message. Your care team is looking into it and will answer soon.'),
  ('tpl-care-visit', 'care-team', 'Please book a visit', 'Thank you for writing. This is best handled at a visit. Please book one under Appointments, or call the clinic.'),
  ('tpl-front-booked', 'front-desk', 'Visit booked', 'We booked the visit you asked for. You can see it under Appointments.'),
  ('tpl-billing-review', 'billing-office', 'Bill under review', 'Thank you. We are reviewing your bill and will write back within 3 business days.');
