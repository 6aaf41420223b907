import type { Observation } from '@medplum/fhirtypes';
import type { ResultFlag, ResultValue } from '@ourchart/contracts';
import { conceptText } from '../../platform/fhir-store/display.ts';
import { explanationFor } from './explanations/index.ts';

const INTERPRETATION: Record<string, ResultFlag> = {
  HH: 'critical-high', LL: 'critical-low', H: 'high', HU: 'high', L: 'low', LU: 'low', A: 'abnormal', AA: 'abnormal', N: 'normal',
};

/** The value as a number when it is one (charts), else as text. */
export function valueOf(o: Observation): number | string | null {
  if (o.valueQuantity?.value !== undefined) return o.valueQuantity.value;
  if (o.valueString !== undefined) return o.valueString;
  if (o.valueCodeableConcept) return conceptText(o.valueCodeableConcept);
  if (o.valueInteger !== undefined) return o.valueInteger;
  if (o.valueBoolean !== undefined) return o.valueBoolean ? 'yes' : 'no';
  return null;
}

export function rangeOf(o: Observation): ResultValue['range'] {
  const r = o.referenceRange?.[0];
  if (!r) return null;
  return { low: r.low?.value ?? null, high: r.high?.value ?? null, text: r.text ?? null };
}

/** The lab's own interpretation first (it knows critical limits); else the value against the range. */
export function flagOf(o: Observation): ResultFlag | null {
  for (const cc of o.interpretation ?? []) {
    for (const c of cc.coding ?? []) {
      const flag = c.code ? INTERPRETATION[c.code] : undefined;
      if (flag) return flag;
    }
  }
  const v = o.valueQuantity?.value;
  const range = rangeOf(o);
  if (typeof v !== 'number' || !range || (range.low === null && range.high === null)) return null;
  if (range.high !== null && v > range.high) return 'high';
  if (range.low !== null && v < range.low) return 'low';
  return 'normal';
}

export function codeKey(o: Observation): string | null {
  const c = o.code?.coding?.find((x) => x.system === 'http://loinc.org') ?? o.code?.coding?.[0];
  return c?.code ? `${c.system ?? ''}|${c.code}` : null;
}

/** The explanation of a LOINC-coded test in one language, or null when we have none. */
export function explain(code: string | null, locale: 'en' | 'es'): ResultValue['explanation'] {
  const e = code?.startsWith('http://loinc.org|') ? explanationFor(code.slice('http://loinc.org|'.length)) : undefined;
  if (!e) return null;
  return { name: e.name[locale], measures: e.measures[locale], high: e.high?.[locale] ?? null, low: e.low?.[locale] ?? null, askCareTeam: e.askCareTeam[locale], source: e.source };
}

export function toResultValue(o: Observation, previous: Observation | undefined, locale: 'en' | 'es' = 'en'): ResultValue {
  const changed = previous && JSON.stringify(valueOf(previous)) !== JSON.stringify(valueOf(o));
  return {
    id: o.id!,
    name: conceptText(o.code) ?? 'Test',
    code: codeKey(o),
    value: valueOf(o),
    unit: o.valueQuantity?.unit ?? o.valueQuantity?.code ?? null,
    range: rangeOf(o),
    flag: flagOf(o),
    status: o.status,
    effective: o.effectiveDateTime ?? o.effectivePeriod?.start ?? o.issued ?? null,
    explanation: explain(codeKey(o), locale),
    correction:
      o.status === 'corrected' || o.status === 'amended'
        ? { previousValue: changed ? valueOf(previous!) : null, note: o.note?.map((n) => n.text).filter(Boolean).join(' ') || null }
        : null,
  };
}

export const isAbnormal = (v: ResultValue) => v.flag !== null && v.flag !== 'normal';
