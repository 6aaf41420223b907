import { searchParam } from '../../platform/fhir-store/definitions.ts';
import { splitReference } from '../../platform/fhir-store/indexer.ts';
import type { SearchQuery } from '../../platform/fhir-store/search.ts';
import { AppError } from '../../platform/http/errors.ts';
import { isResourceType } from './resource-types.ts';

export const DEFAULT_PAGE = 20;
export const MAX_PAGE = 100;

/** `_include=Type:param[:Target]` or `_revinclude=Type:param[:Target]`. */
export type Include = { sourceType: string; param: string; targetType?: string };

/** A FHIR search request split into what the store answers and what the API layer does itself. */
export type SearchRequest = {
  /** Parameters for the store (filters and _sort), without paging. */
  filters: SearchQuery;
  includes: Include[];
  revincludes: Include[];
  count: number;
  offset: number;
  /** `_summary=count` or `_count=0`: the total only. */
  countOnly: boolean;
};

const IGNORED = new Set(['_total', '_elements', '_pretty']);
const JSON_FORMATS = new Set(['json', 'application/json', 'application/fhir+json']);

/**
 * Validates and splits search parameters. Chained parameters, `_has`, `:iterate` and `_include=*`
 * are refused with 400 (not supported), as are unknown parameters (by the store); `patient` must
 * name the token's patient. `_count` is capped at 100 (a larger value gets 100, as FHIR allows).
 */
export function parseSearchRequest(resourceType: string, params: SearchQuery, patientId: string): SearchRequest {
  const out: SearchRequest = { filters: [], includes: [], revincludes: [], count: DEFAULT_PAGE, offset: 0, countOnly: false };
  for (const [rawName, value] of params) {
    const [name, modifier] = rawName.split(':') as [string, string | undefined];
    if (rawName.includes('.') || name === '_has') {
      throw new AppError('FHIR_NOT_SUPPORTED', `Chained and reverse-chained parameters ("${rawName}") are not supported. Search by the referenced resource's id instead.`);
    }
    if (name === '_include' || name === '_revinclude') {
      if (modifier) throw new AppError('FHIR_NOT_SUPPORTED', `${rawName} is not supported; use ${name} without a modifier.`);
      const list = name === '_include' ? out.includes : out.revincludes;
      for (const v of value.split(',')) list.push(parseInclude(name, v, resourceType));
    } else if (name === '_count') {
      const n = wholeNumber(rawName, value);
      out.count = Math.min(n, MAX_PAGE);
      if (n === 0) out.countOnly = true;
    } else if (name === '_offset') out.offset = Math.min(wholeNumber(rawName, value), 1_000_000);
    else if (name === '_summary') {
      if (value === 'count') out.countOnly = true;
      else if (!['true', 'false', 'data', 'text'].includes(value)) throw new AppError('INVALID_SEARCH', `_summary must be true, false, text, data or count, not "${value}".`);
    } else if (name === '_format') {
      if (!JSON_FORMATS.has(value)) throw new AppError('FHIR_NOT_SUPPORTED', 'Only JSON is supported (_format=json).');
    } else if (IGNORED.has(name)) continue;
    else {
      if (name === 'patient') assertOwnPatient(value, patientId);
      out.filters.push([rawName, value]);
    }
  }
  return out;
}

function wholeNumber(name: string, value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n)) throw new AppError('INVALID_SEARCH', `${name} must be a whole number, not "${value}".`);
  return n;
}

function parseInclude(name: string, value: string, searchedType: string): Include {
  const [sourceType = '', param = '', targetType, ...rest] = value.split(':');
  const bad = (why: string) => new AppError('FHIR_NOT_SUPPORTED', `${name}=${value} is not supported: ${why}`);
  if (value === '*' || param === '*') throw bad('name the parameter, as in MedicationRequest:medication.');
  if (rest.length || !isResourceType(sourceType)) throw bad('use Type:parameter or Type:parameter:TargetType with a supported type.');
  if (name === '_include' && sourceType !== searchedType) throw bad(`_include must start with the searched type (${searchedType}).`);
  if (searchParam(sourceType, param)?.kind !== 'reference') throw bad(`${sourceType} has no reference parameter "${param}".`);
  if (targetType !== undefined && !isResourceType(targetType)) throw bad(`${targetType} is not a supported type.`);
  return { sourceType, param, ...(targetType ? { targetType } : {}) };
}

/** `patient` may only name the token's patient (Patient/<id>, <id> or an absolute URL ending so). */
function assertOwnPatient(value: string, patientId: string): void {
  for (const v of value.split(',')) {
    const ref = splitReference(v);
    if (!ref || ref.targetId !== patientId || (ref.targetType !== null && ref.targetType !== 'Patient')) {
      throw new AppError('FORBIDDEN', `This access token is for Patient/${patientId} only; the patient parameter must name that patient or be left out.`);
    }
  }
}
