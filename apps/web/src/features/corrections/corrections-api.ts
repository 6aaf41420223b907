import type { CorrectionDecision, CorrectionList, CorrectionRequest, StaffCorrection, StaffCorrectionList } from '@ourchart/contracts';
import { apiRequest } from '../../api/client.ts';

// The corrections API. Types come from @ourchart/contracts (type-only, no zod in the bundle).

/** "?item=...&patient=..." with only the parts that are set. */
function query(parts: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(parts)) if (value) params.set(key, value);
  const text = params.toString();
  return text ? `?${text}` : '';
}

export const listCorrections = (o: { item?: string; patientId?: string } = {}) =>
  apiRequest<CorrectionList>('GET', `/api/records/corrections${query({ item: o.item, patient: o.patientId })}`);

export const askForCorrection = (body: { item: string; whatIsWrong: string; shouldSay: string }, patientId?: string) =>
  apiRequest<CorrectionRequest>('POST', `/api/records/corrections${query({ patient: patientId })}`, body);

export const addDisagreement = (id: string, statement: string, patientId?: string) =>
  apiRequest<CorrectionRequest>('POST', `/api/records/corrections/${encodeURIComponent(id)}/disagreement${query({ patient: patientId })}`, { statement });

export const getStaffQueue = (status: 'open' | 'decided') => apiRequest<StaffCorrectionList>('GET', `/api/staff/corrections?status=${status}`);

export const decide = (id: string, body: CorrectionDecision) =>
  apiRequest<StaffCorrection>('POST', `/api/staff/corrections/${encodeURIComponent(id)}/decision`, body);
