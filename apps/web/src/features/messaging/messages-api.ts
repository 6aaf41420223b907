import type { MessageTopic, NewThreadDraft, NewThreadDraftState, Problem, ThreadDetail, ThreadList, TopicRouting } from '@ourchart/contracts';
import { ApiError, apiRequest, withPatient } from '../../api/client.ts';
import { currentLanguage } from '../../i18n/index.ts';

// The patient messaging API. Types come from @ourchart/contracts (type-only, no zod in the bundle).

/** "?patient=..." (a proxy's record) and any other parts that are set. */
export function query(parts: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(parts)) if (value) params.set(key, value);
  const text = params.toString();
  return text ? `?${text}` : '';
}

export type Posted = { threadId: string; messageId: string };

/**
 * Sends a message as multipart/form-data (text fields plus the files), with the CSRF header like
 * every state-changing call; the browser sets the multipart boundary itself.
 */
async function postForm(path: string, fields: Record<string, string>, files: File[]): Promise<Posted> {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  for (const file of files) form.append('attachments', file, file.name);
  let response: Response;
  try {
    // A plain fetch sends no record header: the record in context goes in the address.
    response = await fetch(withPatient(path), {
      method: 'POST', body: form, credentials: 'same-origin',
      headers: { accept: 'application/json, application/problem+json', 'accept-language': currentLanguage(), 'x-ourchart-csrf': '1' },
    });
  } catch (cause) {
    throw new ApiError(0, undefined, { cause });
  }
  if (!response.ok) {
    let problem: Problem | undefined;
    try {
      problem = (await response.json()) as Problem;
    } catch {
      problem = undefined;
    }
    throw new ApiError(response.status, problem);
  }
  return (await response.json()) as Posted;
}

export const getTopics = (patientId?: string) => apiRequest<TopicRouting>('GET', `/api/messages/topics${query({ patient: patientId })}`);

export const listThreads = (status: 'open' | 'closed', patientId?: string) =>
  apiRequest<ThreadList>('GET', `/api/messages/threads${query({ status, patient: patientId })}`);

export const getThread = (id: string, patientId?: string) =>
  apiRequest<ThreadDetail>('GET', `/api/messages/threads/${encodeURIComponent(id)}${query({ patient: patientId })}`);

export const startThread = (input: { topic: MessageTopic; subject: string; body: string }, files: File[], patientId?: string) =>
  postForm(`/api/messages/threads${query({ patient: patientId })}`, input, files);

export const reply = (threadId: string, body: string, files: File[], patientId?: string) =>
  postForm(`/api/messages/threads/${encodeURIComponent(threadId)}/replies${query({ patient: patientId })}`, { body }, files);

export const saveReplyDraft = (threadId: string, body: string, patientId?: string) =>
  apiRequest<{ body: string; savedAt: string }>('PUT', `/api/messages/threads/${encodeURIComponent(threadId)}/draft${query({ patient: patientId })}`, { body });

export const getNewDraft = (patientId?: string) => apiRequest<NewThreadDraftState>('GET', `/api/messages/draft${query({ patient: patientId })}`);

export const saveNewDraft = (draft: NewThreadDraft, patientId?: string) =>
  apiRequest<NewThreadDraftState>('PUT', `/api/messages/draft${query({ patient: patientId })}`, draft);

export const attachmentUrl = (id: string, patientId?: string) => withPatient(`/api/messages/attachments/${encodeURIComponent(id)}${query({ patient: patientId })}`);
