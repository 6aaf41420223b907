import { describe, expect, it } from 'vitest';
import type { FormItem } from '@ourchart/contracts';
import { OTHER, collectAnswers, enabledItems, otherKey, problemsOf, valuesFromAnswers } from './form-values.ts';

const SYS = 'urn:test';
const items: FormItem[] = [
  { linkId: 'name', type: 'string', required: true, text: 'Name' },
  { linkId: 'age', type: 'integer', text: 'Age' },
  { linkId: 'weight', type: 'decimal', text: 'Weight' },
  { linkId: 'when', type: 'date', text: 'When' },
  { linkId: 'smoker', type: 'boolean', text: 'Smoker' },
  { linkId: 'packs', type: 'integer', required: true, text: 'Packs', enableWhen: [{ question: 'smoker', operator: '=', answerBoolean: true }] },
  { linkId: 'symptoms', type: 'choice', repeats: true, text: 'Symptoms', answerOption: [{ valueCoding: { system: SYS, code: 'a', display: 'A' } }, { valueCoding: { system: SYS, code: 'b', display: 'B' } }] },
  { linkId: 'pharmacy', type: 'open-choice', text: 'Pharmacy', answerOption: [{ valueCoding: { system: SYS, code: 'main', display: 'Main' } }] },
];

describe('questionnaire form values', () => {
  it('turns what was typed and chosen into FHIR answer values', () => {
    const values = { name: ' Ana ', age: '42', weight: '150.5', when: '2026-03-14', smoker: 'yes', packs: '1', symptoms: ['a', 'b'], pharmacy: OTHER, [otherKey('pharmacy')]: 'Corner store' };
    expect(collectAnswers(items, values)).toEqual([
      { linkId: 'name', answer: [{ valueString: 'Ana' }] },
      { linkId: 'age', answer: [{ valueInteger: 42 }] },
      { linkId: 'weight', answer: [{ valueDecimal: 150.5 }] },
      { linkId: 'when', answer: [{ valueDate: '2026-03-14' }] },
      { linkId: 'smoker', answer: [{ valueBoolean: true }] },
      { linkId: 'packs', answer: [{ valueInteger: 1 }] },
      { linkId: 'symptoms', answer: [{ valueCoding: { system: SYS, code: 'a', display: 'A' } }, { valueCoding: { system: SYS, code: 'b', display: 'B' } }] },
      { linkId: 'pharmacy', answer: [{ valueString: 'Corner store' }] },
    ]);
  });

  it('names problems of enabled questions only, in form order', () => {
    const values = { age: '4.5', weight: 'heavy', when: '2026-13-45', smoker: 'no', pharmacy: OTHER };
    expect(problemsOf(items, values).map((p) => [p.item.linkId, p.problem])).toEqual([
      ['name', 'required'], ['age', 'wholeNumber'], ['weight', 'number'], ['when', 'date'], ['pharmacy', 'otherMissing'],
    ]);
    expect(enabledItems(items, values).has('packs')).toBe(false);
    expect(problemsOf(items, { ...values, smoker: 'yes' }).map((p) => p.item.linkId)).toContain('packs');
  });

  it('reloads a draft into the same form values', () => {
    const values = { name: 'Ana', smoker: 'no', symptoms: ['b'], pharmacy: OTHER, [otherKey('pharmacy')]: 'Corner store' };
    expect(valuesFromAnswers(items, collectAnswers(items, values))).toEqual(values);
  });
});
