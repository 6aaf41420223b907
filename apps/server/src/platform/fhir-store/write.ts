import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import type { Resource } from '@medplum/fhirtypes';
import type { Queryable } from '../db/db.ts';
import { AppError } from '../http/errors.ts';
import { extractIndexRows, patientCompartment, type IndexRows } from './indexer.ts';
import { assertValidResource, repairForImport } from './validate.ts';
import type { Keyring } from '../crypto/keyring.ts';
import { protectResource, revealResource } from './sensitive.ts';

export type WriteOp =
  | { kind: 'put'; resource: Resource; ifMatch?: number | undefined; label?: string; lenient?: boolean }
  | { kind: 'delete'; resourceType: string; id: string; label?: string };

export type WriteResult = {
  resourceType: string;
  id: string;
  versionId: number;
  /** created: a new resource; updated: a new version; unchanged: same content as the current version; deleted. */
  outcome: 'created' | 'updated' | 'unchanged' | 'deleted';
  resource: Resource | undefined;
  /** Elements removed by lenient (import) validation. */
  warnings?: string[];
};

type Existing = { resource_type: string; id: string; version_id: number; content: Resource; deleted: boolean };

/**
 * Writes a batch of resources in the caller's transaction: validates each, assigns versions,
 * stores the current row and a history row, and replaces its search index rows. Writes whose
 * content equals the current version are no-ops, so re-importing the same data adds nothing.
 * Uses one set-based statement per table, whatever the batch size.
 */
export async function writeResources(tx: Queryable, ops: WriteOp[], keyring: Keyring): Promise<WriteResult[]> {
  if (ops.length === 0) return [];
  const keys = ops.map((op) => (op.kind === 'put' ? { t: op.resource.resourceType, i: op.resource.id ?? '' } : { t: op.resourceType, i: op.id }));
  const existing = await tx.query<Existing>(
    `SELECT r.resource_type, r.id, r.version_id, r.content, r.deleted
       FROM resources r JOIN jsonb_to_recordset($1::jsonb) AS k(t text, i text)
         ON r.resource_type = k.t AND r.id = k.i
      FOR UPDATE OF r`,
    [JSON.stringify(keys)],
  );
  const current = new Map(existing.map((e) => [`${e.resource_type}/${e.id}`, { ...e, content: revealResource(e.content, keyring) }]));
  const now = new Date().toISOString();
  const rows: { t: string; i: string; v: number; p: string | null; c: Resource; d: boolean }[] = [];
  const indexes: { t: string; i: string; rows: IndexRows }[] = [];
  const results: WriteResult[] = [];

  for (const op of ops) {
    if (op.kind === 'delete') {
      const prev = current.get(`${op.resourceType}/${op.id}`);
      if (!prev || prev.deleted) {
        results.push({ resourceType: op.resourceType, id: op.id, versionId: prev?.version_id ?? 0, outcome: 'deleted', resource: undefined });
        continue;
      }
      const v = prev.version_id + 1;
      const content = { ...prev.content, meta: { ...prev.content.meta, versionId: String(v), lastUpdated: now } };
      rows.push({ t: op.resourceType, i: op.id, v, p: null, c: protectResource(content, keyring), d: true });
      indexes.push({ t: op.resourceType, i: op.id, rows: emptyRows() });
      current.set(`${op.resourceType}/${op.id}`, { ...prev, version_id: v, deleted: true });
      results.push({ resourceType: op.resourceType, id: op.id, versionId: v, outcome: 'deleted', resource: undefined });
      continue;
    }
    let resource = { ...op.resource, id: op.resource.id ?? randomUUID() } as Resource;
    let warnings: string[] = [];
    try {
      if (op.lenient) ({ resource, warnings } = repairForImport(resource));
      else assertValidResource(resource);
    } catch (err) {
      throw op.label && err instanceof AppError ? new AppError(err.code, `${op.label}: ${err.message}`, { errors: err.errors ?? [] }) : err;
    }
    const key = `${resource.resourceType}/${resource.id}`;
    const prev = current.get(key);
    if (op.ifMatch !== undefined && (prev?.deleted !== false || prev.version_id !== op.ifMatch)) {
      throw new AppError('VERSION_CONFLICT', `${key} is at version ${prev?.version_id ?? 'none'}, not ${op.ifMatch}.`);
    }
    if (prev && !prev.deleted && sameContent(prev.content, resource)) {
      results.push({ resourceType: resource.resourceType, id: resource.id!, versionId: prev.version_id, outcome: 'unchanged', resource: prev.content, warnings });
      continue;
    }
    const v = (prev?.version_id ?? 0) + 1;
    const content = { ...resource, meta: { ...resource.meta, versionId: String(v), lastUpdated: now } } as Resource;
    rows.push({ t: resource.resourceType, i: resource.id!, v, p: patientCompartment(resource), c: protectResource(content, keyring), d: false });
    indexes.push({ t: resource.resourceType, i: resource.id!, rows: extractIndexRows(resource) });
    current.set(key, { resource_type: resource.resourceType, id: resource.id!, version_id: v, content, deleted: false });
    results.push({ resourceType: resource.resourceType, id: resource.id!, versionId: v, outcome: prev && !prev.deleted ? 'updated' : 'created', resource: content, warnings });
  }
  if (rows.length > 0) await persist(tx, rows, indexes, now);
  return results;
}

function emptyRows(): IndexRows {
  return { token: [], reference: [], date: [], string: [], quantity: [] };
}

/** Content equality ignoring the server-assigned meta.versionId and meta.lastUpdated. */
function sameContent(a: Resource, b: Resource): boolean {
  const strip = (r: Resource) => {
    const { versionId: _v, lastUpdated: _l, ...meta } = r.meta ?? {};
    return { ...r, meta: Object.keys(meta).length ? meta : undefined };
  };
  return isDeepStrictEqual(JSON.parse(JSON.stringify(strip(a))), JSON.parse(JSON.stringify(strip(b))));
}

async function persist(
  tx: Queryable,
  rows: { t: string; i: string; v: number; p: string | null; c: Resource; d: boolean }[],
  indexes: { t: string; i: string; rows: IndexRows }[],
  now: string,
): Promise<void> {
  // A batch may write the same resource twice (a transaction bundle); the last version wins the current row.
  const latest = [...new Map(rows.map((r) => [`${r.t}/${r.i}`, r])).values()];
  const json = JSON.stringify(rows.map((r) => ({ ...r, u: now })));
  await tx.query(
    `INSERT INTO resource_history (resource_type, id, version_id, last_updated, content, deleted)
     SELECT t, i, v, u, c, d FROM jsonb_to_recordset($1::jsonb) AS x(t text, i text, v int, u timestamptz, c jsonb, d boolean)`,
    [json],
  );
  await tx.query(
    `INSERT INTO resources (resource_type, id, version_id, last_updated, patient_id, content, deleted)
     SELECT t, i, v, u, p, c, d FROM jsonb_to_recordset($1::jsonb) AS x(t text, i text, v int, u timestamptz, p text, c jsonb, d boolean)
     ON CONFLICT (resource_type, id) DO UPDATE SET version_id = EXCLUDED.version_id, last_updated = EXCLUDED.last_updated,
       patient_id = EXCLUDED.patient_id, content = EXCLUDED.content, deleted = EXCLUDED.deleted`,
    [JSON.stringify(latest.map((r) => ({ ...r, u: now })))],
  );
  const owners = JSON.stringify(indexes.map((x) => ({ t: x.t, i: x.i })));
  const lastIndex = [...new Map(indexes.map((x) => [`${x.t}/${x.i}`, x])).values()];
  for (const table of ['token', 'reference', 'date', 'string', 'quantity'] as const) {
    await tx.query(
      `DELETE FROM search_${table} s USING jsonb_to_recordset($1::jsonb) AS k(t text, i text)
        WHERE s.resource_type = k.t AND s.resource_id = k.i`,
      [owners],
    );
    const flat = lastIndex.flatMap((x) => x.rows[table].map((row) => ({ t: x.t, i: x.i, ...row })));
    if (flat.length > 0) await tx.query(INSERT_INDEX[table], [JSON.stringify(flat)]);
  }
}

const INSERT_INDEX = {
  token: `INSERT INTO search_token (resource_type, resource_id, code, system, value)
          SELECT t, i, code, system, value FROM jsonb_to_recordset($1::jsonb) AS x(t text, i text, code text, system text, value text)`,
  reference: `INSERT INTO search_reference (resource_type, resource_id, code, target_type, target_id)
          SELECT t, i, code, "targetType", "targetId" FROM jsonb_to_recordset($1::jsonb) AS x(t text, i text, code text, "targetType" text, "targetId" text)`,
  date: `INSERT INTO search_date (resource_type, resource_id, code, start_at, end_at)
          SELECT t, i, code, start::timestamptz, "end"::timestamptz FROM jsonb_to_recordset($1::jsonb) AS x(t text, i text, code text, start text, "end" text)`,
  string: `INSERT INTO search_string (resource_type, resource_id, code, value)
          SELECT t, i, code, value FROM jsonb_to_recordset($1::jsonb) AS x(t text, i text, code text, value text)`,
  quantity: `INSERT INTO search_quantity (resource_type, resource_id, code, value, system, unit)
          SELECT t, i, code, value, system, unit FROM jsonb_to_recordset($1::jsonb) AS x(t text, i text, code text, value numeric, system text, unit text)`,
} as const;
