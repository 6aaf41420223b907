import type { AllergyList, ConditionList, MedicationList } from '@ourchart/contracts';
import { apiRequest } from '../../api/client.ts';

// Stable module-level functions, as useApi needs. The signed-in patient's own record.
export function getMedications(): Promise<MedicationList> {
  return apiRequest<MedicationList>('GET', '/api/records/medications');
}

export function getAllergies(): Promise<AllergyList> {
  return apiRequest<AllergyList>('GET', '/api/records/allergies');
}

export function getConditions(): Promise<ConditionList> {
  return apiRequest<ConditionList>('GET', '/api/records/conditions');
}
