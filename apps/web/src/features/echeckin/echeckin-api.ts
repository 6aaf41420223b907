import type { CareAlert, CareAlertList, DemographicsInput, EcheckinView, InsuranceInput, MedicationReviewInput, StaffResponseList } from '@ourchart/contracts';
import { apiRequest } from '../../api/client.ts';

// The eCheck-in and care-alert API. Types come from @ourchart/contracts (type-only).

const path = (id: string, patientId: string | undefined, step = '') =>
  `/api/echeckin/${encodeURIComponent(id)}${step}${patientId ? `?patient=${encodeURIComponent(patientId)}` : ''}`;

export const getCheckin = (id: string, patientId?: string) => apiRequest<EcheckinView>('GET', path(id, patientId));
export const confirmDemographics = (id: string, body: DemographicsInput, patientId?: string) => apiRequest<EcheckinView>('POST', path(id, patientId, '/demographics'), body);
export const confirmInsurance = (id: string, body: InsuranceInput, patientId?: string) => apiRequest<EcheckinView>('POST', path(id, patientId, '/insurance'), body);
export const reviewMedications = (id: string, body: MedicationReviewInput, patientId?: string) => apiRequest<EcheckinView>('POST', path(id, patientId, '/medications'), body);
export const confirmQuestionnaires = (id: string, patientId?: string) => apiRequest<EcheckinView>('POST', path(id, patientId, '/questionnaires'), {});
export const completeCheckin = (id: string, patientId?: string) => apiRequest<EcheckinView>('POST', path(id, patientId, '/complete'), {});

export const getCareAlerts = (status: 'open' | 'acknowledged') => apiRequest<CareAlertList>('GET', `/api/staff/alerts?status=${status}`);
export const acknowledgeAlert = (id: string) => apiRequest<CareAlert>('POST', `/api/staff/alerts/${encodeURIComponent(id)}/acknowledge`, {});
export const getStaffResponses = (patientId: string) => apiRequest<StaffResponseList>('GET', `/api/staff/patients/${encodeURIComponent(patientId)}/questionnaire-responses`);
