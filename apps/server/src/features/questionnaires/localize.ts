import type { Element, Questionnaire, QuestionnaireItem } from '@medplum/fhirtypes';
import type { FormItem, FormQuestionnaire, QuestionnaireItemType } from '@ourchart/contracts';
import { ITEM_CONTROL, TRANSLATION } from './instruments.ts';

export type Language = 'en' | 'es';

const SUPPORTED: ReadonlySet<string> = new Set(['group', 'display', 'string', 'text', 'integer', 'decimal', 'date', 'boolean', 'choice', 'open-choice']);

/** The translation of a primitive (its `_x` element) into `language`, or the text itself. */
export function translated(text: string | undefined, element: Element | undefined, language: Language): string | undefined {
  if (text === undefined || language === 'en') return text;
  const found = element?.extension?.find((e) => e.url === TRANSLATION && e.extension?.some((x) => x.url === 'lang' && x.valueCode === language));
  return found?.extension?.find((x) => x.url === 'content')?.valueString ?? text;
}

function control(item: QuestionnaireItem): string | undefined {
  return item.extension?.find((e) => e.url === ITEM_CONTROL)?.valueCodeableConcept?.coding?.[0]?.code;
}

function toFormItem(item: QuestionnaireItem, language: Language): FormItem {
  if (!SUPPORTED.has(item.type)) throw new Error(`Questionnaire item ${item.linkId} has type ${item.type}, which the renderer does not support.`);
  const x = item as QuestionnaireItem & { _text?: Element; _prefix?: Element };
  return {
    linkId: item.linkId,
    prefix: item.prefix,
    text: translated(item.text, x._text, language),
    type: item.type as QuestionnaireItemType,
    required: item.required,
    repeats: item.repeats,
    readOnly: item.readOnly,
    maxLength: item.maxLength,
    enableWhen: item.enableWhen?.map((w) => ({
      question: w.question, operator: w.operator,
      answerBoolean: w.answerBoolean, answerInteger: w.answerInteger, answerDecimal: w.answerDecimal, answerDate: w.answerDate, answerString: w.answerString,
      answerCoding: w.answerCoding?.code ? { system: w.answerCoding.system, code: w.answerCoding.code, display: w.answerCoding.display } : undefined,
    })),
    enableBehavior: item.enableBehavior,
    answerOption: item.answerOption?.map((o) => ({
      valueCoding: o.valueCoding?.code
        ? { system: o.valueCoding.system, code: o.valueCoding.code, display: translated(o.valueCoding.display, (o.valueCoding as { _display?: Element })._display, language) }
        : undefined,
      valueString: o.valueString,
      valueInteger: o.valueInteger,
    })),
    control: control(item),
    item: item.item?.map((child) => toFormItem(child, language)),
  };
}

/** The questionnaire as the renderer takes it, with every text in `language`. */
export function toFormQuestionnaire(q: Questionnaire, language: Language): FormQuestionnaire {
  const x = q as Questionnaire & { _title?: Element; _description?: Element; _copyright?: Element };
  return {
    id: q.id!,
    url: q.url ?? '',
    title: translated(q.title, x._title, language) ?? q.name ?? q.id!,
    description: translated(q.description, x._description, language),
    copyright: translated(q.copyright, x._copyright, language),
    item: (q.item ?? []).map((item) => toFormItem(item, language)),
  };
}
