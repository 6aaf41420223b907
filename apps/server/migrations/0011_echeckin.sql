-- Questionnaires, care alerts and eCheck-in (issue 5). The answers themselves are FHIR
-- QuestionnaireResponse resources in the store (drafts in-progress, then completed with the score);
-- these tables hold workflow state only, and no answer text.

-- One row per QuestionnaireResponse the portal created: which patient, which questionnaire, in
-- which context (an appointment id, or '' for none). A partial unique index keeps one draft per
-- patient, questionnaire and context even when two saves race.
CREATE TABLE questionnaire_responses (
  id                text        PRIMARY KEY,           -- the QuestionnaireResponse id
  patient_id        text        NOT NULL,
  questionnaire_id  text        NOT NULL,
  context_id        text        NOT NULL DEFAULT '',   -- appointment id, or '' outside a visit
  status            text        NOT NULL CHECK (status IN ('in-progress', 'completed')),
  score             integer,
  created_by        uuid        NOT NULL,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  completed_at      timestamptz
);
CREATE UNIQUE INDEX questionnaire_responses_one_draft_idx ON questionnaire_responses (patient_id, questionnaire_id, context_id) WHERE status = 'in-progress';
-- A questionnaire is answered once per visit: two completions racing for the same appointment
-- collide here (the second is refused with 409).
CREATE UNIQUE INDEX questionnaire_responses_once_per_visit_idx ON questionnaire_responses (patient_id, questionnaire_id, context_id) WHERE status = 'completed' AND context_id <> '';
CREATE INDEX questionnaire_responses_patient_idx ON questionnaire_responses (patient_id, updated_at DESC);

-- Care-team alerts raised at once from answers (PHQ-9 >= 20, GAD-7 >= 15, any PHQ-9 item 9 answer
-- above zero). The FHIR Flag in the patient's record is the clinical side; this row is the work
-- queue (/staff/alerts) and who acknowledged it, when. No free text.
CREATE TABLE care_alerts (
  id               uuid        PRIMARY KEY,
  patient_id       text        NOT NULL,
  response_id      text        NOT NULL,
  appointment_id   text,
  practitioner_id  text,                               -- the clinician of the appointment, if any
  kind             text        NOT NULL CHECK (kind IN ('phq9-severe', 'phq9-item9', 'gad7-severe')),
  score            integer     NOT NULL,
  flag_id          text        NOT NULL,
  created_at       timestamptz NOT NULL DEFAULT now(),
  acknowledged_at  timestamptz,
  acknowledged_by  uuid,                               -- no foreign key: the record outlives accounts
  UNIQUE (response_id, kind)
);
CREATE INDEX care_alerts_open_idx ON care_alerts (acknowledged_at, created_at DESC);
CREATE INDEX care_alerts_patient_idx ON care_alerts (patient_id, created_at DESC);

-- eCheck-in progress, one row per appointment, saved step by step. The insurance note for the
-- front desk is free text the patient wrote, so it is AES-256-GCM encrypted (platform/crypto).
CREATE TABLE echeckin_progress (
  appointment_id       text        PRIMARY KEY,
  patient_id           text        NOT NULL,
  demographics_at      timestamptz,
  insurance_at         timestamptz,
  insurance_changed    boolean     NOT NULL DEFAULT false,
  insurance_note_enc   text,
  medications_at       timestamptz,
  medication_review_id text,                           -- the QuestionnaireResponse of "still taking / not taking"
  questionnaires_at    timestamptz,
  completed_at         timestamptz,
  updated_by           uuid        NOT NULL,
  updated_at           timestamptz NOT NULL DEFAULT now()
);
