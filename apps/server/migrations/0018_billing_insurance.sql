-- Insurance updates, price estimates and financial assistance (issue 8, parts 4 and 5).

-- An insurance update a patient (or a proxy with the billing scope) sends: the new card details and
-- photos of both sides, waiting for staff review. The Coverage in the FHIR store changes only when
-- staff accept, in the same transaction as this row. Card details, photos and the reason for a
-- refusal are PHI, so they are stored encrypted with the keyring (the row id is bound as additional
-- data, so a value copied into another row does not decrypt).
CREATE TABLE insurance_updates (
  id                   uuid        PRIMARY KEY,
  patient_id           text        NOT NULL,
  -- The Coverage that was current when the update was sent (null when there was none).
  coverage_id          text,
  details_enc          text        NOT NULL,   -- JSON: payer, member id, group, subscriber, relationship
  front_type           text        NOT NULL CHECK (front_type IN ('image/jpeg', 'image/png', 'image/heic')),
  front_enc            text        NOT NULL,
  back_type            text        NOT NULL CHECK (back_type IN ('image/jpeg', 'image/png', 'image/heic')),
  back_enc             text        NOT NULL,
  state                text        NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'accepted', 'rejected')),
  reason_enc           text,
  -- The Coverage an acceptance wrote (a new version of coverage_id, or a new Coverage).
  result_coverage_id   text,
  -- User ids without foreign keys on purpose (as in refill_requests): the update outlives accounts.
  submitted_by         uuid        NOT NULL,
  decided_by           uuid,
  created_at           timestamptz NOT NULL DEFAULT now(),
  decided_at           timestamptz
);
-- One update waits for review per patient: a second one while the first waits is refused (409),
-- also when two race.
CREATE UNIQUE INDEX insurance_updates_one_pending_idx ON insurance_updates (patient_id) WHERE state = 'pending';
CREATE INDEX insurance_updates_state_idx ON insurance_updates (state, created_at DESC);
CREATE INDEX insurance_updates_patient_idx ON insurance_updates (patient_id, created_at DESC);

-- The clinic's price list for estimates: the services a visit type usually includes, with the
-- clinic's price and the amount insurers usually allow. Not patient data. The rows below are a
-- starting list for the standard visit types (rows for visit types a clinic does not have are
-- simply never shown); a clinic edits them to its own prices.
CREATE TABLE clinic_prices (
  visit_type_id   text     NOT NULL,
  cpt             text     NOT NULL CHECK (cpt ~ '^[0-9]{4}[0-9A-Z]$'),
  name_en         text     NOT NULL,
  name_es         text     NOT NULL,
  price_cents     integer  NOT NULL CHECK (price_cents >= 0),
  allowed_cents   integer  NOT NULL CHECK (allowed_cents >= 0 AND allowed_cents <= price_cents),
  sort_order      integer  NOT NULL DEFAULT 0,
  PRIMARY KEY (visit_type_id, cpt)
);
INSERT INTO clinic_prices (visit_type_id, cpt, name_en, name_es, price_cents, allowed_cents, sort_order) VALUES
  ('follow-up', '99213', 'Office visit with your clinician', 'Consulta en el consultorio con su clínico', 15000, 10800, 1),
  ('video-visit', '99213', 'Video visit with your clinician', 'Consulta por video con su clínico', 15000, 10800, 1),
  ('annual-physical', '99396', 'Yearly checkup (preventive)', 'Chequeo anual (preventivo)', 26000, 18700, 1),
  ('annual-physical', '36415', 'Blood draw', 'Extracción de sangre', 2000, 1400, 2),
  ('annual-physical', '80053', 'Blood test: metabolic panel', 'Análisis de sangre: panel metabólico', 4500, 3200, 3),
  ('sick-visit', '99213', 'Office visit with your clinician', 'Consulta en el consultorio con su clínico', 15000, 10800, 1),
  ('sick-visit', '87880', 'Rapid strep test', 'Prueba rápida de estreptococo', 3500, 2500, 2),
  ('well-child', '99393', 'Well-child checkup (preventive)', 'Chequeo de niño sano (preventivo)', 22000, 15800, 1),
  ('well-child', '96110', 'Development screening', 'Evaluación del desarrollo', 3000, 2200, 2),
  ('cardiology-consult', '99204', 'Visit with the heart doctor', 'Consulta con el cardiólogo', 30000, 21600, 1),
  ('cardiology-consult', '93000', 'Heart tracing (ECG)', 'Electrocardiograma (ECG)', 8500, 6100, 2);

-- Financial assistance applications. The answers are a FHIR QuestionnaireResponse in the patient's
-- record (response_id); this row is the billing office's work queue and the decision. The reason
-- for a denial is PHI-adjacent free text, so it is encrypted.
CREATE TABLE assistance_applications (
  id                 uuid        PRIMARY KEY,
  patient_id         text        NOT NULL,
  response_id        text        NOT NULL,
  pool_id            text        NOT NULL REFERENCES message_pools (id),
  state              text        NOT NULL DEFAULT 'submitted' CHECK (state IN ('submitted', 'approved', 'denied')),
  discount_percent   integer     CHECK (discount_percent BETWEEN 1 AND 100),
  reason_enc         text,
  submitted_by       uuid        NOT NULL,
  decided_by         uuid,
  created_at         timestamptz NOT NULL DEFAULT now(),
  decided_at         timestamptz,
  CHECK ((state = 'approved') = (discount_percent IS NOT NULL))
);
-- One application waits per patient at a time.
CREATE UNIQUE INDEX assistance_applications_one_open_idx ON assistance_applications (patient_id) WHERE state = 'submitted';
CREATE INDEX assistance_applications_pool_idx ON assistance_applications (pool_id, state, created_at DESC);
CREATE INDEX assistance_applications_patient_idx ON assistance_applications (patient_id, created_at DESC);
