import type { Resource } from '@medplum/fhirtypes';
import type { Queryable } from '../db/db.ts';
import { AppError } from '../http/errors.ts';
import { dateRange } from './dates.ts';
import { searchParam } from './definitions.ts';
import { normalizeString, splitReference } from './indexer.ts';
import type { Keyring } from '../crypto/keyring.ts';
import { revealResource } from './sensitive.ts';

export type SearchQuery = Array<[name: string, value: string]>;

export type SearchResult = { resources: Resource[]; total: number; offset: number; count: number };

export const DEFAULT_COUNT = 20;
export const MAX_COUNT = 1000;

type Sql = { where: string[]; params: unknown[]; order: string[] };

/**
 * Runs a FHIR search against the index tables. Supports _id, _lastUpdated, token, reference,
 * date, string and quantity parameters (comma = OR, repeated parameter = AND), the modifiers
 * :not, :exact, :contains, :missing and reference type modifiers, date prefixes
 * eq/ne/gt/lt/ge/le/sa/eb, _sort (by _id, _lastUpdated or any indexed date or string parameter),
 * _count and _offset. `patientId` restricts the search to one patient's compartment.
 */
export async function searchResources(
  db: Queryable,
  resourceType: string,
  query: SearchQuery,
  options: { patientId?: string | undefined; keyring: Keyring },
): Promise<SearchResult> {
  const sql: Sql = { where: ['r.resource_type = $1', 'NOT r.deleted'], params: [resourceType], order: [] };
  if (options.patientId !== undefined) sql.where.push(`r.patient_id = ${bind(sql, options.patientId)}`);
  let count = DEFAULT_COUNT;
  let offset = 0;
  for (const [rawName, value] of query) {
    const [name, modifier] = rawName.split(':') as [string, string | undefined];
    if (name === '_count') count = intParam(rawName, value, 0, MAX_COUNT);
    else if (name === '_offset') offset = intParam(rawName, value, 0, 1_000_000);
    else if (name === '_sort') sql.order = value.split(',').map((s) => sortClause(sql, resourceType, s));
    else if (name === '_total' || name === '_format' || name === '_summary' || name === '_elements') continue;
    else if (name === '_id') sql.where.push(`r.id = ANY(${bind(sql, value.split(','))}::text[])`);
    else if (name === '_lastUpdated') sql.where.push(dateCondition(sql, 'r.last_updated', 'r.last_updated + interval \'1 millisecond\'', value, rawName));
    else sql.where.push(paramCondition(sql, resourceType, name, modifier, value));
  }
  const order = [...sql.order, 'r.id'].join(', ');
  const rows = await db.query<{ content: Resource; total: number }>(
    `SELECT r.content, count(*) OVER ()::int AS total FROM resources r
      WHERE ${sql.where.join(' AND ')} ORDER BY ${order} LIMIT ${count} OFFSET ${offset}`,
    sql.params,
  );
  let total = rows[0]?.total ?? 0;
  if (rows.length === 0 && offset > 0) {
    const c = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM resources r WHERE ${sql.where.join(' AND ')}`, sql.params);
    total = c[0]?.n ?? 0;
  }
  return { resources: rows.map((r) => revealResource(r.content, options.keyring)), total, offset, count };
}

function bind(sql: Sql, value: unknown): string {
  sql.params.push(value);
  return `$${sql.params.length}`;
}

function intParam(name: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new AppError('INVALID_SEARCH', `${name} must be a whole number from ${min} to ${max}.`);
  }
  return n;
}

function owner(table: string): string {
  return `FROM search_${table} s WHERE s.resource_type = r.resource_type AND s.resource_id = r.id`;
}

function paramCondition(sql: Sql, resourceType: string, name: string, modifier: string | undefined, value: string): string {
  const param = searchParam(resourceType, name);
  if (!param) throw new AppError('INVALID_SEARCH', `Searching ${resourceType} by "${name}" is not supported.`);
  const code = bind(sql, name);
  if (modifier === 'missing') {
    const exists = `EXISTS (SELECT 1 ${owner(param.kind)} AND s.code = ${code})`;
    return value === 'true' ? `NOT ${exists}` : exists;
  }
  const alternatives = value.split(/(?<!\\),/).map((v) => v.replace(/\\,/g, ','));
  const ors = alternatives.map((v) => valueCondition(sql, param.kind, modifier, v, name));
  const any = `EXISTS (SELECT 1 ${owner(param.kind)} AND s.code = ${code} AND (${ors.join(' OR ')}))`;
  return modifier === 'not' ? `NOT ${any}` : any;
}

function valueCondition(sql: Sql, kind: string, modifier: string | undefined, value: string, name: string): string {
  switch (kind) {
    case 'token': {
      const bar = value.indexOf('|');
      if (bar < 0) return `s.value = ${bind(sql, value)}`;
      const system = value.slice(0, bar);
      const code = value.slice(bar + 1);
      if (system === '') return `s.system IS NULL AND s.value = ${bind(sql, code)}`;
      if (code === '') return `s.system = ${bind(sql, system)}`;
      return `s.system = ${bind(sql, system)} AND s.value = ${bind(sql, code)}`;
    }
    case 'reference': {
      const split = splitReference(value);
      if (split?.targetType) return `s.target_type = ${bind(sql, split.targetType)} AND s.target_id = ${bind(sql, split.targetId)}`;
      const typeFilter = modifier && modifier !== 'not' ? ` AND s.target_type = ${bind(sql, modifier)}` : '';
      return `s.target_id = ${bind(sql, value)}${typeFilter}`;
    }
    case 'string': {
      const v = normalizeString(value);
      if (modifier === 'exact') return `s.value = ${bind(sql, v)}`;
      const escaped = v.replace(/[\\%_]/g, (c) => `\\${c}`);
      return `s.value LIKE ${bind(sql, modifier === 'contains' ? `%${escaped}%` : `${escaped}%`)}`;
    }
    case 'date':
      return dateCondition(sql, 's.start_at', 's.end_at', value, name);
    case 'quantity': {
      const m = /^(eq|ne|gt|lt|ge|le|ap)?(-?\d+(?:\.\d+)?)(?:\|([^|]*)\|(.*))?$/.exec(value);
      if (!m) throw new AppError('INVALID_SEARCH', `"${value}" is not a quantity for ${name} (for example gt5.4|http://unitsofmeasure.org|mg).`);
      const op = { eq: '=', ne: '<>', gt: '>', lt: '<', ge: '>=', le: '<=', ap: '=' }[m[1] ?? 'eq'];
      let cond = `s.value ${op} ${bind(sql, m[2])}::numeric`;
      if (m[3]) cond += ` AND s.system = ${bind(sql, m[3])}`;
      if (m[4]) cond += ` AND s.unit = ${bind(sql, m[4])}`;
      return cond;
    }
  }
  throw new AppError('INVALID_SEARCH', `Searching by "${name}" is not supported.`);
}

/** FHIR date comparison between a stored range [start, end) and the range the search value covers. */
function dateCondition(sql: Sql, startCol: string, endCol: string, value: string, name: string): string {
  const m = /^(eq|ne|gt|lt|ge|le|sa|eb|ap)?(.+)$/.exec(value);
  const range = m?.[2] ? dateRange(m[2]) : undefined;
  if (!m || !range) {
    throw new AppError('INVALID_SEARCH', `"${value}" is not a date for ${name}. Use a FHIR date such as 2024-05-01, optionally after ge, le, gt or lt.`);
  }
  // Bind only the bounds a comparison uses: PostgreSQL rejects parameters a statement never references.
  let psRef: string | undefined;
  let peRef: string | undefined;
  const ps = () => (psRef ??= `${bind(sql, range.start)}::timestamptz`);
  const pe = () => (peRef ??= `${bind(sql, range.end)}::timestamptz`);
  const eq = () => `(${startCol} >= ${ps()} AND ${endCol} <= ${pe()})`;
  switch (m[1] ?? 'eq') {
    case 'eq': return eq();
    case 'ap': return `(${startCol} < ${pe()} AND ${endCol} > ${ps()})`;
    case 'ne': return `NOT ${eq()}`;
    case 'gt': return `${endCol} > ${pe()}`;
    case 'lt': return `${startCol} < ${ps()}`;
    case 'ge': return `(${endCol} > ${pe()} OR ${eq()})`;
    case 'le': return `(${startCol} < ${ps()} OR ${eq()})`;
    case 'sa': return `${startCol} >= ${pe()}`;
    default: return `${endCol} <= ${ps()}`; // eb
  }
}

function sortClause(sql: Sql, resourceType: string, spec: string): string {
  const desc = spec.startsWith('-');
  const name = desc ? spec.slice(1) : spec;
  const dir = desc ? 'DESC NULLS LAST' : 'ASC NULLS LAST';
  if (name === '_id') return `r.id ${desc ? 'DESC' : 'ASC'}`;
  if (name === '_lastUpdated') return `r.last_updated ${dir}`;
  const param = searchParam(resourceType, name);
  if (param?.kind === 'date') {
    const agg = desc ? 'max(s.start_at)' : 'min(s.start_at)';
    return `(SELECT ${agg} ${owner('date')} AND s.code = ${bind(sql, name)}) ${dir}`;
  }
  if (param?.kind === 'string') {
    return `(SELECT min(s.value) ${owner('string')} AND s.code = ${bind(sql, name)}) ${dir}`;
  }
  throw new AppError('INVALID_SEARCH', `Sorting ${resourceType} by "${name}" is not supported.`);
}
