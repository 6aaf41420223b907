import type { OutboxPage } from '@ourchart/contracts';
import { apiRequest } from '../../api/client.ts';

export const getOutbox = (page: number) => apiRequest<OutboxPage>('GET', `/api/staff/outbox?page=${page}`);
