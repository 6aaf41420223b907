import type { Dosage, Timing } from '@medplum/fhirtypes';
import type { DosageDetail, DosageTiming } from '@ourchart/contracts';
import { conceptText } from '../../platform/fhir-store/display.ts';

/*
 * Structured dosage for the app to say in plain words (it has the words, in English and Spanish).
 * The server's part is to normalise what FHIR allows in many shapes: routes coded in SNOMED CT
 * (or only as text) become one keyword, doses given as a range or a plain quantity become one shape.
 */

/** SNOMED CT route codes (US Core / C-CDA route value set) mapped to the keywords the app words. */
const ROUTE_CODES: Record<string, string> = {
  '26643006': 'oral', '447694001': 'inhaled', '18679011000001101': 'inhaled', '34206005': 'subcutaneous',
  '78421000': 'intramuscular', '47625008': 'intravenous', '46713006': 'nasal', '6064005': 'topical',
  '37839007': 'sublingual', '54485002': 'eye', '10547007': 'ear', '37161004': 'rectal', '16857009': 'vaginal',
  '45890007': 'transdermal',
};
/** When a route is only text: the first keyword found in it (checked in this order). */
const ROUTE_WORDS: [RegExp, string][] = [
  [/\b(oral|by mouth|p\.?o\.?)\b/i, 'oral'], [/inhal|respiratory/i, 'inhaled'], [/subcutaneous|sub-?q\b/i, 'subcutaneous'],
  [/intramuscular|\bim\b/i, 'intramuscular'], [/intravenous|\biv\b/i, 'intravenous'], [/nasal|nose/i, 'nasal'],
  [/transdermal/i, 'transdermal'], [/topical|skin/i, 'topical'], [/sublingual/i, 'sublingual'], [/ophthalmic|\beye/i, 'eye'],
  [/otic|\bear/i, 'ear'], [/rectal/i, 'rectal'], [/vaginal/i, 'vaginal'],
];

function routeKeyword(route: Dosage['route']): string | null {
  for (const c of route?.coding ?? []) if (c.code && ROUTE_CODES[c.code]) return ROUTE_CODES[c.code]!;
  const text = conceptText(route);
  return text ? (ROUTE_WORDS.find(([re]) => re.test(text))?.[1] ?? null) : null;
}

function timingOf(timing: Timing | undefined): DosageTiming | null {
  const r = timing?.repeat;
  if (!r) return null;
  const bounds = r.boundsDuration;
  return {
    frequency: r.frequency ?? null,
    frequencyMax: r.frequencyMax ?? null,
    period: r.period ?? null,
    periodMax: r.periodMax ?? null,
    periodUnit: r.periodUnit ?? null,
    when: r.when ?? [],
    timeOfDay: r.timeOfDay ?? [],
    duration: bounds?.value !== undefined ? { value: bounds.value, unit: bounds.code ?? bounds.unit ?? 'd' } : null,
  };
}

function doseOf(d: Dosage): DosageDetail['dose'] {
  const rate = d.doseAndRate?.[0];
  const q = rate?.doseQuantity;
  if (q?.value !== undefined) return { value: q.value, high: null, unit: q.unit ?? q.code ?? null };
  const range = rate?.doseRange;
  if (range?.low?.value !== undefined) return { value: range.low.value, high: range.high?.value ?? null, unit: range.low.unit ?? range.low.code ?? null };
  return null;
}

/** One FHIR Dosage as the contract's DosageDetail. */
export function toDosageDetail(d: Dosage): DosageDetail {
  return {
    text: d.text ?? null,
    patientInstruction: d.patientInstruction ?? null,
    dose: doseOf(d),
    route: routeKeyword(d.route),
    routeText: conceptText(d.route),
    timing: timingOf(d.timing),
    asNeeded: d.asNeededBoolean === true || d.asNeededCodeableConcept !== undefined,
    asNeededFor: conceptText(d.asNeededCodeableConcept),
  };
}
