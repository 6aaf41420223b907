import type { AnswerValue, FormItem, ItemAnswer } from '@ourchart/contracts';
import { answerMap, enabledLinkIds, flattenItems, isQuestion } from '@ourchart/contracts/questionnaire-logic';

/**
 * What the form holds while someone types: raw text for text and number fields (so "1." can be
 * typed on the way to "1.5"), 'yes'/'no' for booleans, option codes for choices, and the free text
 * of an open choice's "Other". Converted to FHIR answer values for drafts and the final answers.
 */
export type FormValue = string | string[];
export type FormValues = Record<string, FormValue>;

export const OTHER = '__other__';
export const otherKey = (linkId: string) => `${linkId}::other`;

export type Problem = 'required' | 'wholeNumber' | 'number' | 'date' | 'tooLong' | 'otherMissing';

const INTEGER = /^-?\d+$/;
const DECIMAL = /^-?\d+(\.\d+)?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function optionCode(item: FormItem, code: string) {
  return item.answerOption?.find((o) => (o.valueCoding?.code ?? o.valueString ?? String(o.valueInteger)) === code);
}

/** The answer values of one item, or a problem with what was entered (empty: no answer). */
export function valuesOf(item: FormItem, values: FormValues): { answer: AnswerValue[] } | { problem: Problem } {
  const raw = values[item.linkId];
  const text = typeof raw === 'string' ? raw.trim() : '';
  switch (item.type) {
    case 'string': case 'text':
      if (!text) return { answer: [] };
      return item.maxLength && text.length > item.maxLength ? { problem: 'tooLong' } : { answer: [{ valueString: text }] };
    case 'integer':
      if (!text) return { answer: [] };
      return INTEGER.test(text) ? { answer: [{ valueInteger: Number(text) }] } : { problem: 'wholeNumber' };
    case 'decimal':
      if (!text) return { answer: [] };
      return DECIMAL.test(text) ? { answer: [{ valueDecimal: Number(text) }] } : { problem: 'number' };
    case 'date':
      if (!text) return { answer: [] };
      return DATE.test(text) && !Number.isNaN(Date.parse(text)) ? { answer: [{ valueDate: text }] } : { problem: 'date' };
    case 'boolean':
      return text === 'yes' ? { answer: [{ valueBoolean: true }] } : text === 'no' ? { answer: [{ valueBoolean: false }] } : { answer: [] };
    case 'choice': case 'open-choice': {
      const codes = Array.isArray(raw) ? raw : text ? [text] : [];
      const answer: AnswerValue[] = [];
      for (const code of codes) {
        if (code === OTHER) {
          const other = String(values[otherKey(item.linkId)] ?? '').trim();
          if (!other) return { problem: 'otherMissing' };
          answer.push({ valueString: other });
          continue;
        }
        const option = optionCode(item, code);
        if (option?.valueCoding) answer.push({ valueCoding: option.valueCoding });
        else if (option?.valueString !== undefined) answer.push({ valueString: option.valueString });
        else if (option?.valueInteger !== undefined) answer.push({ valueInteger: option.valueInteger });
      }
      return { answer };
    }
    default:
      return { answer: [] };
  }
}

/** Answers of every question with a usable value (problems left out): what a draft saves. */
export function collectAnswers(items: readonly FormItem[], values: FormValues): ItemAnswer[] {
  const out: ItemAnswer[] = [];
  for (const item of flattenItems(items).filter(isQuestion)) {
    const v = valuesOf(item, values);
    if ('answer' in v && v.answer.length > 0) out.push({ linkId: item.linkId, answer: v.answer });
  }
  return out;
}

/** The enabled items, from the answers entered so far. */
export function enabledItems(items: readonly FormItem[], values: FormValues): Set<string> {
  return enabledLinkIds(items, answerMap(collectAnswers(items, values)));
}

/** Problems of enabled questions, in form order (what the error summary lists on submit). */
export function problemsOf(items: readonly FormItem[], values: FormValues): { item: FormItem; problem: Problem }[] {
  const enabled = enabledItems(items, values);
  const out: { item: FormItem; problem: Problem }[] = [];
  for (const item of flattenItems(items)) {
    if (!isQuestion(item) || !enabled.has(item.linkId)) continue;
    const v = valuesOf(item, values);
    if ('problem' in v) out.push({ item, problem: v.problem });
    else if (item.required && v.answer.length === 0) out.push({ item, problem: 'required' });
  }
  return out;
}

/** Form values from saved answers (a draft being reloaded). */
export function valuesFromAnswers(items: readonly FormItem[], answers: readonly ItemAnswer[]): FormValues {
  const byId = new Map(flattenItems(items).map((i) => [i.linkId, i]));
  const values: FormValues = {};
  for (const a of answers) {
    const item = byId.get(a.linkId);
    if (!item) continue;
    const first = a.answer[0];
    switch (item.type) {
      case 'boolean': values[a.linkId] = first?.valueBoolean ? 'yes' : 'no'; break;
      case 'choice': case 'open-choice': {
        const codes = a.answer.map((v) => {
          if (v.valueCoding) return v.valueCoding.code;
          if (v.valueString !== undefined && item.answerOption?.some((o) => o.valueString === v.valueString)) return v.valueString;
          if (v.valueString !== undefined) {
            values[otherKey(a.linkId)] = v.valueString;
            return OTHER;
          }
          return String(v.valueInteger);
        });
        values[a.linkId] = item.repeats ? codes : (codes[0] ?? '');
        break;
      }
      default:
        values[a.linkId] = String(first?.valueString ?? first?.valueInteger ?? first?.valueDecimal ?? first?.valueDate ?? '');
    }
  }
  return values;
}

/** The code an option is chosen by (its coding code, else its string or integer value). */
export function codeOf(option: NonNullable<FormItem['answerOption']>[number]): string {
  return option.valueCoding?.code ?? option.valueString ?? String(option.valueInteger);
}

export function labelOf(option: NonNullable<FormItem['answerOption']>[number]): string {
  return option.valueCoding?.display ?? option.valueCoding?.code ?? option.valueString ?? String(option.valueInteger);
}
