import type { AuditRow } from '@ourchart/contracts';
import { apiRequest } from '../../api/client.ts';

export type AdminAlert = {
  id: string;
  kind: string;
  at: string;
  message: string;
  actorEmail: string | null;
  patientId: string | null;
};

export const getAuditReport = (query: string) =>
  apiRequest<{ rows: AuditRow[]; truncated: boolean }>('GET', `/api/admin/audit${query ? `?${query}` : ''}`);
export const getAlerts = () => apiRequest<{ alerts: AdminAlert[] }>('GET', '/api/admin/alerts');
