import type { HealthSummary, Me, SignInRequest } from '@ourchart/contracts';
import { apiRequest } from './client.ts';

export type SignInResponse = { me: Me };

export function signIn(request: SignInRequest): Promise<SignInResponse> {
  return apiRequest<SignInResponse>('POST', '/api/auth/sign-in', request);
}

export function signOut(): Promise<void> {
  return apiRequest<void>('POST', '/api/auth/sign-out');
}

export function getMe(): Promise<Me> {
  return apiRequest<Me>('GET', '/api/me');
}

export function getHealthSummary(): Promise<HealthSummary> {
  return apiRequest<HealthSummary>('GET', '/api/records/summary');
}
