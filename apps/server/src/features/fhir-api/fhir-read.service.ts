import type { Bundle, BundleEntry, Resource } from '@medplum/fhirtypes';
import type { SearchQuery } from '../../platform/fhir-store/search.ts';
import { AppError } from '../../platform/http/errors.ts';
import { entryOf, pageLinks, type Deps } from './fhir-search.service.ts';
import { COMPARTMENT_TYPES } from './resource-types.ts';
import { DEFAULT_PAGE, MAX_PAGE } from './search-request.ts';

/** read: the current version, through PatientAccess (another patient's id answers 404). */
export function readResource({ access }: Deps, type: string, id: string): Promise<Resource> {
  return access.read(type as Resource['resourceType'], id);
}

/** vread: one version of a resource the patient may see; a deleted version answers 404 too. */
export async function readVersion({ access }: Deps, type: string, id: string, versionId: number): Promise<Resource> {
  const version = (await access.versions(type, id)).find((v) => v.versionId === versionId);
  if (!version?.resource) throw new AppError('NOT_FOUND', `${type}/${id}/_history/${versionId} was not found.`);
  return version.resource;
}

/** history-instance: every version the patient may see, newest first, as a history Bundle. */
export async function historyBundle({ access, baseUrl }: Deps, type: string, id: string): Promise<Bundle> {
  const versions = await access.versions(type, id);
  const oldest = Math.min(...versions.map((v) => v.versionId));
  return {
    resourceType: 'Bundle',
    type: 'history',
    total: versions.length,
    link: [{ relation: 'self', url: `${baseUrl}/${type}/${id}/_history` }],
    entry: versions.map((v): BundleEntry => ({
      fullUrl: `${baseUrl}/${type}/${id}`,
      ...(v.resource ? { resource: v.resource } : {}),
      request: { method: v.deleted ? 'DELETE' : v.versionId === oldest ? 'POST' : 'PUT', url: v.versionId === oldest && !v.deleted ? type : `${type}/${id}` },
      response: {
        status: v.deleted ? '204' : v.versionId === oldest ? '201' : '200',
        etag: `W/"${v.versionId}"`,
        ...(v.resource?.meta?.lastUpdated ? { lastModified: v.resource.meta.lastUpdated } : {}),
      },
    })),
  };
}

/**
 * Patient/$everything: the Patient, then every resource of the patient's compartment of the served
 * types that the app's scopes and a proxy's grant allow, paged across types with _count/_offset
 * (the Patient counts as the first entry). Types the scopes do not grant are skipped, not refused.
 */
export async function everythingBundle({ access, baseUrl }: Deps, id: string, params: SearchQuery): Promise<Bundle> {
  if (id !== access.patientId) throw new AppError('NOT_FOUND', `Patient/${id} was not found.`);
  let count = DEFAULT_PAGE;
  let offset = 0;
  for (const [name, value] of params) {
    const n = Number(value);
    if ((name !== '_count' && name !== '_offset') || !/^\d+$/.test(value)) {
      throw new AppError('FHIR_NOT_SUPPORTED', `Patient/$everything takes only _count and _offset (whole numbers), not "${name}".`);
    }
    if (name === '_count') count = Math.max(1, Math.min(n, MAX_PAGE));
    else offset = Math.min(n, 1_000_000);
  }
  const page: Resource[] = [];
  let skip = offset;
  let total = 0;
  if (access.scopeAllows('Patient', 'read')) {
    total++;
    if (skip === 0) page.push(await access.readPatient());
    else skip--;
  }
  for (const type of COMPARTMENT_TYPES) {
    if (!access.scopeAllows(type, 'search')) continue;
    const want = count - page.length;
    // Every type is counted for the total; a full page still asks for one row to learn each type's count.
    const found = await access.search(type as Resource['resourceType'], [['_count', String(Math.max(1, want))], ['_offset', String(skip)]]);
    total += found.total;
    if (want > 0) page.push(...found.resources.slice(0, want));
    skip = Math.max(0, skip - found.total);
  }
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    total,
    link: pageLinks(`${baseUrl}/Patient/${id}/$everything`, { filters: [], includes: [], revincludes: [], count, offset, countOnly: false }, total),
    entry: page.map((r) => entryOf(baseUrl, r, 'match')),
  };
}
