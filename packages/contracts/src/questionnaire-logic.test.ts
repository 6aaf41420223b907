import { describe, expect, it } from 'vitest';
import type { EnableWhen, FormItem, ItemAnswer } from './echeckin.ts';
import { answerMap, conditionHolds, enabledLinkIds, isItemEnabled, keepEnabledAnswers, missingRequired } from './questionnaire-logic.ts';

const SYS = 'urn:test';
const answers = (list: ItemAnswer[]) => answerMap(list);
const holds = (c: EnableWhen, list: ItemAnswer[]) => conditionHolds(c, answers(list));

describe('enableWhen operators', () => {
  const n = (v: number): ItemAnswer[] => [{ linkId: 'q', answer: [{ valueInteger: v }] }];
  it('compares numbers with = != > < >= <=', () => {
    expect(holds({ question: 'q', operator: '=', answerInteger: 3 }, n(3))).toBe(true);
    expect(holds({ question: 'q', operator: '=', answerInteger: 3 }, n(4))).toBe(false);
    expect(holds({ question: 'q', operator: '!=', answerInteger: 3 }, n(4))).toBe(true);
    expect(holds({ question: 'q', operator: '!=', answerInteger: 3 }, n(3))).toBe(false);
    expect(holds({ question: 'q', operator: '>', answerInteger: 0 }, n(1))).toBe(true);
    expect(holds({ question: 'q', operator: '>', answerInteger: 0 }, n(0))).toBe(false);
    expect(holds({ question: 'q', operator: '<', answerInteger: 1 }, n(0))).toBe(true);
    expect(holds({ question: 'q', operator: '<', answerInteger: 1 }, n(1))).toBe(false);
    expect(holds({ question: 'q', operator: '>=', answerInteger: 8 }, n(8))).toBe(true);
    expect(holds({ question: 'q', operator: '>=', answerInteger: 8 }, n(7))).toBe(false);
    expect(holds({ question: 'q', operator: '<=', answerInteger: 0 }, n(0))).toBe(true);
    expect(holds({ question: 'q', operator: '<=', answerInteger: 0 }, n(1))).toBe(false);
    // An integer answer compares with a decimal condition.
    expect(holds({ question: 'q', operator: '>', answerDecimal: 2.5 }, n(3))).toBe(true);
  });

  it('handles exists true and false', () => {
    expect(holds({ question: 'q', operator: 'exists', answerBoolean: true }, n(0))).toBe(true);
    expect(holds({ question: 'q', operator: 'exists', answerBoolean: true }, [])).toBe(false);
    expect(holds({ question: 'q', operator: 'exists', answerBoolean: false }, [])).toBe(true);
    expect(holds({ question: 'q', operator: 'exists', answerBoolean: false }, n(1))).toBe(false);
  });

  it('treats an unanswered question as false for = and > but true for !=', () => {
    expect(holds({ question: 'q', operator: '=', answerInteger: 1 }, [])).toBe(false);
    expect(holds({ question: 'q', operator: '>', answerInteger: 1 }, [])).toBe(false);
    expect(holds({ question: 'q', operator: '!=', answerInteger: 1 }, [])).toBe(true);
  });

  it('matches codings by code and system, across repeated answers', () => {
    const chosen: ItemAnswer[] = [{ linkId: 'q', answer: [{ valueCoding: { system: SYS, code: 'a' } }, { valueCoding: { system: SYS, code: 'b' } }] }];
    expect(holds({ question: 'q', operator: '=', answerCoding: { system: SYS, code: 'b' } }, chosen)).toBe(true);
    expect(holds({ question: 'q', operator: '=', answerCoding: { code: 'b' } }, chosen)).toBe(true);
    expect(holds({ question: 'q', operator: '=', answerCoding: { system: 'urn:other', code: 'b' } }, chosen)).toBe(false);
    expect(holds({ question: 'q', operator: '!=', answerCoding: { system: SYS, code: 'b' } }, chosen)).toBe(false);
    expect(holds({ question: 'q', operator: '!=', answerCoding: { system: SYS, code: 'c' } }, chosen)).toBe(true);
  });

  it('compares booleans, strings and dates', () => {
    expect(holds({ question: 'q', operator: '=', answerBoolean: true }, [{ linkId: 'q', answer: [{ valueBoolean: true }] }])).toBe(true);
    expect(holds({ question: 'q', operator: '=', answerString: 'yes' }, [{ linkId: 'q', answer: [{ valueString: 'no' }] }])).toBe(false);
    expect(holds({ question: 'q', operator: '<', answerDate: '2026-01-01' }, [{ linkId: 'q', answer: [{ valueDate: '2025-12-31' }] }])).toBe(true);
  });
});

describe('enableBehavior, nesting and required answers', () => {
  const items: FormItem[] = [
    { linkId: 'a', type: 'integer', required: true },
    { linkId: 'b', type: 'boolean' },
    {
      linkId: 'any', type: 'string', required: true, enableBehavior: 'any',
      enableWhen: [{ question: 'a', operator: '>', answerInteger: 5 }, { question: 'b', operator: '=', answerBoolean: true }],
    },
    {
      linkId: 'all', type: 'string', enableBehavior: 'all',
      enableWhen: [{ question: 'a', operator: '>', answerInteger: 5 }, { question: 'b', operator: '=', answerBoolean: true }],
    },
    {
      linkId: 'group', type: 'group', enableWhen: [{ question: 'a', operator: '=', answerInteger: 1 }],
      item: [{ linkId: 'inside', type: 'string', required: true }, { linkId: 'inside-2', type: 'string', enableWhen: [{ question: 'inside', operator: 'exists', answerBoolean: true }] }],
    },
  ];

  it('any needs one condition, all needs every condition', () => {
    const onlyB = answers([{ linkId: 'b', answer: [{ valueBoolean: true }] }]);
    expect(isItemEnabled(items[2]!, onlyB)).toBe(true);
    expect(isItemEnabled(items[3]!, onlyB)).toBe(false);
    const both = answers([{ linkId: 'a', answer: [{ valueInteger: 6 }] }, { linkId: 'b', answer: [{ valueBoolean: true }] }]);
    expect(isItemEnabled(items[3]!, both)).toBe(true);
  });

  it('disables the children of a disabled group and drops their answers, repeatedly', () => {
    const given: ItemAnswer[] = [
      { linkId: 'a', answer: [{ valueInteger: 2 }] },
      { linkId: 'inside', answer: [{ valueString: 'x' }] },
      { linkId: 'inside-2', answer: [{ valueString: 'y' }] },
    ];
    expect(enabledLinkIds(items, answers(given)).has('inside')).toBe(false);
    expect(keepEnabledAnswers(items, given).map((a) => a.linkId)).toEqual(['a']);
    const inGroup = [{ linkId: 'a', answer: [{ valueInteger: 1 }] }, ...given.slice(1)];
    expect(keepEnabledAnswers(items, inGroup).map((a) => a.linkId)).toEqual(['a', 'inside', 'inside-2']);
  });

  it('lists required questions that are enabled and unanswered', () => {
    expect(missingRequired(items, []).map((i) => i.linkId)).toEqual(['a']);
    expect(missingRequired(items, [{ linkId: 'a', answer: [{ valueInteger: 9 }] }]).map((i) => i.linkId)).toEqual(['any']);
    expect(missingRequired(items, [{ linkId: 'a', answer: [{ valueInteger: 1 }] }]).map((i) => i.linkId)).toEqual(['inside']);
  });
});
