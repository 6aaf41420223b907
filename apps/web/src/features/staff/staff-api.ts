import type { HealthSummary, StaffPatient } from '@ourchart/contracts';
import { apiRequest } from '../../api/client.ts';

// The staff workspace API (/api/staff/*). Types come from @ourchart/contracts (type-only).

export type PendingEnrollment = {
  userId: string;
  email: string;
  givenName: string;
  familyName: string;
  birthDate: string;
  createdAt: string;
};

const patientPath = (id: string) => `/api/staff/patients/${encodeURIComponent(id)}`;

export const searchPatients = (q: string) =>
  apiRequest<{ patients: StaffPatient[] }>('GET', `/api/staff/patients?q=${encodeURIComponent(q)}`);
export const getPatientSummary = (id: string) => apiRequest<HealthSummary>('GET', `${patientPath(id)}/summary`);
export const breakGlass = (id: string, reason: string) =>
  apiRequest<{ expiresAt: string }>('POST', `${patientPath(id)}/break-glass`, { reason });
export const newActivationCode = (id: string) =>
  apiRequest<{ code: string; expiresAt: string }>('POST', `${patientPath(id)}/activation-code`);
export const getEnrollments = () => apiRequest<{ enrollments: PendingEnrollment[] }>('GET', '/api/staff/enrollments');
export const linkEnrollment = (userId: string, patientId: string) =>
  apiRequest<void>('POST', `/api/staff/enrollments/${encodeURIComponent(userId)}/link`, { patientId });
