import { randomUUID } from 'node:crypto';
import type { Bundle, BundleEntry, Resource } from '@medplum/fhirtypes';
import type { Db } from '../db/db.ts';
import type { Keyring } from '../crypto/keyring.ts';
import { AppError } from '../http/errors.ts';
import { searchResources } from './search.ts';
import { writeResources, type WriteOp, type WriteResult } from './write.ts';
import { isValidId } from './validate.ts';

export type BundleOptions = {
  /**
   * 'fullUrl': a POST entry whose fullUrl is urn:uuid:X gets id X. Imports use this so that
   * importing the same bundle twice updates instead of duplicating. 'server': new ids (FHIR API).
   */
  postIds: 'fullUrl' | 'server';
  /** Remove elements R4 does not define (with a warning) instead of rejecting the resource. Imports only. */
  lenient?: boolean;
};

type Env = { db: Db; keyring: Keyring };

type Planned = { index: number; method: 'PUT' | 'POST' | 'DELETE'; resourceType: string; id: string; resource?: Resource; skip?: boolean };

/**
 * Processes a transaction (all-or-nothing, one database transaction), batch (each entry alone)
 * or collection bundle (treated as a transaction of PUTs). urn:uuid references between entries
 * are rewritten to the ids the entries get. Returns a transaction-response / batch-response bundle.
 */
export type BundleResult = { bundle: Bundle; counts: Record<WriteResult['outcome'] | 'failed', number>; warnings: string[] };

export async function processBundle(env: Env, bundle: unknown, options: BundleOptions): Promise<BundleResult> {
  const b = assertBundle(bundle);
  if (b.type === 'batch') return processBatch(env, b, options);
  return env.db.transaction(async (tx) => {
    const plan = await planEntries(b, options, (type, query) => searchResources(tx, type, query, { keyring: env.keyring }).then((r) => r.resources));
    const written = plan.filter((p) => !p.skip);
    const results = await writeResources(tx, written.map((p) => toOp(p, options.lenient ?? false)), env.keyring);
    const counts = emptyCounts();
    for (const r of results) counts[r.outcome]++;
    counts.unchanged += plan.filter((p) => p.skip).length;
    const warnings = results.flatMap((r, i) => (r.warnings ?? []).map((w) => `Entry ${written[i]!.index} (${r.resourceType}/${r.id}): ${w}`));
    return { bundle: responseBundle('transaction-response', plan, results), counts, warnings };
  });
}

function emptyCounts(): BundleResult['counts'] {
  return { created: 0, updated: 0, unchanged: 0, deleted: 0, failed: 0 };
}

async function processBatch(env: Env, b: Bundle, options: BundleOptions): Promise<BundleResult> {
  const entries: BundleEntry[] = [];
  const counts = emptyCounts();
  const warnings: string[] = [];
  for (const [index, entry] of (b.entry ?? []).entries()) {
    const one: Bundle = { resourceType: 'Bundle', type: 'transaction', entry: [entry] };
    try {
      const res = await processBundle(env, one, options);
      entries.push(res.bundle.entry?.[0] ?? {});
      for (const [k, n] of Object.entries(res.counts)) counts[k as keyof typeof counts] += n;
      warnings.push(...res.warnings.map((w) => w.replace(/^Entry 0 /, `Entry ${index} `)));
    } catch (err) {
      counts.failed++;
      const e = err instanceof AppError ? err : new AppError('INTERNAL');
      entries.push({
        response: {
          status: String(e.status),
          outcome: { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'processing', diagnostics: `Entry ${index}: ${e.message}` }] },
        },
      });
    }
  }
  return { bundle: { resourceType: 'Bundle', type: 'batch-response', entry: entries }, counts, warnings };
}

function assertBundle(bundle: unknown): Bundle {
  const b = bundle as Bundle;
  if (!b || typeof b !== 'object' || b.resourceType !== 'Bundle') throw new AppError('INVALID_BUNDLE', 'Expected a FHIR Bundle (resourceType "Bundle").');
  if (!['transaction', 'batch', 'collection'].includes(b.type ?? '')) {
    throw new AppError('INVALID_BUNDLE', `Bundle type "${b.type}" cannot be imported; use transaction, batch or collection.`);
  }
  if (b.entry !== undefined && !Array.isArray(b.entry)) throw new AppError('INVALID_BUNDLE', 'Bundle.entry must be an array.');
  return b;
}

async function planEntries(b: Bundle, options: BundleOptions, search: (type: string, q: Array<[string, string]>) => Promise<Resource[]>): Promise<Planned[]> {
  const plan: Planned[] = [];
  const refMap = new Map<string, string>();
  for (const [index, entry] of (b.entry ?? []).entries()) {
    const label = `Entry ${index}${entry.resource?.resourceType ? ` (${entry.resource.resourceType})` : ''}`;
    const fail = (msg: string): never => {
      throw new AppError('INVALID_BUNDLE', `${label}: ${msg}`, { errors: [{ path: `Bundle.entry[${index}]`, message: msg }] });
    };
    const method = entry.request?.method ?? (b.type === 'collection' ? (entry.resource?.id ? 'PUT' : 'POST') : undefined);
    const url = entry.request?.url ?? [entry.resource?.resourceType, entry.resource?.id].filter(Boolean).join('/');
    if (method === 'DELETE') {
      const [type, id] = url.split('/');
      if (!type || !isValidId(id)) fail(`DELETE needs a url like "Observation/123", got "${url}".`);
      plan.push({ index, method, resourceType: type!, id: id! });
      continue;
    }
    if (method !== 'PUT' && method !== 'POST') fail(`request.method ${method ?? '(missing)'} is not supported here; use POST, PUT or DELETE.`);
    const resource = entry.resource;
    if (!resource || typeof resource !== 'object' || !resource.resourceType) fail('the entry has no resource.');
    let id: string | undefined;
    let skip = false;
    if (method === 'PUT') {
      const [path, query] = url.split('?');
      const [type, urlId] = (path ?? '').split('/');
      if (type !== resource!.resourceType) fail(`request.url "${url}" does not match resourceType ${resource!.resourceType}.`);
      if (query !== undefined) {
        const found = await search(type!, [...new URLSearchParams(query)]);
        if (found.length > 1) fail(`conditional update "${url}" matches ${found.length} resources.`);
        id = found[0]?.id ?? resource!.id ?? randomUUID();
      } else {
        if (!isValidId(urlId)) fail(`request.url "${url}" has no valid id.`);
        id = urlId;
      }
    } else {
      if (entry.request?.ifNoneExist) {
        const found = await search(resource!.resourceType, [...new URLSearchParams(entry.request.ifNoneExist)]);
        if (found.length > 1) fail(`ifNoneExist "${entry.request.ifNoneExist}" matches ${found.length} resources.`);
        if (found[0]) {
          id = found[0].id;
          skip = true;
        }
      }
      const fromUrl = entry.fullUrl?.startsWith('urn:uuid:') ? entry.fullUrl.slice(9) : undefined;
      id ??= options.postIds === 'fullUrl' && isValidId(fromUrl) ? fromUrl : randomUUID();
    }
    if (entry.fullUrl) refMap.set(entry.fullUrl, `${resource!.resourceType}/${id}`);
    plan.push({ index, method: method as 'PUT' | 'POST', resourceType: resource!.resourceType, id: id!, resource: { ...resource!, id }, skip });
  }
  for (const p of plan) {
    if (p.resource) p.resource = rewriteReferences(p.resource, refMap, `Entry ${p.index} (${p.resourceType})`);
  }
  return plan;
}

/** Replaces references to other entries' fullUrls with 'Type/id'. An unresolved urn:uuid reference is an error. */
function rewriteReferences<T>(value: T, refMap: Map<string, string>, label: string, path = ''): T {
  if (Array.isArray(value)) return value.map((v, i) => rewriteReferences(v, refMap, label, `${path}[${i}]`)) as T;
  if (!value || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (k === 'reference' && typeof v === 'string') {
      const mapped = refMap.get(v);
      if (!mapped && v.startsWith('urn:uuid:')) {
        throw new AppError('INVALID_BUNDLE', `${label}: reference ${v} at ${path.slice(1)}.reference points to no entry in this bundle.`);
      }
      out[k] = mapped ?? v;
    } else {
      out[k] = rewriteReferences(v, refMap, label, `${path}.${k}`);
    }
  }
  return out as T;
}

function toOp(p: Planned, lenient: boolean): WriteOp {
  const label = `Entry ${p.index} (${p.resourceType})`;
  return p.method === 'DELETE' ? { kind: 'delete', resourceType: p.resourceType, id: p.id, label } : { kind: 'put', resource: p.resource!, label, lenient };
}

function responseBundle(type: 'transaction-response', plan: Planned[], results: WriteResult[]): Bundle {
  const byKey = new Map(results.map((r) => [`${r.resourceType}/${r.id}`, r]));
  return {
    resourceType: 'Bundle',
    type,
    entry: plan.map((p) => {
      const r = byKey.get(`${p.resourceType}/${p.id}`);
      const status = p.skip ? '200 OK' : r?.outcome === 'created' ? '201 Created' : r?.outcome === 'deleted' ? '204 No Content' : '200 OK';
      return {
        response: {
          status,
          location: r ? `${p.resourceType}/${p.id}/_history/${r.versionId}` : `${p.resourceType}/${p.id}`,
          ...(r ? { etag: `W/"${r.versionId}"` } : {}),
        },
      };
    }),
  };
}
