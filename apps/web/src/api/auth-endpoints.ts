import type { ActivateRequest, MfaVerifyRequest, PasswordCheck, SignInResult, SignUpRequest, SignUpVerifyRequest } from '@ourchart/contracts';
import { apiRequest } from './client.ts';

// Signed-out identity flows: second sign-in step, passkeys, enrollment and password recovery.
// Shapes come from @ourchart/contracts/src/identity.ts (type-only imports add no bytes).

export type PasskeyOptions = { flowId: string; options: Record<string, unknown> };
type Accepted = { message: string };

export const sendSignInCode = (challengeId: string) =>
  apiRequest<void>('POST', '/api/auth/mfa/email-code', { challengeId });

export const verifySignInCode = (request: MfaVerifyRequest) =>
  apiRequest<SignInResult>('POST', '/api/auth/mfa/verify', request);

/** Without a challenge id: a passwordless sign-in; with one: the second step after the password. */
export const passkeySignInOptions = (challengeId?: string) =>
  apiRequest<PasskeyOptions>('POST', '/api/auth/passkey/options', challengeId ? { challengeId } : {});

export const verifyPasskeySignIn = (flowId: string, response: unknown) =>
  apiRequest<SignInResult>('POST', '/api/auth/passkey/verify', { flowId, response });

export const activateAccount = (request: ActivateRequest) =>
  apiRequest<SignInResult>('POST', '/api/auth/activate', request);

export const startSignUp = (request: SignUpRequest) => apiRequest<Accepted>('POST', '/api/auth/sign-up', request);

export const finishSignUp = (request: SignUpVerifyRequest) =>
  apiRequest<SignInResult>('POST', '/api/auth/sign-up/verify', request);

export const requestPasswordReset = (email: string) =>
  apiRequest<Accepted>('POST', '/api/auth/password-reset', { email });

export const completePasswordReset = (token: string, password: string) =>
  apiRequest<void>('POST', '/api/auth/password-reset/complete', { token, password });

export const checkPassword = (password: string, email?: string) =>
  apiRequest<PasswordCheck>('POST', '/api/auth/password-check', email ? { password, email } : { password });
