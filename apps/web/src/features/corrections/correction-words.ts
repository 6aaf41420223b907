import type { CorrectionStatus } from '@ourchart/contracts';
import type { TFunction } from 'i18next';
import { formatFhirDate } from '../home/format-date.ts';

const TYPES = new Set([
  'Patient', 'Condition', 'AllergyIntolerance', 'MedicationRequest', 'MedicationStatement', 'Immunization', 'Observation',
  'DiagnosticReport', 'Encounter', 'DocumentReference', 'Procedure', 'CarePlan', 'Goal', 'FamilyMemberHistory', 'Coverage',
]);

type T = TFunction<'corrections'>;

/** "Health problem", "Vaccine"… for a FHIR resource type; a general word for any other. */
export function typeLabel(t: T, resourceType: string): string {
  return TYPES.has(resourceType) ? t(`types.${resourceType as 'Condition'}`) : t('types.other');
}

/** The status in words (never only a colour). */
export function statusText(t: T, status: CorrectionStatus): string {
  return t(`status.${status}`);
}

export function formatDay(value: string, locale: string): string {
  return value ? formatFhirDate(value, locale) : '';
}

/** Shortest and longest texts the server accepts (packages/contracts/src/corrections.ts). */
export const LIMITS = { whatIsWrong: 5, shouldSay: 2, statement: 10, decision: 5, max: 2000, maxStatement: 4000 } as const;

/** True when the trimmed text is long enough. */
export function isLongEnough(value: string, min: number): boolean {
  return value.trim().length >= min;
}
