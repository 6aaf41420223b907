import { describe, expect, it } from 'vitest';
import type { AllergyItem, ConditionItem } from '@ourchart/contracts';
import { activeFirst, isActiveAllergy, isActiveCondition } from './order-items.ts';

function buildCondition(overrides: Partial<ConditionItem>): ConditionItem {
  return { id: crypto.randomUUID(), name: 'Asthma', clinicalStatus: 'active', onset: null, abatement: null, ...overrides };
}

describe('activeFirst', () => {
  it('puts current conditions before past ones, newest first within each group', () => {
    const items = [
      buildCondition({ name: 'Old fracture', clinicalStatus: 'resolved', onset: '2001' }),
      buildCondition({ name: 'Asthma', clinicalStatus: 'active', onset: '1999-05' }),
      buildCondition({ name: 'Back pain', clinicalStatus: 'recurrence', onset: '2020-02-01' }),
      buildCondition({ name: 'Unknown date', clinicalStatus: 'active', onset: null }),
    ];
    const names = activeFirst(items, isActiveCondition, (item) => item.onset).map((item) => item.name);
    expect(names).toEqual(['Back pain', 'Asthma', 'Unknown date', 'Old fracture']);
  });

  it('keeps the server order when status and date are equal', () => {
    const items = [buildCondition({ name: 'B' }), buildCondition({ name: 'A' })];
    expect(activeFirst(items, isActiveCondition, () => null).map((item) => item.name)).toEqual(['B', 'A']);
  });
});

describe('isActiveAllergy', () => {
  it('treats an allergy without a status as current', () => {
    const allergy: AllergyItem = {
      id: 'a1', substance: 'Penicillin', clinicalStatus: null, criticality: 'high', reactions: [], recorded: null,
    };
    expect(isActiveAllergy(allergy)).toBe(true);
    expect(isActiveAllergy({ ...allergy, clinicalStatus: 'resolved' })).toBe(false);
  });
});
