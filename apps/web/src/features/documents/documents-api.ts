import type { CreatedShare, DocumentList, ExportFormat, ShareList, ShareSummary, TransmitResult } from '@ourchart/contracts';
import { apiRequest, withPatient } from '../../api/client.ts';
import { saveFile } from './save-file.ts';

const forPatient = (patientId: string | null, join: '?' | '&' = '?') => (patientId ? `${join}patient=${encodeURIComponent(patientId)}` : '');

export const documentsApi = {
  documents: (patientId: string | null) => apiRequest<DocumentList>('GET', `/api/records/documents${forPatient(patientId)}`),
  contentUrl: (patientId: string | null, id: string, index: number, download: boolean) =>
    withPatient(`/api/records/documents/${encodeURIComponent(id)}/content?index=${index}${download ? '&download=1' : ''}${forPatient(patientId, '&')}`),
  download: (patientId: string | null, range: { from: string; to: string }, format: ExportFormat, lang: string) =>
    saveFile(withPatient(`/api/records/export?format=${format}&from=${range.from}&to=${range.to}&lang=${lang}${forPatient(patientId, '&')}`)),
  shares: (patientId: string | null) => apiRequest<ShareList>('GET', `/api/shares${forPatient(patientId)}`),
  createShare: (patientId: string | null, body: { from: string; to: string; expiresInHours: number; label?: string; withCode: boolean }) =>
    apiRequest<CreatedShare>('POST', `/api/shares${forPatient(patientId)}`, body),
  revoke: (patientId: string | null, id: string) => apiRequest<ShareSummary>('POST', `/api/shares/${encodeURIComponent(id)}/revoke${forPatient(patientId)}`, {}),
  transmit: (patientId: string | null, body: { email: string; format: ExportFormat; from: string; to: string; expiresInHours: number; message?: string }) =>
    apiRequest<TransmitResult>('POST', `/api/records/transmit${forPatient(patientId)}`, body),
};
