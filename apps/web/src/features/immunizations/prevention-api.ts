import type { ImmunizationHistory, PreventionList } from '@ourchart/contracts';
import { apiRequest } from '../../api/client.ts';

/** Due, overdue and up-to-date vaccines and screenings of the signed-in patient. */
export function getPrevention(): Promise<PreventionList> {
  return apiRequest<PreventionList>('GET', '/api/records/prevention');
}

export function getImmunizationHistory(): Promise<ImmunizationHistory> {
  return apiRequest<ImmunizationHistory>('GET', '/api/records/immunizations');
}
