import { OperationOutcomeError, validateResource } from '@medplum/core';
import type { Resource } from '@medplum/fhirtypes';
import { AppError, type FieldError } from '../http/errors.ts';
import { loadFhirDefinitions } from './definitions.ts';

const ID_RE = /^[A-Za-z0-9\-.]{1,64}$/;

/** True for a syntactically valid FHIR id. */
export function isValidId(id: unknown): id is string {
  return typeof id === 'string' && ID_RE.test(id);
}

/**
 * Checks a resource against the FHIR R4 structure definitions (types, cardinality, required
 * elements, unknown properties). Throws INVALID_RESOURCE listing each problem with its path.
 */
export function assertValidResource(resource: unknown): asserts resource is Resource {
  if (!resource || typeof resource !== 'object' || typeof (resource as Resource).resourceType !== 'string') {
    throw new AppError('INVALID_RESOURCE', 'Expected a FHIR resource: a JSON object with a "resourceType".', {
      errors: [{ path: 'resourceType', message: 'Missing resourceType' }],
    });
  }
  loadFhirDefinitions();
  try {
    validateResource(resource as Resource);
  } catch (err) {
    if (err instanceof OperationOutcomeError) {
      const errors: FieldError[] = (err.outcome.issue ?? [])
        .filter((i) => i.severity === 'error' || i.severity === 'fatal')
        .map((i) => ({ path: i.expression?.[0] ?? '', message: i.details?.text ?? i.diagnostics ?? 'Invalid value' }));
      const summary = errors.map((e) => `${e.path}: ${e.message}`).join('; ');
      throw new AppError('INVALID_RESOURCE', `${(resource as Resource).resourceType} is not valid FHIR R4: ${summary}`, { errors });
    }
    throw err;
  }
  const id = (resource as Resource).id;
  if (id !== undefined && !isValidId(id)) {
    throw new AppError('INVALID_RESOURCE', `Resource id "${id}" is not a valid FHIR id (1-64 letters, digits, "-" or ".").`, {
      errors: [{ path: `${(resource as Resource).resourceType}.id`, message: 'Invalid id' }],
    });
  }
}

const UNKNOWN_PROPERTY = /^Invalid additional property "(.+)"$/;
const BASE64 = /^Invalid base64Binary format/;

/**
 * Import-time leniency, as HAPI's lenient parser does, so one stray element does not reject a
 * patient's whole record: elements R4 does not define (for example `effectivePeriod.stop` in
 * real-world data) are removed, and base64Binary values wrapped over several lines (R4 allows
 * whitespace, the validator does not) are unwrapped. Each change is reported as a warning; any
 * other problem still rejects the resource.
 */
export function repairForImport(resource: Resource): { resource: Resource; warnings: string[] } {
  try {
    assertValidResource(resource);
    return { resource, warnings: [] };
  } catch (err) {
    const repairable = (e: FieldError) => UNKNOWN_PROPERTY.test(e.message) || BASE64.test(e.message);
    if (!(err instanceof AppError) || !err.errors?.length || !err.errors.every(repairable)) throw err;
    const copy = structuredClone(resource) as unknown as Record<string, unknown>;
    const warnings: string[] = [];
    for (const e of err.errors) {
      const segments = e.path.split('.').slice(1);
      if (UNKNOWN_PROPERTY.test(e.message)) {
        editPath(copy, segments, (obj, key) => delete obj[key]);
        warnings.push(`removed element ${e.path}, which FHIR R4 does not define`);
      } else {
        editPath(copy, segments, (obj, key) => {
          if (typeof obj[key] === 'string') obj[key] = obj[key].replace(/\s+/g, '');
        });
        warnings.push(`removed line breaks from base64 data at ${e.path}`);
      }
    }
    assertValidResource(copy);
    return { resource: copy as unknown as Resource, warnings };
  }
}

/** Applies edit to the element at a validator path like ['effective[x]', 'stop'] or ['component[0]', 'bar']. */
function editPath(node: unknown, segments: string[], edit: (obj: Record<string, unknown>, key: string) => void): void {
  const [head, ...rest] = segments;
  if (!head || !node || typeof node !== 'object') return;
  const obj = node as Record<string, unknown>;
  const m = /^([^[]+)(?:\[(x|\d+)\])?$/.exec(head);
  if (!m) return;
  const [, name, bracket] = m;
  const key = bracket === 'x' ? Object.keys(obj).find((k) => k.startsWith(name!) && /^[A-Z]/.test(k.slice(name!.length))) : name;
  if (!key || !(key in obj)) return;
  const indexed = bracket !== undefined && bracket !== 'x';
  if (rest.length === 0) {
    if (indexed) edit(obj[key] as Record<string, unknown>, bracket);
    else edit(obj, key);
    return;
  }
  editPath(indexed ? (obj[key] as unknown[])?.[Number(bracket)] : obj[key], rest, edit);
}
