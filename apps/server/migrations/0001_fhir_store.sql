-- FHIR R4 resource store (DESIGN.md "Data"): one table of current versions, one of every
-- version ever written, and index tables for search parameters, filled at write time so
-- searches are plain indexed joins instead of JSON scans.

CREATE TABLE resources (
  resource_type text        NOT NULL,
  id            text        NOT NULL,
  version_id    integer     NOT NULL,
  last_updated  timestamptz NOT NULL,
  -- Patient compartment (the Patient id this resource belongs to), from the official
  -- CompartmentDefinition. NULL for shared resources (Organization, Practitioner, ...).
  patient_id    text,
  content       jsonb       NOT NULL,
  deleted       boolean     NOT NULL DEFAULT false,
  PRIMARY KEY (resource_type, id)
);
-- The access path of every patient-facing read: "this patient's resources of this type".
CREATE INDEX resources_patient_type_idx ON resources (patient_id, resource_type) WHERE patient_id IS NOT NULL;
CREATE INDEX resources_type_updated_idx ON resources (resource_type, last_updated);

CREATE TABLE resource_history (
  resource_type text        NOT NULL,
  id            text        NOT NULL,
  version_id    integer     NOT NULL,
  last_updated  timestamptz NOT NULL,
  content       jsonb       NOT NULL,
  deleted       boolean     NOT NULL DEFAULT false,
  PRIMARY KEY (resource_type, id, version_id)
);

-- Index rows are keyed by (resource_type, resource_id) and replaced whole on every write.
CREATE TABLE search_token (
  resource_type text NOT NULL,
  resource_id   text NOT NULL,
  code          text NOT NULL,  -- search parameter code, e.g. 'category'
  system        text,
  value         text
);
CREATE INDEX search_token_lookup_idx ON search_token (resource_type, code, value, system);
CREATE INDEX search_token_owner_idx ON search_token (resource_type, resource_id);

CREATE TABLE search_reference (
  resource_type text NOT NULL,
  resource_id   text NOT NULL,
  code          text NOT NULL,
  target_type   text,
  target_id     text NOT NULL  -- 'Patient/123' style references are split; absolute URLs keep the whole URL here
);
CREATE INDEX search_reference_lookup_idx ON search_reference (resource_type, code, target_id);
CREATE INDEX search_reference_owner_idx ON search_reference (resource_type, resource_id);

CREATE TABLE search_date (
  resource_type text        NOT NULL,
  resource_id   text        NOT NULL,
  code          text        NOT NULL,
  start_at      timestamptz NOT NULL,  -- inclusive
  end_at        timestamptz NOT NULL   -- exclusive; 'infinity' for open periods
);
CREATE INDEX search_date_lookup_idx ON search_date (resource_type, code, start_at);
CREATE INDEX search_date_owner_idx ON search_date (resource_type, resource_id);

CREATE TABLE search_string (
  resource_type text NOT NULL,
  resource_id   text NOT NULL,
  code          text NOT NULL,
  value         text NOT NULL  -- lower-cased, accents removed (FHIR string search is case- and accent-insensitive)
);
CREATE INDEX search_string_lookup_idx ON search_string (resource_type, code, value text_pattern_ops);
CREATE INDEX search_string_owner_idx ON search_string (resource_type, resource_id);

CREATE TABLE search_quantity (
  resource_type text    NOT NULL,
  resource_id   text    NOT NULL,
  code          text    NOT NULL,
  value         numeric NOT NULL,
  system        text,
  unit          text
);
CREATE INDEX search_quantity_lookup_idx ON search_quantity (resource_type, code, value);
CREATE INDEX search_quantity_owner_idx ON search_quantity (resource_type, resource_id);
