import type { ReminderPreferences, ReminderPreferencesResponse } from '@ourchart/contracts';
import { apiRequest } from '../../api/client.ts';

const query = (patientId?: string) => (patientId ? `?patient=${encodeURIComponent(patientId)}` : '');

export const getReminderPreferences = (patientId?: string) =>
  apiRequest<ReminderPreferencesResponse>('GET', `/api/appointments/reminder-preferences${query(patientId)}`);

export const saveReminderPreferences = (body: ReminderPreferences, patientId?: string) =>
  apiRequest<ReminderPreferencesResponse>('PUT', `/api/appointments/reminder-preferences${query(patientId)}`, body);
