import type { AnswerValue, EnableWhen, FormItem, ItemAnswer } from './echeckin.ts';

/**
 * Questionnaire logic shared by the web renderer and the server (which re-checks everything):
 * enableWhen evaluation and required answers. Plain TypeScript without zod, so the web app can
 * import it as a value (`@ourchart/contracts/questionnaire-logic`) without pulling zod in.
 *
 * enableWhen follows FHIR R4 Questionnaire.item.enableWhen:
 *   exists      answerBoolean true: the question has an answer; false: it has none.
 *   = != > < >= <=  compared with each answer given; = and the ordered operators hold when any
 *               answer satisfies them; != holds when no answer equals the value (so an unanswered
 *               question is "not equal"). Codings are equal when codes match and, if both carry a
 *               system, systems match. An unanswered question makes every other operator false.
 *   enableBehavior  'all' (the default when omitted) or 'any' across several conditions.
 * An item under a disabled group is disabled too, and answers to disabled items are ignored.
 */

export type AnswerMap = ReadonlyMap<string, readonly AnswerValue[]>;

export function answerMap(answers: readonly ItemAnswer[]): Map<string, AnswerValue[]> {
  return new Map(answers.filter((a) => a.answer.length > 0).map((a) => [a.linkId, [...a.answer]]));
}

type Comparable = string | number | boolean;

/** The value of an answer, comparable with the enableWhen value of the same kind. */
function valueOf(a: AnswerValue | EnableWhen): Comparable | { system?: string | undefined; code: string } | undefined {
  const x = a as Record<string, unknown>;
  if (x.valueCoding !== undefined || x.answerCoding !== undefined) return (x.valueCoding ?? x.answerCoding) as { system?: string; code: string };
  for (const key of ['Boolean', 'Integer', 'Decimal', 'Date', 'String']) {
    const value = x[`value${key}`] ?? x[`answer${key}`];
    if (value !== undefined) return value as Comparable;
  }
  return undefined;
}

function compare(answer: AnswerValue, condition: EnableWhen): number | null {
  const a = valueOf(answer);
  const b = valueOf(condition);
  if (a === undefined || b === undefined) return null;
  if (typeof a === 'object' || typeof b === 'object') {
    if (typeof a !== 'object' || typeof b !== 'object') return null;
    const sameSystem = !a.system || !b.system || a.system === b.system;
    return sameSystem && a.code === b.code ? 0 : null;
  }
  if (typeof a !== typeof b) {
    // An integer answer against a decimal condition (or the reverse) still compares as numbers.
    if (typeof a === 'number' && typeof b === 'number') return a - b;
    return null;
  }
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** True when one enableWhen condition holds for these answers. */
export function conditionHolds(condition: EnableWhen, answers: AnswerMap): boolean {
  const given = answers.get(condition.question) ?? [];
  if (condition.operator === 'exists') return (given.length > 0) === (condition.answerBoolean ?? true);
  if (condition.operator === '!=') return given.every((a) => compare(a, condition) !== 0);
  return given.some((a) => {
    const c = compare(a, condition);
    if (c === null) return false;
    switch (condition.operator) {
      case '=': return c === 0;
      case '>': return c > 0;
      case '<': return c < 0;
      case '>=': return c >= 0;
      case '<=': return c <= 0;
      default: return false;
    }
  });
}

/** True when the item's own enableWhen conditions allow it (ignoring its parents). */
export function isItemEnabled(item: FormItem, answers: AnswerMap): boolean {
  if (!item.enableWhen || item.enableWhen.length === 0) return true;
  const results = item.enableWhen.map((c) => conditionHolds(c, answers));
  return item.enableBehavior === 'any' ? results.some(Boolean) : results.every(Boolean);
}

/** The linkIds of every enabled item, walking groups (a disabled group disables its children). */
export function enabledLinkIds(items: readonly FormItem[], answers: AnswerMap): Set<string> {
  const out = new Set<string>();
  const walk = (list: readonly FormItem[]) => {
    for (const item of list) {
      if (!isItemEnabled(item, answers)) continue;
      out.add(item.linkId);
      if (item.item) walk(item.item);
    }
  };
  walk(items);
  return out;
}

/** Every item, depth first, with its parents' enabled state taken into account by callers. */
export function flattenItems(items: readonly FormItem[]): FormItem[] {
  return items.flatMap((item) => [item, ...flattenItems(item.item ?? [])]);
}

/** Items that take an answer (not groups, displays or read-only calculated items). */
export function isQuestion(item: FormItem): boolean {
  return item.type !== 'group' && item.type !== 'display' && !item.readOnly;
}

/**
 * Answers to keep: only enabled questions. Disabled answers are dropped, as the FHIR rules say a
 * response must not carry answers to disabled items. Evaluated repeatedly until stable, because
 * dropping an answer can disable another item that depends on it.
 */
export function keepEnabledAnswers(items: readonly FormItem[], answers: readonly ItemAnswer[]): ItemAnswer[] {
  let kept = answers.filter((a) => a.answer.length > 0);
  for (let i = 0; i < 20; i++) {
    const enabled = enabledLinkIds(items, answerMap(kept));
    const next = kept.filter((a) => enabled.has(a.linkId));
    if (next.length === kept.length) return next;
    kept = next;
  }
  return kept;
}

/** Enabled required questions without an answer, in questionnaire order. */
export function missingRequired(items: readonly FormItem[], answers: readonly ItemAnswer[]): FormItem[] {
  const map = answerMap(answers);
  const enabled = enabledLinkIds(items, map);
  return flattenItems(items).filter((item) => item.required && isQuestion(item) && enabled.has(item.linkId) && !(map.get(item.linkId)?.length));
}
