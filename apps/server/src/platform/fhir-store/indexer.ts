import type { TypedValue } from '@medplum/core';
import type { Resource } from '@medplum/fhirtypes';
import { dateRange, periodRange, type DateRange } from './dates.ts';
import { evaluate, indexedParams, patientCompartmentExpressions } from './definitions.ts';
import { SENSITIVE_IDENTIFIER_SYSTEMS } from './sensitive.ts';

export type TokenRow = { code: string; system: string | null; value: string | null };
export type ReferenceRow = { code: string; targetType: string | null; targetId: string };
export type DateRow = { code: string } & DateRange;
export type StringRow = { code: string; value: string };
export type QuantityRow = { code: string; value: number; system: string | null; unit: string | null };

export type IndexRows = {
  token: TokenRow[];
  reference: ReferenceRow[];
  date: DateRow[];
  string: StringRow[];
  quantity: QuantityRow[];
};

/** Lower-cases and strips accents, so 'José' is found by 'jose' (FHIR string search rules). */
export function normalizeString(value: string): string {
  return value.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
}

/** Splits 'Patient/123' (or '.../Patient/123/_history/2') into type and id; other URLs stay whole. */
export function splitReference(reference: string): { targetType: string | null; targetId: string } | undefined {
  if (!reference || reference.startsWith('#')) return undefined;
  const m = /(?:^|\/)([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/.exec(reference);
  if (m && (m.index === 0 || !reference.includes('://') || reference.split('/').length >= 4)) {
    return { targetType: m[1] ?? null, targetId: m[2] ?? reference };
  }
  return { targetType: null, targetId: reference };
}

/** Extracts the search index rows of a resource from the official search parameter expressions. */
export function extractIndexRows(resource: Resource): IndexRows {
  const rows: IndexRows = { token: [], reference: [], date: [], string: [], quantity: [] };
  for (const param of indexedParams(resource.resourceType)) {
    let values: TypedValue[];
    try {
      values = evaluate(param.expression, resource);
    } catch {
      continue; // an expression that cannot apply to this resource's shape yields nothing to index
    }
    for (const tv of values) addValue(rows, param.kind, param.code, tv);
  }
  return rows;
}

function addValue(rows: IndexRows, kind: string, code: string, tv: TypedValue): void {
  const v = tv.value as any;
  if (v === undefined || v === null) return;
  switch (kind) {
    case 'token':
      for (const t of tokens(tv.type, v)) {
        // Encrypted identifiers (SSN) are never indexed: the index would hold them in clear text.
        if (t.system && SENSITIVE_IDENTIFIER_SYSTEMS.has(t.system)) continue;
        rows.token.push({ code, ...t });
      }
      return;
    case 'reference': {
      const ref = typeof v === 'string' ? v : v.reference;
      const split = typeof ref === 'string' ? splitReference(ref) : undefined;
      if (split) rows.reference.push({ code, ...split });
      return;
    }
    case 'date': {
      const range = dateOf(tv.type, v);
      if (range) rows.date.push({ code, ...range });
      return;
    }
    case 'string':
      for (const s of strings(tv.type, v)) if (s) rows.string.push({ code, value: normalizeString(s) });
      return;
    case 'quantity':
      if (typeof v.value === 'number') {
        rows.quantity.push({ code, value: v.value, system: v.system ?? null, unit: v.code ?? v.unit ?? null });
      }
      return;
  }
}

function tokens(type: string, v: any): { system: string | null; value: string | null }[] {
  switch (type) {
    case 'CodeableConcept':
      return (v.coding ?? []).map((c: any) => ({ system: c.system ?? null, value: c.code ?? null }));
    case 'Coding':
      return [{ system: v.system ?? null, value: v.code ?? null }];
    case 'Identifier':
      return [{ system: v.system ?? null, value: v.value ?? null }];
    case 'ContactPoint':
      return [{ system: v.system ?? null, value: v.value ?? null }];
    default:
      return typeof v === 'object' ? [] : [{ system: null, value: String(v) }];
  }
}

function dateOf(type: string, v: any): DateRange | undefined {
  if (typeof v === 'string') return dateRange(v);
  if (type === 'Period') return periodRange(v);
  if (type === 'Timing' && Array.isArray(v.event) && v.event.length > 0) {
    const ranges = v.event.map((e: string) => dateRange(e)).filter(Boolean) as DateRange[];
    if (ranges.length === 0) return undefined;
    return { start: ranges.map((r) => r.start).sort()[0]!, end: ranges.map((r) => r.end).sort().at(-1)! };
  }
  return undefined;
}

function strings(type: string, v: any): string[] {
  if (typeof v === 'string') return [v];
  if (type === 'HumanName') return [v.text, v.family, ...(v.given ?? []), ...(v.prefix ?? []), ...(v.suffix ?? [])];
  if (type === 'Address') return [v.text, ...(v.line ?? []), v.city, v.district, v.state, v.postalCode, v.country];
  return [];
}

/** The Patient id whose compartment holds this resource, or null for shared resources. */
export function patientCompartment(resource: Resource): string | null {
  if (resource.resourceType === 'Patient') return resource.id ?? null;
  for (const expression of patientCompartmentExpressions(resource.resourceType)) {
    let values: TypedValue[];
    try {
      values = evaluate(expression, resource);
    } catch {
      continue;
    }
    for (const tv of values) {
      const ref = (tv.value as { reference?: string } | undefined)?.reference;
      const split = ref ? splitReference(ref) : undefined;
      if (split?.targetType === 'Patient') return split.targetId;
    }
  }
  return null;
}
