import type { ItemAnswer, QuestionnaireView, SavedResponse } from '@ourchart/contracts';
import { apiRequest } from '../../api/client.ts';

// The questionnaire API (/api/questionnaires/:id). Types come from @ourchart/contracts (type-only).

export type ResponseContext = { appointmentId?: string | undefined; patientId?: string | undefined };

function query(c: ResponseContext): string {
  const params = new URLSearchParams();
  if (c.patientId) params.set('patient', c.patientId);
  if (c.appointmentId) params.set('appointment', c.appointmentId);
  const text = params.toString();
  return text ? `?${text}` : '';
}

const path = (id: string) => `/api/questionnaires/${encodeURIComponent(id)}`;

export const getQuestionnaire = (id: string, c: ResponseContext = {}) => apiRequest<QuestionnaireView>('GET', `${path(id)}${query(c)}`);
export const saveDraft = (id: string, answers: ItemAnswer[], c: ResponseContext = {}) => apiRequest<SavedResponse>('PUT', `${path(id)}/draft${query(c)}`, { answers });
export const completeResponse = (id: string, answers: ItemAnswer[], c: ResponseContext = {}) =>
  apiRequest<SavedResponse>('POST', `${path(id)}/complete${query(c)}`, { answers });
