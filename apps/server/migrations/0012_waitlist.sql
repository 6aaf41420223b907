-- Waitlist for an earlier time (issue 5, "Fast Pass"): a patient with a booked visit asks to be
-- told when an earlier time opens; freed time is offered to the first few who asked, and the first
-- to accept gets it. Workflow state only, no free text: the visit itself is the FHIR Appointment.

-- One row of settings, changed by an administrator (docs/appointments/waitlist.md).
CREATE TABLE waitlist_settings (
  id                    smallint    PRIMARY KEY DEFAULT 1 CHECK (id = 1),
  -- How many people are offered the same opening at once (the first to accept gets it).
  offers_per_opening    integer     NOT NULL DEFAULT 3 CHECK (offers_per_opening BETWEEN 1 AND 20),
  -- How long an offer stands before it passes to the next person in line.
  offer_window_minutes  integer     NOT NULL DEFAULT 120 CHECK (offer_window_minutes BETWEEN 5 AND 2880),
  updated_at            timestamptz NOT NULL DEFAULT now()
);
INSERT INTO waitlist_settings (id) VALUES (1);

-- A request for an earlier time for one booked appointment. practitioner_id NULL: any clinician
-- of the visit type. weekdays NULL: any day (0 = Sunday ... 6 = Saturday, clinic time zone).
CREATE TABLE waitlist_entries (
  id              uuid        PRIMARY KEY,
  patient_id      text        NOT NULL,
  appointment_id  text        NOT NULL REFERENCES appointments (id),
  visit_type_id   text        NOT NULL REFERENCES visit_types (id),
  practitioner_id text,
  location_id     text        NOT NULL,
  earliest_day    date,
  weekdays        smallint[]  CHECK (weekdays IS NULL OR (cardinality(weekdays) BETWEEN 1 AND 7 AND weekdays <@ ARRAY[0,1,2,3,4,5,6]::smallint[])),
  status          text        NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'fulfilled', 'cancelled')),
  -- No foreign key: the entry outlives the account that made it (a proxy may lose access).
  created_by      uuid        NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  closed_at       timestamptz
);
-- One active entry per appointment, even when two requests race.
CREATE UNIQUE INDEX waitlist_entries_one_active_idx ON waitlist_entries (appointment_id) WHERE status = 'active';
-- Matching walks active entries in the order people asked.
CREATE INDEX waitlist_entries_active_idx ON waitlist_entries (created_at) WHERE status = 'active';
CREATE INDEX waitlist_entries_patient_idx ON waitlist_entries (patient_id, created_at DESC);

-- A time offered to one entry. An opening is the freed time (practitioner, location, start, end);
-- starts_at/ends_at are the visit that would be booked in it. status: offered (waiting for an
-- answer), accepted (booked), declined, expired (no answer in time), taken (someone else accepted
-- first or the time was booked), withdrawn (the entry closed: the patient stopped looking or got
-- another time).
CREATE TABLE waitlist_offers (
  id                uuid        PRIMARY KEY,
  entry_id          uuid        NOT NULL REFERENCES waitlist_entries (id),
  patient_id        text        NOT NULL,
  practitioner_id   text        NOT NULL,
  location_id       text        NOT NULL,
  opening_starts_at timestamptz NOT NULL,
  opening_ends_at   timestamptz NOT NULL,
  starts_at         timestamptz NOT NULL,
  ends_at           timestamptz NOT NULL,
  status            text        NOT NULL DEFAULT 'offered' CHECK (status IN ('offered', 'accepted', 'declined', 'expired', 'taken', 'withdrawn')),
  expires_at        timestamptz NOT NULL,
  created_at        timestamptz NOT NULL DEFAULT now(),
  responded_at      timestamptz,
  -- The appointment booked when the offer was accepted.
  appointment_id    text,
  CHECK (starts_at < ends_at AND opening_starts_at < opening_ends_at)
);
-- The same opening is offered to an entry at most once (a decline is final for that time).
CREATE UNIQUE INDEX waitlist_offers_once_idx ON waitlist_offers (entry_id, practitioner_id, opening_starts_at);
CREATE INDEX waitlist_offers_opening_idx ON waitlist_offers (practitioner_id, opening_starts_at) WHERE status = 'offered';
CREATE INDEX waitlist_offers_expiry_idx ON waitlist_offers (expires_at) WHERE status = 'offered';
CREATE INDEX waitlist_offers_patient_idx ON waitlist_offers (patient_id, created_at DESC);
