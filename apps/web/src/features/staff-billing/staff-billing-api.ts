import type {
  CancelPaymentRequest, PostPaymentRequest, StaffPatientBalance, StaffPayment, StaffPaymentQueue, StaffRecordPaymentRequest,
} from '@ourchart/contracts';
import { apiRequest } from '../../api/client.ts';

// The billing office's payments API (/api/staff/billing/*; roles staff and admin).

const paymentPath = (id: string) => `/api/staff/billing/payments/${encodeURIComponent(id)}`;

export const getPaymentQueue = () => apiRequest<StaffPaymentQueue>('GET', '/api/staff/billing/payments');

export const postPayment = (id: string, body: PostPaymentRequest) => apiRequest<StaffPayment>('POST', `${paymentPath(id)}/post`, body);

export const cancelPayment = (id: string, body: CancelPaymentRequest) => apiRequest<StaffPayment>('POST', `${paymentPath(id)}/cancel`, body);

export const recordPayment = (body: StaffRecordPaymentRequest) => apiRequest<StaffPayment>('POST', '/api/staff/billing/payments', body);

export const getPatientBalance = (patientId: string) =>
  apiRequest<StaffPatientBalance>('GET', `/api/staff/billing/patients/${encodeURIComponent(patientId)}`);
