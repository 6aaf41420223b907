import type { CareItem, CareStatus } from '@ourchart/contracts';
import { SCREENING_RULES } from './screening-rules.ts';
import { SYSTEM, type AskRule, type CodeSet, type OnceRule, type PreventionRule, type RepeatRule, type SeasonRule, type SeriesRule } from './rule-types.ts';
import { VACCINE_RULES } from './vaccine-rules.ts';

/** Something done, from any record type: a coded Immunization, Procedure, Observation or report. */
export type HistoryEntry = { system: string; code: string; date: string };

export type DueCareInput = {
  birthDate: string;
  /** FHIR administrative gender; sex-specific rules apply only to 'female' or 'male'. */
  sex: string | null;
  /** YYYY-MM-DD: the app passes the real date; tests pass fixed ones. */
  today: string;
  history: readonly HistoryEntry[];
};

export const ALL_RULES: readonly PreventionRule[] = [...VACCINE_RULES, ...SCREENING_RULES];

const ORDER: Record<CareStatus, number> = { overdue: 0, due: 1, ask: 2, 'up-to-date': 3 };

/**
 * What preventive care a person needs today: one item per rule that applies to their age and sex,
 * each due, overdue, up to date or "ask your care team", with the last time it was done. Pure: the
 * same input always gives the same answer (no clock, no I/O), so it is tested with fixed dates.
 * Overdue first, then due, ask, up to date; rule order within each.
 */
export function dueCare(input: DueCareInput, rules: readonly PreventionRule[] = ALL_RULES): CareItem[] {
  const age = ageInMonths(input.birthDate, input.today);
  if (age < 0) return [];
  const past = input.history.filter((h) => h.date.slice(0, 10) <= input.today);
  const items: CareItem[] = [];
  for (const rule of rules) {
    if (age < rule.minAgeMonths || age > rule.maxAgeMonths) continue;
    if (rule.sex && rule.sex !== input.sex) continue;
    const ctx = { age, input: { ...input, history: past }, done: datesMatching(past, rule.codes) };
    items.push(evaluate(rule, ctx));
  }
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => ORDER[a.item.status] - ORDER[b.item.status] || a.index - b.index)
    .map(({ item }) => item);
}

type Ctx = { age: number; input: DueCareInput; done: string[] };

function evaluate(rule: PreventionRule, ctx: Ctx): CareItem {
  switch (rule.schedule) {
    case 'series': return series(rule, ctx);
    case 'repeat': return repeat(rule, ctx);
    case 'season': return season(rule, ctx);
    case 'once': return once(rule, ctx);
    case 'ask': return ask(rule, ctx);
  }
}

function item(rule: PreventionRule, ctx: Ctx, status: CareStatus, dueDate: string | null, dosesNeeded: number | null = null, doneCount = ctx.done.length): CareItem {
  return { id: rule.id, kind: rule.kind, status, lastDone: ctx.done.at(-1) ?? null, doneCount, dosesNeeded, dueDate, source: rule.source };
}

function series(rule: SeriesRule, ctx: Ctx): CareItem {
  const { age, input, done } = ctx;
  const firstDoseAge = done[0] ? ageInMonths(input.birthDate, done[0]) : age;
  let needed = rule.lateStart && firstDoseAge >= rule.lateStart.fromAgeMonths ? rule.lateStart.doses : rule.doseAgesMonths.length;
  if (rule.shorterWith) {
    const short = datesMatching(input.history, [{ system: SYSTEM.cvx, codes: rule.shorterWith.cvx }]).length;
    if (short >= rule.shorterWith.doses) needed = Math.min(needed, short);
  }
  if (done.length >= needed) return item(rule, ctx, 'up-to-date', null, needed);
  const next = done.length;
  const dueAge = rule.doseAgesMonths[Math.min(next, rule.doseAgesMonths.length - 1)]!;
  // A next dose is not due sooner than 1-2 months after the last (2 when the schedule spaces them
  // so, as for shingles); exact minimum intervals for catch-up are the care team's call.
  const ages = rule.doseAgesMonths;
  const gap = next > 0 && next < ages.length ? Math.min(2, Math.max(1, ages[next]! - ages[next - 1]!)) : 1;
  const byAge = addMonths(input.birthDate, dueAge);
  const last = done.at(-1);
  const dueDate = last && addMonths(last, gap) > byAge ? addMonths(last, gap) : byAge;
  if (dueDate > input.today) return item(rule, ctx, 'up-to-date', dueDate, needed);
  // Late in the routine window, or a started series whose next dose has lapsed (at any age).
  const late = (age >= dueAge + rule.graceMonths && age <= rule.routineUntilMonths) || (last !== undefined && addMonths(dueDate, rule.graceMonths) <= input.today);
  return item(rule, ctx, late ? 'overdue' : 'due', dueDate, needed);
}

function repeat(rule: RepeatRule, ctx: Ctx): CareItem {
  const methods = rule.methods.filter((m) => ctx.age >= (m.minAgeMonths ?? 0) && ctx.age <= (m.maxAgeMonths ?? Infinity));
  const nextDates = methods
    .map((m) => datesMatching(ctx.input.history, m.codes).at(-1))
    .map((last, i) => (last ? addMonths(last, methods[i]!.everyMonths) : null))
    .filter((d): d is string => d !== null);
  if (nextDates.length === 0) return item(rule, ctx, 'due', ctx.input.today);
  const latest = nextDates.sort().at(-1)!;
  return item(rule, ctx, latest > ctx.input.today ? 'up-to-date' : 'overdue', latest);
}

function season(rule: SeasonRule, ctx: Ctx): CareItem {
  const [y, m] = ctx.input.today.split('-').map(Number) as [number, number];
  const startYear = m >= rule.seasonStartMonth ? y : y - 1;
  const start = `${startYear}-${String(rule.seasonStartMonth).padStart(2, '0')}-01`;
  const next = `${startYear + 1}-${String(rule.seasonStartMonth).padStart(2, '0')}-01`;
  const thisSeason = ctx.done.some((d) => d >= start);
  return item(rule, ctx, thisSeason ? 'up-to-date' : 'due', thisSeason ? next : ctx.input.today);
}

function once(rule: OnceRule, ctx: Ctx): CareItem {
  return ctx.done.length > 0 ? item(rule, ctx, 'up-to-date', null) : item(rule, ctx, 'due', ctx.input.today);
}

function ask(rule: AskRule, ctx: Ctx): CareItem {
  const last = ctx.done.at(-1);
  if (last && (rule.everyMonths === null || addMonths(last, rule.everyMonths) > ctx.input.today)) {
    return item(rule, ctx, 'up-to-date', rule.everyMonths === null ? null : addMonths(last, rule.everyMonths));
  }
  return item(rule, ctx, 'ask', null);
}

/** Distinct dates (YYYY-MM-DD, oldest first) of entries matching the code set; two on one day count once. */
function datesMatching(history: readonly HistoryEntry[], codes: CodeSet): string[] {
  const dates = new Set<string>();
  for (const h of history) {
    const set = codes.find((c) => c.system === h.system);
    if (set && set.codes.some((c) => sameCode(h.system, c, h.code))) dates.add(h.date.slice(0, 10));
  }
  return [...dates].sort();
}

/** CVX codes are written with or without a leading zero ("03" and "3" are MMR). */
function sameCode(system: string, a: string, b: string): boolean {
  return system === SYSTEM.cvx ? a.replace(/^0+/, '') === b.trim().replace(/^0+/, '') : a === b.trim();
}

/** Whole months from `from` to `to` (YYYY-MM-DD), counting a month only once its day is reached. */
export function ageInMonths(from: string, to: string): number {
  const [fy, fm, fd] = from.slice(0, 10).split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.slice(0, 10).split('-').map(Number) as [number, number, number];
  return (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
}

/** Adds months to a date (YYYY-MM-DD), clamping the day to the month's end (Jan 31 + 1 month = Feb 28). */
export function addMonths(date: string, count: number): string {
  const [y, m, d] = date.slice(0, 10).split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + count;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}
