import { indexedParams } from '../../platform/fhir-store/definitions.ts';

const US_CORE = 'http://hl7.org/fhir/us/core/StructureDefinition/';

/**
 * The US Core resource types the API serves (issue 9), with the US Core profiles each may claim.
 * Reads and searches of any other type answer 400.
 */
export const US_CORE_PROFILES: Record<string, string[]> = {
  Patient: ['us-core-patient'],
  AllergyIntolerance: ['us-core-allergyintolerance'],
  CarePlan: ['us-core-careplan'],
  CareTeam: ['us-core-careteam'],
  Condition: ['us-core-condition-encounter-diagnosis', 'us-core-condition-problems-health-concerns'],
  Coverage: ['us-core-coverage'],
  Device: ['us-core-implantable-device'],
  DiagnosticReport: ['us-core-diagnosticreport-lab', 'us-core-diagnosticreport-note'],
  DocumentReference: ['us-core-documentreference'],
  Encounter: ['us-core-encounter'],
  Goal: ['us-core-goal'],
  Immunization: ['us-core-immunization'],
  Location: ['us-core-location'],
  Medication: ['us-core-medication'],
  MedicationDispense: ['us-core-medicationdispense'],
  MedicationRequest: ['us-core-medicationrequest'],
  Observation: ['us-core-observation-lab', 'us-core-vital-signs', 'us-core-observation-clinical-result', 'us-core-simple-observation', 'us-core-smokingstatus'],
  Organization: ['us-core-organization'],
  Practitioner: ['us-core-practitioner'],
  PractitionerRole: ['us-core-practitionerrole'],
  Procedure: ['us-core-procedure'],
  Provenance: ['us-core-provenance'],
  QuestionnaireResponse: ['us-core-questionnaireresponse'],
  RelatedPerson: ['us-core-relatedperson'],
  Specimen: ['us-core-specimen'],
};

export const RESOURCE_TYPES = Object.keys(US_CORE_PROFILES);

/** Types outside any patient compartment: readable when some resource of the patient points at them (PatientAccess decides). */
export const SHARED_TYPES = new Set(['Location', 'Medication', 'Organization', 'Practitioner', 'PractitionerRole']);

/** Types Patient/$everything gathers, in this order (the Patient itself comes first). */
export const COMPARTMENT_TYPES = RESOURCE_TYPES.filter((t) => t !== 'Patient' && !SHARED_TYPES.has(t));

export function isResourceType(type: string): boolean {
  return Object.hasOwn(US_CORE_PROFILES, type);
}

export function profilesOf(type: string): string[] {
  return (US_CORE_PROFILES[type] ?? []).map((p) => `${US_CORE}${p}`);
}

/** Search parameters the store can answer for a type (the official FHIR R4 / US Core definitions it indexes). */
export function searchParamsOf(type: string): { name: string; type: 'token' | 'reference' | 'date' | 'string' | 'quantity' }[] {
  return indexedParams(type).map((p) => ({ name: p.code, type: p.kind }));
}

/** `_include` values a type supports: each of its reference parameters (`Type:param`). */
export function includesOf(type: string): string[] {
  return searchParamsOf(type).filter((p) => p.type === 'reference').map((p) => `${type}:${p.name}`);
}

/** `_revinclude` values that point at a type: every served type's reference parameters (Provenance:target first). */
export function revIncludesOf(): string[] {
  return ['Provenance:target', ...RESOURCE_TYPES.filter((t) => t !== 'Provenance').flatMap(includesOf)].filter((v, i, all) => all.indexOf(v) === i);
}
