import type { AssistanceApplication, AssistanceDecision, AssistanceOverview, ItemAnswer, SavedResponse, StaffAssistanceApplication, StaffAssistanceList } from '@ourchart/contracts';
import { apiRequest } from '../../api/client.ts';

// The financial assistance API. Types come from @ourchart/contracts (type-only).

export const getAssistance = () => apiRequest<AssistanceOverview>('GET', '/api/billing/assistance');
export const saveAssistanceDraft = (answers: ItemAnswer[]) => apiRequest<SavedResponse>('PUT', '/api/billing/assistance/draft', { answers });
export const applyForAssistance = (answers: ItemAnswer[]) => apiRequest<AssistanceApplication>('POST', '/api/billing/assistance', { answers });

export const getApplications = (status: 'submitted' | 'decided') => apiRequest<StaffAssistanceList>('GET', `/api/staff/billing/assistance?status=${status}`);
export const decideApplication = (id: string, decision: AssistanceDecision) =>
  apiRequest<StaffAssistanceApplication>('POST', `/api/staff/billing/assistance/${encodeURIComponent(id)}/decision`, decision);
