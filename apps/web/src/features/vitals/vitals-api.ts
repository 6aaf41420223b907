import type { ReadingInput, SavedReading, VitalsList } from '@ourchart/contracts';
import { apiRequest } from '../../api/client.ts';

/** Every vital-sign series (clinic and home readings) of the signed-in patient. */
export function getVitals(): Promise<VitalsList> {
  return apiRequest<VitalsList>('GET', '/api/records/vitals');
}

export function addReading(reading: ReadingInput): Promise<SavedReading> {
  return apiRequest<SavedReading>('POST', '/api/records/readings', reading);
}
