import type { NewRefillRequest, PharmacyChoices, RefillList, RefillRequest, StaffRefill, StaffRefillList } from '@ourchart/contracts';
import { apiRequest } from '../../api/client.ts';

// The refills API. Types come from @ourchart/contracts (type-only, no zod in the bundle). The
// record in context travels in the patient header (api/client.ts), as on the Medications page.

export const listRefills = () => apiRequest<RefillList>('GET', '/api/refills');

export const getPharmacies = () => apiRequest<PharmacyChoices>('GET', '/api/refills/pharmacies');

export const requestRefill = (body: NewRefillRequest) => apiRequest<RefillRequest>('POST', '/api/refills', body);

export const getRefillQueue = (status: 'open' | 'decided') => apiRequest<StaffRefillList>('GET', `/api/staff/refills?status=${status}`);

const staffAction = (id: string, action: 'approve' | 'deny' | 'notes', body: object = {}) =>
  apiRequest<StaffRefill>('POST', `/api/staff/refills/${encodeURIComponent(id)}/${action}`, body);

export const approveRefill = (id: string) => staffAction(id, 'approve');
export const denyRefill = (id: string, reason: string) => staffAction(id, 'deny', { reason });
export const addRefillNote = (id: string, note: string) => staffAction(id, 'notes', { note });
