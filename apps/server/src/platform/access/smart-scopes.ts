import type { Resource } from '@medplum/fhirtypes';
import { extractIndexRows, type TokenRow } from '../fhir-store/indexer.ts';
import type { SearchQuery } from '../fhir-store/search.ts';
import type { ResourceFilter } from './patient-access.ts';

/**
 * SMART App Launch scopes (v2 and v1) as a resource filter for PatientAccess: which resource
 * types an app may read or search for its patient, and which resources of a type when a scope is
 * narrowed (`patient/Observation.rs?category=laboratory`). Pure: no I/O.
 *
 * - v2: `patient/<Type|*>.<cruds>` with an optional `?param=value[&param=value]` restriction.
 *   Only `category` and `code` token restrictions are understood; a scope with any other
 *   restriction grants nothing (granting more than the patient approved would be worse).
 * - v1: `patient/<Type|*>.read|write|*`; `.read` means read and search.
 * - `user/` scopes count as `patient/` scopes for the token's patient; `system/` and non-resource
 *   scopes (openid, launch/patient, offline_access) grant no resource access.
 */

export type Interaction = 'read' | 'search';

/** One token restriction: the resource's `param` must match one of `values` (system|code, |code or code). */
export type ScopeRestriction = { param: 'category' | 'code'; values: string[] };

export type ScopeRule = {
  /** A resource type, or '*' for every type. */
  resourceType: string;
  read: boolean;
  search: boolean;
  /** Every restriction must match (AND); empty means the whole type. */
  restrictions: ScopeRestriction[];
};

const RESOURCE_SCOPE = /^(patient|user|system)\/(\*|[A-Z][A-Za-z]+)\.([a-z*]+)(?:\?(.*))?$/;
const V2_PERMISSIONS = /^c?r?u?d?s?$/;
const SUPPORTED_RESTRICTIONS = new Set(['category', 'code']);

/** Parses a space-separated scope string into the rules that grant read or search access. */
export function parseSmartScopes(scope: string): ScopeRule[] {
  const rules: ScopeRule[] = [];
  for (const item of scope.split(/\s+/).filter(Boolean)) {
    const m = RESOURCE_SCOPE.exec(item);
    if (!m || m[1] === 'system') continue;
    const [, , resourceType, permissions, query] = m as unknown as [string, string, string, string, string | undefined];
    const access = permissionsOf(permissions);
    if (!access || (!access.read && !access.search)) continue;
    const restrictions = query === undefined ? [] : restrictionsOf(query);
    if (!restrictions) continue; // an unsupported or malformed restriction grants nothing
    rules.push({ resourceType, ...access, restrictions });
  }
  return rules;
}

function permissionsOf(p: string): { read: boolean; search: boolean } | undefined {
  if (p === 'read' || p === '*') return { read: true, search: true }; // v1
  if (p === 'write') return { read: false, search: false };
  if (p === '' || !V2_PERMISSIONS.test(p)) return undefined;
  return { read: p.includes('r'), search: p.includes('s') };
}

function restrictionsOf(query: string): ScopeRestriction[] | undefined {
  if (query === '') return undefined;
  const out: ScopeRestriction[] = [];
  for (const [param, value] of new URLSearchParams(query)) {
    if (!SUPPORTED_RESTRICTIONS.has(param) || value === '') return undefined;
    out.push({ param: param as ScopeRestriction['param'], values: value.split(',').filter(Boolean) });
  }
  return out.length ? out : undefined;
}

function tokenMatches(rows: TokenRow[], param: string, value: string): boolean {
  const bar = value.indexOf('|');
  const system = bar < 0 ? undefined : value.slice(0, bar) || null;
  const code = bar < 0 ? value : value.slice(bar + 1);
  return rows.some((t) => t.code === param && t.value === code && (system === undefined || t.system === system));
}

/** The granted scopes of one token, applied by PatientAccess to every read and search. */
export class SmartScopeFilter implements ResourceFilter {
  readonly rules: ScopeRule[];

  constructor(scope: string) {
    this.rules = parseSmartScopes(scope);
  }

  #rulesFor(resourceType: string, interaction: Interaction): ScopeRule[] {
    return this.rules.filter((r) => (r.resourceType === '*' || r.resourceType === resourceType) && r[interaction]);
  }

  /** True when some scope grants this interaction on the type (possibly narrowed). */
  allowsType(resourceType: string, interaction: Interaction): boolean {
    return this.#rulesFor(resourceType, interaction).length > 0;
  }

  /** True when some scope granting the interaction on the resource's type matches the resource. */
  allows(resource: Resource, interaction: Interaction): boolean {
    const rules = this.#rulesFor(resource.resourceType, interaction);
    if (rules.some((r) => r.restrictions.length === 0)) return true;
    if (rules.length === 0) return false;
    const tokens = extractIndexRows(resource).token;
    return rules.some((r) => r.restrictions.every((x) => x.values.some((v) => tokenMatches(tokens, x.param, v))));
  }

  /**
   * Search parameters that express the scopes' narrowing of a type exactly, so paging and totals
   * stay right: [] when some scope grants the whole type; one `param=v1,v2` when every scope is
   * restricted by the same single parameter; undefined when the rule cannot be written as a
   * query (results are then filtered after the search).
   */
  searchNarrowing(resourceType: string): SearchQuery | undefined {
    const rules = this.#rulesFor(resourceType, 'search');
    if (rules.length === 0 || rules.some((r) => r.restrictions.length === 0)) return [];
    const params = new Set(rules.flatMap((r) => r.restrictions.map((x) => x.param)));
    if (params.size !== 1 || rules.some((r) => r.restrictions.length !== 1)) return undefined;
    const [param] = params as Set<string> & Iterable<string>;
    const values = [...new Set(rules.flatMap((r) => r.restrictions[0]!.values))];
    return [[param!, values.map((v) => v.replace(/,/g, '\\,')).join(',')]];
  }
}
