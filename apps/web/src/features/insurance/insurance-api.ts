import type { InsuranceOverview, InsuranceUpdate, InsuranceUpdateInput, Problem, StaffInsuranceUpdate, StaffInsuranceUpdateList } from '@ourchart/contracts';
import { ApiError, apiRequest, withPatient } from '../../api/client.ts';
import { currentLanguage } from '../../i18n/index.ts';

// The insurance API. Types come from @ourchart/contracts (type-only, no zod in the bundle).

export const getInsurance = () => apiRequest<InsuranceOverview>('GET', '/api/billing/insurance');

/**
 * Sends new card details with photos of both sides as multipart/form-data (the browser sets the
 * boundary), with the CSRF header; the record in context goes in the address (a plain fetch).
 */
export async function sendInsuranceUpdate(input: InsuranceUpdateInput, front: File, back: File): Promise<InsuranceUpdate> {
  const form = new FormData();
  for (const [key, value] of Object.entries(input)) form.append(key, value);
  form.append('front', front, front.name);
  form.append('back', back, back.name);
  let response: Response;
  try {
    response = await fetch(withPatient('/api/billing/insurance/updates'), {
      method: 'POST', body: form, credentials: 'same-origin',
      headers: { accept: 'application/json, application/problem+json', 'accept-language': currentLanguage(), 'x-ourchart-csrf': '1' },
    });
  } catch (cause) {
    throw new ApiError(0, undefined, { cause });
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw new ApiError(response.status, body as Problem | undefined);
  return body as InsuranceUpdate;
}

export const getInsuranceQueue = (status: 'pending' | 'decided') => apiRequest<StaffInsuranceUpdateList>('GET', `/api/staff/billing/insurance-updates?status=${status}`);

export const photoUrl = (id: string, side: 'front' | 'back') => `/api/staff/billing/insurance-updates/${encodeURIComponent(id)}/${side}`;

export const acceptInsuranceUpdate = (id: string) => apiRequest<StaffInsuranceUpdate>('POST', `/api/staff/billing/insurance-updates/${encodeURIComponent(id)}/accept`, {});

export const rejectInsuranceUpdate = (id: string, reason: string) =>
  apiRequest<StaffInsuranceUpdate>('POST', `/api/staff/billing/insurance-updates/${encodeURIComponent(id)}/reject`, { reason });
