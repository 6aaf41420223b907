import type {
  BillingPreferences, BillingSummary, PaymentPlan, PayRequest, PayResponse, PlanRequest,
} from '@ourchart/contracts';
import { apiRequest, withPatient } from '../../api/client.ts';

// The patient billing API. Types come from @ourchart/contracts (type-only, no zod in the bundle).
// The record in context travels in the patient header (api/client.ts), or as ?patient= on links.

export const getBilling = () => apiRequest<BillingSummary>('GET', '/api/billing');

export const setPaperless = (body: BillingPreferences) => apiRequest<BillingPreferences>('PUT', '/api/billing/preferences', body);

export const startPlan = (body: PlanRequest) => apiRequest<PaymentPlan>('POST', '/api/billing/plans', body);

export const cancelPlan = (planId: string) => apiRequest<PaymentPlan>('DELETE', `/api/billing/plans/${encodeURIComponent(planId)}`);

/** Links that download (no headers on a plain link: the record in context and the language on screen go in the query). */
export const statementPdfUrl = (lang: string) => withPatient(`/api/billing/statement.pdf?lang=${lang}`);
export const receiptPdfUrl = (paymentId: string, lang: string) => withPatient(`/api/billing/payments/${encodeURIComponent(paymentId)}/receipt.pdf?lang=${lang}`);

/**
 * POST /api/billing/payments with the form visit's Idempotency-Key: the server answers a retry with
 * the same key with the same payment, so a double click or a retry after a lost answer never pays twice.
 */
export const pay = (body: PayRequest, idempotencyKey: string) =>
  apiRequest<PayResponse>('POST', '/api/billing/payments', body, { 'idempotency-key': idempotencyKey });
