import type { DosageDetail, DosageTiming } from '@ourchart/contracts';
import type enRecords from '../../i18n/en/records.json';

/** The `dose` words of the records namespace, in one language (en/records.json is the reference). */
export type DoseWords = (typeof enRecords)['dose'];

/*
 * Dose instructions in plain words from structured FHIR dosage ("Take 1 tablet by mouth twice a
 * day"). A pure function of the dosage, the words and the locale, so it is tested in both languages
 * without a browser. Word order is the same in English and Spanish for these short sentences.
 */

function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key] ?? ''));
}

/** Doses are recorded with free-text or UCUM units; the common pharmacy forms get words in each language. */
const FORM_ALIASES: Record<string, string> = {
  tablet: 'tablet', tab: 'tablet', tbl: 'tablet', capsule: 'capsule', cap: 'capsule', puff: 'puff', actuat: 'puff', actuation: 'puff',
  inhalation: 'puff', unit: 'unit', u: 'unit', iu: 'unit', '[iu]': 'unit', spray: 'spray', drop: 'drop', gtt: 'drop', patch: 'patch',
  patche: 'patch', injection: 'injection', 'auto-injector': 'autoInjector', autoinjector: 'autoInjector',
};

function formKey(unit: string): string | undefined {
  const bare = unit.trim().toLowerCase().replace(/^\{(.*)\}$/, '$1');
  return FORM_ALIASES[bare] ?? FORM_ALIASES[bare.replace(/s$/, '')];
}

function plural(words: Record<string, string>, key: string, count: number, locale: string): string | undefined {
  const category = new Intl.PluralRules(locale).select(count) === 'one' ? 'one' : 'other';
  return words[`${key}_${category}`];
}

function amount(dose: NonNullable<DosageDetail['dose']>, words: DoseWords, locale: string): string {
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 3 });
  const form = dose.unit ? formKey(dose.unit) : undefined;
  const unit = dose.unit ? ((form && plural(words.form, form, dose.high ?? dose.value, locale)) ?? dose.unit) : '';
  const text = dose.high !== null
    ? fill(words.range, { low: number.format(dose.value), high: number.format(dose.high), unit })
    : fill(words.amount, { value: number.format(dose.value), unit });
  return text.trim();
}

function unitWord(unit: string, count: number, words: DoseWords, locale: string): string {
  return plural(words.unit, unit, count, locale) ?? unit;
}

function frequency(timing: DosageTiming, words: DoseWords, locale: string): string | null {
  const f = timing.frequency ?? 1;
  const { frequencyMax: fMax, period: p, periodMax: pMax, periodUnit: u } = timing;
  if (!u || p === null) return null;
  const per = p === 1 ? ({ d: words.perDay, wk: words.perWeek, mo: words.perMonth } as Record<string, DoseWords['perDay']>)[u] : undefined;
  if (per) {
    if (fMax !== null && fMax !== f) return fill(per.range, { count: f, max: fMax });
    return f === 1 ? per['1'] : f === 2 ? per['2'] : fill(per.n, { count: f });
  }
  if (f === 1 && pMax !== null && pMax !== p) return fill(words.everyRange, { count: p, max: pMax, unit: unitWord(u, pMax, words, locale) });
  if (f === 1) return p === 1 ? fill(words.everyUnit, { unit: unitWord(u, 1, words, locale) }) : fill(words.everyN, { count: p, unit: unitWord(u, p, words, locale) });
  return fill(words.timesEvery, { count: f, period: p, unit: unitWord(u, p, words, locale) });
}

function clockTimes(times: string[], locale: string): string {
  const format = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' });
  return new Intl.ListFormat(locale, { type: 'conjunction' }).format(times.map((t) => format.format(new Date(`1970-01-01T${t}Z`))));
}

/** "Severe allergic reaction" reads mid-sentence as "severe allergic reaction"; "HIV" stays as it is. */
function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}

/**
 * One dose instruction in plain words, or null when the dosage has neither a dose nor a schedule
 * (the prescriber's own text is then the instruction to show).
 */
export function describeDosage(d: DosageDetail, words: DoseWords, locale: string): string | null {
  if (!d.dose && !d.timing) return null;
  const route = (d.route ?? 'other') as keyof DoseWords['verb'];
  const list = new Intl.ListFormat(locale, { type: 'conjunction' });
  const when = (d.timing?.when ?? []).map((code) => (words.when as Record<string, string>)[code]).filter((w): w is string => !!w);
  const duration = d.timing?.duration;
  // "Inject 1 injection" says the form twice: a dose counted in injections is given.
  const verb = d.dose?.unit && formKey(d.dose.unit) === 'injection' ? words.verb.injection : (words.verb[route] ?? words.verb.other);
  const parts = [
    verb,
    d.dose && amount(d.dose, words, locale),
    (words.route as Record<string, string>)[route] ?? '',
    d.timing && frequency(d.timing, words, locale),
    when.length > 0 && list.format(when),
    d.timing?.timeOfDay.length && fill(words.atTimes, { times: clockTimes(d.timing.timeOfDay, locale) }),
    d.asNeeded && (d.asNeededFor ? fill(words.asNeededFor, { reason: lowerFirst(d.asNeededFor) }) : words.asNeeded),
    duration && fill(words.duration, { count: duration.value, unit: unitWord(duration.unit, duration.value, words, locale) }),
  ];
  return parts.filter((p): p is string => typeof p === 'string' && p !== '').join(' ');
}

/** What to show for a medicine: plain-words instructions, and the prescriber's own text where it says more. */
export function doseInstructions(dosage: readonly DosageDetail[], words: DoseWords, locale: string): { plain: string[]; written: string[] } {
  const plain: string[] = [];
  const written: string[] = [];
  for (const d of dosage) {
    const sentence = describeDosage(d, words, locale);
    const text = d.patientInstruction ?? d.text;
    if (sentence) plain.push(sentence);
    // The prescriber's words carry what structure may miss ("call 911"); shown unless they say the same.
    if (text && text.trim().replace(/\.$/, '').toLowerCase() !== sentence?.toLowerCase()) written.push(text);
  }
  return { plain, written };
}
