-- Scheduling (issue 5): what can be booked, when clinicians work, and who holds which time.
-- FHIR carries the clinical side (Schedule per clinician and location, Slot and Appointment in
-- the patient's compartment); these tables hold configuration and the facts that must be unique.

-- Clinic-wide settings (one row). Times are shown and chosen in the clinic's time zone.
CREATE TABLE scheduling_settings (
  id                     smallint    PRIMARY KEY DEFAULT 1 CHECK (id = 1),
  time_zone              text        NOT NULL DEFAULT 'America/Chicago',
  -- Patients may cancel or reschedule online until this many hours before the visit.
  cancel_cutoff_hours    integer     NOT NULL DEFAULT 24 CHECK (cancel_cutoff_hours BETWEEN 0 AND 336),
  -- How far ahead patients may book, and the earliest they may book (minutes from now).
  booking_horizon_days   integer     NOT NULL DEFAULT 60 CHECK (booking_horizon_days BETWEEN 1 AND 365),
  min_notice_minutes     integer     NOT NULL DEFAULT 120 CHECK (min_notice_minutes BETWEEN 0 AND 20160),
  updated_at             timestamptz NOT NULL DEFAULT now(),
  updated_by             uuid
);
INSERT INTO scheduling_settings (id) VALUES (1);

-- Visit types ("reasons" patients pick). Durations are multiples of 5 minutes (the booking unit).
CREATE TABLE visit_types (
  id                text        PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
  name_en           text        NOT NULL,
  name_es           text        NOT NULL,
  description_en    text        NOT NULL DEFAULT '',
  description_es    text        NOT NULL DEFAULT '',
  duration_minutes  integer     NOT NULL CHECK (duration_minutes BETWEEN 5 AND 240 AND duration_minutes % 5 = 0),
  modality          text        NOT NULL CHECK (modality IN ('in-person', 'video')),
  -- 'self': patients book it themselves; 'request': patients ask and staff call back to book.
  booking           text        NOT NULL CHECK (booking IN ('self', 'request')),
  practitioner_ids  text[]      NOT NULL DEFAULT '{}',
  -- Questionnaire ids (FHIR store) answered at eCheck-in for this visit type.
  questionnaire_ids text[]      NOT NULL DEFAULT '{}',
  -- What to bring, shown at eCheck-in and in the visit details.
  bring_en          text        NOT NULL DEFAULT '',
  bring_es          text        NOT NULL DEFAULT '',
  active            boolean     NOT NULL DEFAULT true,
  sort_order        integer     NOT NULL DEFAULT 0,
  updated_at        timestamptz NOT NULL DEFAULT now()
);

-- Weekly working hours per clinician and location, in minutes from midnight clinic time.
CREATE TABLE clinician_hours (
  id               uuid     PRIMARY KEY,
  practitioner_id  text     NOT NULL,
  location_id      text     NOT NULL,
  weekday          smallint NOT NULL CHECK (weekday BETWEEN 0 AND 6),  -- 0 = Sunday ... 6 = Saturday
  start_minute     smallint NOT NULL CHECK (start_minute BETWEEN 0 AND 1435 AND start_minute % 5 = 0),
  end_minute       smallint NOT NULL CHECK (end_minute BETWEEN 5 AND 1440 AND end_minute % 5 = 0),
  CHECK (start_minute < end_minute)
);
CREATE INDEX clinician_hours_practitioner_idx ON clinician_hours (practitioner_id, weekday);

-- Time off and holidays. practitioner_id NULL: the whole clinic is closed. Minutes NULL: all day.
CREATE TABLE schedule_exceptions (
  id               uuid        PRIMARY KEY,
  practitioner_id  text,
  day              date        NOT NULL,
  start_minute     smallint    CHECK (start_minute BETWEEN 0 AND 1435),
  end_minute       smallint    CHECK (end_minute BETWEEN 5 AND 1440),
  reason           text        NOT NULL DEFAULT '',
  created_by       uuid,
  created_at       timestamptz NOT NULL DEFAULT now(),
  CHECK ((start_minute IS NULL) = (end_minute IS NULL)),
  CHECK (start_minute IS NULL OR start_minute < end_minute)
);
CREATE INDEX schedule_exceptions_day_idx ON schedule_exceptions (day);

-- One row per Appointment resource (same id): the state the scheduling code queries across
-- patients. The FHIR Appointment stays the record; no free text here.
CREATE TABLE appointments (
  id               text        PRIMARY KEY,
  patient_id       text        NOT NULL,
  practitioner_id  text        NOT NULL,
  location_id      text        NOT NULL,
  visit_type_id    text        NOT NULL REFERENCES visit_types (id),
  starts_at        timestamptz NOT NULL,
  ends_at          timestamptz NOT NULL,
  -- FHIR Appointment.status values we use.
  status           text        NOT NULL CHECK (status IN ('proposed', 'booked', 'arrived', 'checked-in', 'fulfilled', 'cancelled', 'noshow')),
  booked_by        uuid,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  cancelled_at     timestamptz,
  -- Set when the patient finishes eCheck-in (staff day view shows it).
  echeckin_completed_at timestamptz,
  CHECK (starts_at < ends_at)
);
CREATE INDEX appointments_patient_idx ON appointments (patient_id, starts_at);
CREATE INDEX appointments_practitioner_idx ON appointments (practitioner_id, starts_at);

-- No double booking: every 5-minute unit a clinician is booked for is one row, so two bookings
-- that overlap at all collide on the primary key, in PostgreSQL and PGlite alike. Cancelling
-- deletes the rows (the time is free again); the appointment row keeps its history.
CREATE TABLE booked_units (
  practitioner_id  text        NOT NULL,
  unit_start       timestamptz NOT NULL,
  appointment_id   text        NOT NULL REFERENCES appointments (id) ON DELETE CASCADE,
  PRIMARY KEY (practitioner_id, unit_start)
);
CREATE INDEX booked_units_appointment_idx ON booked_units (appointment_id);
