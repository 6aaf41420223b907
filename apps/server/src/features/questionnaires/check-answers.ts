import type { AnswerValue, FormItem, FormQuestionnaire, ItemAnswer } from '@ourchart/contracts';
import { flattenItems, isQuestion, keepEnabledAnswers, missingRequired } from '@ourchart/contracts/questionnaire-logic';
import { AppError, type FieldError } from '../../platform/http/errors.ts';

/**
 * Checks answers against the questionnaire they claim to answer: every answer must belong to a
 * question of the form, have the value type of that question (a choice must be one of its
 * options; an open choice may also be free text), respect `repeats` and `maxLength`. Answers to
 * disabled items are dropped (enableWhen). With `complete`, every enabled required question needs
 * an answer. Problems are VALIDATION errors listed per question (path = linkId).
 */
export const NEEDS_ANSWER = 'This question needs an answer.';
const NOT_IN_FORM = 'This answer is for a question that is not in this form.';
const WRONG_TYPE = 'This answer does not fit the question. Reload the page and answer again.';
const NOT_AN_OPTION = 'Choose one of the answers listed.';
const ONE_ONLY = 'Choose only one answer.';

function fits(item: FormItem, a: AnswerValue): string | null {
  const x = a as Record<string, unknown>;
  switch (item.type) {
    case 'string': case 'text':
      if (typeof x.valueString !== 'string') return WRONG_TYPE;
      return item.maxLength && (x.valueString as string).length > item.maxLength ? `Keep this answer under ${item.maxLength} characters.` : null;
    case 'integer': return typeof x.valueInteger === 'number' ? null : WRONG_TYPE;
    case 'decimal': return typeof x.valueDecimal === 'number' ? null : WRONG_TYPE;
    case 'date': return typeof x.valueDate === 'string' ? null : WRONG_TYPE;
    case 'boolean': return typeof x.valueBoolean === 'boolean' ? null : WRONG_TYPE;
    case 'choice': case 'open-choice': {
      if (item.type === 'open-choice' && typeof x.valueString === 'string') return null;
      const coding = a.valueCoding;
      if (!coding) return WRONG_TYPE;
      const ok = item.answerOption?.some((o) => o.valueCoding?.code === coding.code && (!coding.system || !o.valueCoding.system || o.valueCoding.system === coding.system));
      return ok ? null : NOT_AN_OPTION;
    }
    default: return NOT_IN_FORM;
  }
}

/** The answers to keep, with option displays taken from the form (never from the client). */
export function checkAnswers(form: FormQuestionnaire, answers: readonly ItemAnswer[], options: { complete: boolean }): ItemAnswer[] {
  const items = new Map(flattenItems(form.item).map((i) => [i.linkId, i]));
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  const cleaned: ItemAnswer[] = [];
  for (const given of answers) {
    const item = items.get(given.linkId);
    if (!item || !isQuestion(item) || seen.has(given.linkId)) {
      errors.push({ path: given.linkId, message: NOT_IN_FORM });
      continue;
    }
    seen.add(given.linkId);
    if (given.answer.length > 1 && !item.repeats) errors.push({ path: given.linkId, message: ONE_ONLY });
    const problem = given.answer.map((a) => fits(item, a)).find((p) => p !== null);
    if (problem) {
      errors.push({ path: given.linkId, message: problem });
      continue;
    }
    cleaned.push({
      linkId: given.linkId,
      answer: given.answer.map((a) => {
        if (!a.valueCoding) return a;
        const option = item.answerOption?.find((o) => o.valueCoding?.code === a.valueCoding!.code)!.valueCoding!;
        return { valueCoding: { ...(option.system ? { system: option.system } : {}), code: option.code, ...(option.display ? { display: option.display } : {}) } };
      }),
    });
  }
  const kept = keepEnabledAnswers(form.item, cleaned);
  if (options.complete) for (const item of missingRequired(form.item, kept)) errors.push({ path: item.linkId, message: NEEDS_ANSWER });
  if (errors.length > 0) throw new AppError('VALIDATION', 'Some answers are missing or do not fit their question.', { errors });
  return kept;
}
