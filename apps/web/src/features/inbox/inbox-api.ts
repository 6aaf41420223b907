import type { InboxFilter, MessageTemplateList, StaffInbox, StaffPoolList, StaffThreadDetail } from '@ourchart/contracts';
import { apiRequest } from '../../api/client.ts';

// The staff messaging API (/api/staff/messages/*). Types come from @ourchart/contracts (type-only).

const threadPath = (id: string) => `/api/staff/messages/threads/${encodeURIComponent(id)}`;

export const getPools = () => apiRequest<StaffPoolList>('GET', '/api/staff/messages/pools');

export function getInbox(poolId: string | undefined, filter: InboxFilter) {
  const params = new URLSearchParams({ filter });
  if (poolId) params.set('pool', poolId);
  return apiRequest<StaffInbox>('GET', `/api/staff/messages/inbox?${params.toString()}`);
}

/** Opening a thread marks its messages read by this staff member (the patient sees the receipt). */
export const getStaffThread = (id: string) => apiRequest<StaffThreadDetail>('GET', threadPath(id));
export const claimThread = (id: string) => apiRequest<StaffThreadDetail>('POST', `${threadPath(id)}/claim`);
export const assignThread = (id: string, userId: string) => apiRequest<StaffThreadDetail>('POST', `${threadPath(id)}/assign`, { userId });
export const closeThread = (id: string) => apiRequest<StaffThreadDetail>('POST', `${threadPath(id)}/close`);
export const replyToThread = (id: string, body: string, waitingOnPatient: boolean) =>
  apiRequest<{ threadId: string; messageId: string }>('POST', `${threadPath(id)}/replies`, { body, status: waitingOnPatient ? 'waiting-on-patient' : 'open' });
export const getTemplates = () => apiRequest<MessageTemplateList>('GET', '/api/staff/messages/templates');
export const staffAttachmentUrl = (id: string) => `/api/staff/messages/attachments/${encodeURIComponent(id)}`;
