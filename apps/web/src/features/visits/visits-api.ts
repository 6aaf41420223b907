import type { VisitList } from '@ourchart/contracts';
import { apiRequest, ApiError, withPatient } from '../../api/client.ts';
import { currentLanguage } from '../../i18n/index.ts';

export function getVisits(): Promise<VisitList> {
  return apiRequest<VisitList>('GET', '/api/records/visits');
}

/** Where an attachment of a clinical document is served (the documents API); `download` saves it instead. */
export function attachmentUrl(documentId: string, index: number, download = false): string {
  return withPatient(`/api/records/documents/${encodeURIComponent(documentId)}/content?index=${index}${download ? '&download=1' : ''}`);
}

/** A text or (server-sanitized) HTML attachment as a string; apiRequest speaks JSON only. */
export async function getAttachmentText(documentId: string, index: number): Promise<string> {
  let response: Response;
  try {
    response = await fetch(attachmentUrl(documentId, index), { credentials: 'same-origin', headers: { 'accept-language': currentLanguage() } });
  } catch (cause) {
    throw new ApiError(0, undefined, { cause });
  }
  if (!response.ok) throw new ApiError(response.status);
  return response.text();
}
