import type { AccountSecurity, ActivityEntry, Me, SessionInfo } from '@ourchart/contracts';
import { apiRequest } from '../../api/client.ts';

// The account security API (/api/account/*). Types come from @ourchart/contracts (type-only).

type RecoveryCodes = { recoveryCodes: string[] };
export type TotpStart = { otpauthUrl: string; secret: string; qrSvg: string };
export type Passkey = AccountSecurity['passkeys'][number];

export const getSecurity = () => apiRequest<AccountSecurity>('GET', '/api/account/security');

export const startTotp = () => apiRequest<TotpStart>('POST', '/api/account/totp/start');
export const confirmTotp = (code: string) => apiRequest<RecoveryCodes>('POST', '/api/account/totp/confirm', { code });
export const removeTotp = (password: string) => apiRequest<void>('POST', '/api/account/totp/remove', { password });

export const passkeyOptions = () =>
  apiRequest<{ options: Record<string, unknown> }>('POST', '/api/account/passkeys/options');
export const verifyPasskey = (response: unknown, name: string | undefined) =>
  apiRequest<{ passkey: Passkey; recoveryCodes: string[] | null }>('POST', '/api/account/passkeys/verify', { response, name });
export const removePasskey = (id: string, password: string) =>
  apiRequest<void>('POST', `/api/account/passkeys/${encodeURIComponent(id)}/remove`, { password });

export const newRecoveryCodes = (password: string) =>
  apiRequest<RecoveryCodes>('POST', '/api/account/recovery-codes', { password });
export const setEmailCodes = (enabled: boolean, password: string) =>
  apiRequest<void>('POST', '/api/account/email-codes', { enabled, password });

export const changePassword = (currentPassword: string, newPassword: string) =>
  apiRequest<void>('POST', '/api/account/password', { currentPassword, newPassword });
export const requestEmailChange = (newEmail: string, password: string) =>
  apiRequest<{ message: string }>('POST', '/api/account/email', { newEmail, password });
export const verifyEmailChange = (code: string) => apiRequest<Me>('POST', '/api/account/email/verify', { code });

export const getSessions = () => apiRequest<{ sessions: SessionInfo[] }>('GET', '/api/account/sessions');
export const signOutOthers = () => apiRequest<{ count: number }>('POST', '/api/account/sessions/sign-out-others');
export const signOutSession = (id: string) =>
  apiRequest<void>('POST', `/api/account/sessions/${encodeURIComponent(id)}/sign-out`);

export const getActivity = (patientId: string | null) =>
  apiRequest<{ entries: ActivityEntry[] }>(
    'GET',
    patientId ? `/api/account/activity?patient=${encodeURIComponent(patientId)}` : '/api/account/activity',
  );
