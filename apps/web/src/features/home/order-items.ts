import type { AllergyItem, ConditionItem, MedicationItem } from '@ourchart/contracts';

/**
 * Current items first, then newest first, otherwise in the server's order.
 * ISO dates (full or partial) sort correctly as text; items without a date go last.
 */
export function activeFirst<T>(
  items: readonly T[],
  isActive: (item: T) => boolean,
  dateOf: (item: T) => string | null,
): T[] {
  return items
    .map((item, index) => ({ item, index, active: isActive(item), date: dateOf(item) ?? '' }))
    .sort((a, b) => Number(b.active) - Number(a.active) || b.date.localeCompare(a.date) || a.index - b.index)
    .map((entry) => entry.item);
}

const ongoingConditions = new Set(['active', 'recurrence', 'relapse']);

export function isActiveCondition(condition: ConditionItem): boolean {
  return condition.clinicalStatus !== null && ongoingConditions.has(condition.clinicalStatus);
}

export function isActiveMedication(medication: MedicationItem): boolean {
  return medication.status === 'active';
}

/** An allergy with no status is treated as current: for safety, assume it still applies. */
export function isActiveAllergy(allergy: AllergyItem): boolean {
  return allergy.clinicalStatus === null || allergy.clinicalStatus === 'active';
}
