import type { Bundle, BundleEntry, BundleLink, Resource } from '@medplum/fhirtypes';
import type { PatientAccess } from '../../platform/access/patient-access.ts';
import { extractIndexRows } from '../../platform/fhir-store/indexer.ts';
import type { SearchQuery } from '../../platform/fhir-store/search.ts';
import { AppError } from '../../platform/http/errors.ts';
import { parseSearchRequest, type Include, type SearchRequest } from './search-request.ts';

/** At most this many resources are added to one page by _include and _revinclude together. */
export const MAX_INCLUDED = 500;

export type Deps = { access: PatientAccess; baseUrl: string };

/**
 * A FHIR search as a searchset Bundle: the page of matches from PatientAccess (the patient's
 * compartment, the proxy policy and the app's scopes), then the resources _include and _revinclude
 * ask for, each also read or searched through PatientAccess, so nothing outside the patient's
 * compartment (or the shared Practitioner, Organization, Location, Medication) can be added.
 */
export async function searchBundle({ access, baseUrl }: Deps, resourceType: string, params: SearchQuery): Promise<Bundle> {
  const req = parseSearchRequest(resourceType, params, access.patientId);
  const found = await access.search(resourceType as Resource['resourceType'], [...req.filters, ['_count', String(req.countOnly ? 1 : req.count)], ['_offset', String(req.offset)]]);
  const matches = req.countOnly ? [] : found.resources;
  const included = await withIncludes(access, matches, req);
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    total: found.total,
    link: pageLinks(`${baseUrl}/${resourceType}`, req, found.total),
    entry: [
      ...matches.map((r) => entryOf(baseUrl, r, 'match')),
      ...included.map((r) => entryOf(baseUrl, r, 'include')),
      // A proxy's app searching a type outside the proxy's access: say so, so "none" and "not yours to see" differ.
      ...(found.restricted ? [restrictedOutcome(resourceType)] : []),
    ],
  };
}

function restrictedOutcome(resourceType: string): BundleEntry {
  return {
    resource: {
      resourceType: 'OperationOutcome',
      issue: [{ severity: 'information', code: 'suppressed', diagnostics: `The access this app was given to this person's record does not include ${resourceType}; nothing was searched.` }],
    },
    search: { mode: 'outcome' },
  };
}

export function entryOf(baseUrl: string, resource: Resource, mode: 'match' | 'include'): BundleEntry {
  return { fullUrl: `${baseUrl}/${resource.resourceType}/${resource.id}`, resource, search: { mode } };
}

/** self, and next/previous when there are more pages; each repeats the search with _count and _offset. */
export function pageLinks(url: string, req: Pick<SearchRequest, 'filters' | 'includes' | 'revincludes' | 'count' | 'offset' | 'countOnly'>, total: number): BundleLink[] {
  const kept: SearchQuery = [
    ...req.filters,
    ...req.includes.map((i): [string, string] => ['_include', includeValue(i)]),
    ...req.revincludes.map((i): [string, string] => ['_revinclude', includeValue(i)]),
  ];
  const at = (offset: number) => `${url}?${new URLSearchParams([...kept, ...(req.countOnly ? [['_summary', 'count']] : []), ['_count', String(req.count)], ['_offset', String(offset)]]).toString()}`;
  const links: BundleLink[] = [{ relation: 'self', url: at(req.offset) }];
  if (req.countOnly || req.count === 0) return links;
  if (req.offset + req.count < total) links.push({ relation: 'next', url: at(req.offset + req.count) });
  if (req.offset > 0) links.push({ relation: 'previous', url: at(Math.max(0, req.offset - req.count)) });
  return links;
}

function includeValue(i: Include): string {
  return [i.sourceType, i.param, i.targetType].filter(Boolean).join(':');
}

async function withIncludes(access: PatientAccess, matches: Resource[], req: SearchRequest): Promise<Resource[]> {
  if (matches.length === 0) return [];
  const seen = new Set(matches.map((r) => `${r.resourceType}/${r.id}`));
  const out: Resource[] = [];
  const add = (r: Resource) => {
    const key = `${r.resourceType}/${r.id}`;
    if (seen.has(key) || out.length >= MAX_INCLUDED) return;
    seen.add(key);
    out.push(r);
  };
  for (const inc of req.includes) {
    for (const [type, id] of referencedBy(matches, inc)) {
      if (seen.has(`${type}/${id}`) || !access.scopeAllows(type, 'read')) continue;
      const r = await readIfVisible(access, type, id);
      if (r) add(r);
    }
  }
  for (const rev of req.revincludes) {
    if (!access.scopeAllows(rev.sourceType, 'search')) continue;
    const targets = matches.filter((m) => !rev.targetType || m.resourceType === rev.targetType).map((m) => `${m.resourceType}/${m.id}`);
    if (targets.length === 0) continue;
    const found = await access.search(rev.sourceType as Resource['resourceType'], [[rev.param, targets.join(',')], ['_count', String(MAX_INCLUDED)]]);
    found.resources.forEach(add);
  }
  return out;
}

/** The (type, id) pairs an _include's reference parameter points at in the matches (contained and external references are skipped). */
function referencedBy(matches: Resource[], inc: Include): [string, string][] {
  const pairs = new Map<string, [string, string]>();
  for (const m of matches) {
    if (m.resourceType !== inc.sourceType) continue;
    for (const ref of extractIndexRows(m).reference) {
      if (ref.code !== inc.param || !ref.targetType || (inc.targetType && ref.targetType !== inc.targetType)) continue;
      pairs.set(`${ref.targetType}/${ref.targetId}`, [ref.targetType, ref.targetId]);
    }
  }
  return [...pairs.values()];
}

/** A read through PatientAccess that answers undefined instead of 404 (an included reference the app may not see is left out). */
export async function readIfVisible(access: PatientAccess, type: string, id: string): Promise<Resource | undefined> {
  try {
    return await access.read(type as Resource['resourceType'], id);
  } catch (err) {
    if (err instanceof AppError && (err.code === 'NOT_FOUND' || err.code === 'FORBIDDEN')) return undefined;
    throw err;
  }
}
