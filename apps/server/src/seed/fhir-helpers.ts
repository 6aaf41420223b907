import type { CodeableConcept, Coding, ExtractResource, Money, Quantity, Reference, Resource, ResourceType } from '@medplum/fhirtypes';

/** Code systems used by the seed, one place so a typo cannot hide in one resource. */
export const SYSTEMS = {
  loinc: 'http://loinc.org',
  snomed: 'http://snomed.info/sct',
  icd10cm: 'http://hl7.org/fhir/sid/icd-10-cm',
  rxnorm: 'http://www.nlm.nih.gov/research/umls/rxnorm',
  cvx: 'http://hl7.org/fhir/sid/cvx',
  cpt: 'http://www.ama-assn.org/go/cpt',
  nucc: 'http://nucc.org/provider-taxonomy',
  npi: 'http://hl7.org/fhir/sid/us-npi',
  ucum: 'http://unitsofmeasure.org',
  mrn: 'https://ourchart.example/mrn',
  memberId: 'https://ourchart.example/member-id',
  claimId: 'https://ourchart.example/claim-number',
  bcp47: 'urn:ietf:bcp:47',
  v2IdType: 'http://terminology.hl7.org/CodeSystem/v2-0203',
  actCode: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
  actReason: 'http://terminology.hl7.org/CodeSystem/v3-ActReason',
  roleCode: 'http://terminology.hl7.org/CodeSystem/v3-RoleCode',
  interpretation: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation',
  obsCategory: 'http://terminology.hl7.org/CodeSystem/observation-category',
  conditionCategory: 'http://terminology.hl7.org/CodeSystem/condition-category',
  conditionClinical: 'http://terminology.hl7.org/CodeSystem/condition-clinical',
  conditionVerification: 'http://terminology.hl7.org/CodeSystem/condition-ver-status',
  allergyClinical: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical',
  allergyVerification: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-verification',
  v2Section: 'http://terminology.hl7.org/CodeSystem/v2-0074',
  usCoreDocCategory: 'http://hl7.org/fhir/us/core/CodeSystem/us-core-documentreference-category',
  ombRace: 'urn:oid:2.16.840.1.113883.6.238',
} as const;

const US_CORE = 'http://hl7.org/fhir/us/core/StructureDefinition/';

/** US Core profile canonical URLs stamped on `meta.profile`. */
export const PROFILES = {
  patient: `${US_CORE}us-core-patient`,
  practitioner: `${US_CORE}us-core-practitioner`,
  practitionerRole: `${US_CORE}us-core-practitionerrole`,
  organization: `${US_CORE}us-core-organization`,
  location: `${US_CORE}us-core-location`,
  relatedPerson: `${US_CORE}us-core-relatedperson`,
  encounter: `${US_CORE}us-core-encounter`,
  documentReference: `${US_CORE}us-core-documentreference`,
  conditionProblem: `${US_CORE}us-core-condition-problems-health-concerns`,
  conditionEncounter: `${US_CORE}us-core-condition-encounter-diagnosis`,
  medicationRequest: `${US_CORE}us-core-medicationrequest`,
  allergy: `${US_CORE}us-core-allergyintolerance`,
  immunization: `${US_CORE}us-core-immunization`,
  labObservation: `${US_CORE}us-core-observation-lab`,
  labReport: `${US_CORE}us-core-diagnosticreport-lab`,
  coverage: `${US_CORE}us-core-coverage`,
  bloodPressure: `${US_CORE}us-core-blood-pressure`,
  heartRate: `${US_CORE}us-core-heart-rate`,
  respiratoryRate: `${US_CORE}us-core-respiratory-rate`,
  bodyWeight: `${US_CORE}us-core-body-weight`,
  bodyHeight: `${US_CORE}us-core-body-height`,
  bmi: `${US_CORE}us-core-bmi`,
  bodyTemperature: `${US_CORE}us-core-body-temperature`,
  pulseOximetry: `${US_CORE}us-core-pulse-oximetry`,
} as const;

/** A coded concept as [system, code, display]. */
export type Code = readonly [system: string, code: string, display: string];

/** Builds a Coding from a Code tuple. */
export function coding(code: Code): Coding {
  return { system: code[0], code: code[1], display: code[2] };
}

/** Builds a CodeableConcept from one or more codes; `text` defaults to the first display. */
export function concept(codes: Code | readonly Code[], text?: string): CodeableConcept {
  const list = (typeof codes[0] === 'string' ? [codes] : codes) as readonly Code[];
  return { coding: list.map(coding), text: text ?? list[0]?.[2] };
}

/** A literal reference "Type/id" with an optional display. */
export function ref<K extends ResourceType>(resourceType: K, id: string, display?: string): Reference<ExtractResource<K>> {
  return display ? { reference: `${resourceType}/${id}`, display } : { reference: `${resourceType}/${id}` };
}

/** A reference to a resource object that already has an id. */
export function refTo<T extends Resource>(resource: T, display?: string): Reference<T> {
  if (!resource.id) throw new Error(`Cannot reference a ${resource.resourceType} without id`);
  const reference = `${resource.resourceType}/${resource.id}`;
  return display ? { reference, display } : { reference };
}

/** A UCUM quantity. */
export function ucum(value: number, code: string, unit: string = code): Quantity {
  return { value, unit, system: SYSTEMS.ucum, code };
}

/** US dollars, rounded to cents. */
export function usd(value: number): Money {
  return { value: Math.round(value * 100) / 100, currency: 'USD' };
}

/** meta with one profile (plus optional base profile). */
export function profile(...urls: string[]): { profile: string[] } {
  return { profile: urls };
}

/** Base64 of a UTF-8 string (notes carry accents). */
export function base64(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64');
}

/** Escapes text for the simple HTML notes. */
export function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}
