-- A Coverage belongs to the person it covers (its beneficiary). The store used to file it under the
-- first Patient reference in the compartment definition's order (policy-holder, subscriber, ...), so
-- a child's plan held by a parent sat in the parent's record: the parent saw it, the child's bills
-- and the FHIR API did not. The indexer now puts the beneficiary first (fhir-store/definitions.ts);
-- this moves rows written before that. Idempotent.
UPDATE resources
   SET patient_id = substring(content->'beneficiary'->>'reference' FROM '^Patient/([^/]+)$')
 WHERE resource_type = 'Coverage'
   AND content->'beneficiary'->>'reference' ~ '^Patient/[^/]+$'
   AND patient_id IS DISTINCT FROM substring(content->'beneficiary'->>'reference' FROM '^Patient/([^/]+)$');
