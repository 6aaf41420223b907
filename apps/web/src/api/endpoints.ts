import type { HealthSummary, Me, SignInRequest, SignInResult } from '@ourchart/contracts';
import { apiRequest } from './client.ts';

export function signIn(request: SignInRequest): Promise<SignInResult> {
  return apiRequest<SignInResult>('POST', '/api/auth/sign-in', request);
}

export function signOut(): Promise<void> {
  return apiRequest<void>('POST', '/api/auth/sign-out');
}

/** "Stay signed in": refreshes the server's idle timer and nothing else. */
export function keepAlive(): Promise<void> {
  return apiRequest<void>('POST', '/api/auth/keep-alive');
}

export function getMe(): Promise<Me> {
  return apiRequest<Me>('GET', '/api/me');
}

export function getHealthSummary(): Promise<HealthSummary> {
  return apiRequest<HealthSummary>('GET', '/api/records/summary');
}
