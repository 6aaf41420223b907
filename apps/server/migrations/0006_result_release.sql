-- Result release (issue 4, item 2). Final results are shown to the patient at once (US Cures Act),
-- unless the patient chose to hold a category of results until a clinician has reviewed them.

-- One row per held category and patient (no row: released at once). held_since limits the hold to
-- results dated from then on, so turning a hold on never hides years of results already seen.
-- Keyed by patient, not by account: a parent and the patient see the same choice.
CREATE TABLE result_release_preferences (
  patient_id  text        NOT NULL,
  category    text        NOT NULL CHECK (category IN ('laboratory', 'imaging', 'pathology', 'other')),
  held_since  timestamptz NOT NULL DEFAULT now(),
  updated_by  uuid        REFERENCES users (id) ON DELETE SET NULL,
  PRIMARY KEY (patient_id, category)
);

-- A clinician's review of one result (a DiagnosticReport, or an Observation that stands alone):
-- who, when and which. The first review counts; marking it again changes nothing.
CREATE TABLE result_reviews (
  entity_type  text        NOT NULL CHECK (entity_type IN ('DiagnosticReport', 'Observation')),
  entity_id    text        NOT NULL,
  patient_id   text        NOT NULL,
  reviewed_by  uuid        REFERENCES users (id) ON DELETE SET NULL,
  reviewed_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (entity_type, entity_id)
);
CREATE INDEX result_reviews_patient_idx ON result_reviews (patient_id);

-- New-result notifications come from a sweep over the resources written since the last sweep
-- (features/results/announce.ts). This single row is its high-water mark: the last_updated of
-- the newest result it has looked at. Each sweep looks a little further back than the mark
-- (writes commit out of timestamp order); notifications are unique per item, so a second look
-- never notifies twice.
CREATE TABLE result_announce_mark (
  id            integer     PRIMARY KEY CHECK (id = 1),
  last_updated  timestamptz NOT NULL
);
