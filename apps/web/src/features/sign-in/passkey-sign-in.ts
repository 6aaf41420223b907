import type { PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/browser';
import type { SignInResult } from '@ourchart/contracts';
import { ApiError } from '../../api/client.ts';
import { passkeySignInOptions, verifyPasskeySignIn } from '../../api/auth-endpoints.ts';

/** True when this browser can use passkeys at all; without it the passkey buttons are not shown. */
export function canUsePasskeys(): boolean {
  return typeof window !== 'undefined' && typeof window.PublicKeyCredential === 'function';
}

/**
 * Signs in with a passkey: passwordless when `challengeId` is absent, else as the second step.
 * @simplewebauthn/browser is loaded only now, so the sign-in page does not carry it.
 */
export async function signInWithPasskey(challengeId?: string): Promise<SignInResult> {
  const [{ startAuthentication }, { flowId, options }] = await Promise.all([
    import('@simplewebauthn/browser'),
    passkeySignInOptions(challengeId),
  ]);
  const response = await startAuthentication({ optionsJSON: options as unknown as PublicKeyCredentialRequestOptionsJSON });
  return verifyPasskeySignIn(flowId, response);
}

export type PasskeyProblem = 'passkeyErrors.cancelled' | 'passkeyErrors.unsupported' | 'passkeyErrors.failed';

/**
 * Words for a passkey failure that is not an API error (those carry the server's message).
 * The browser says NotAllowedError both for "cancelled" and "timed out", so one message covers both.
 */
export function passkeyProblem(error: unknown): PasskeyProblem | null {
  if (error instanceof ApiError) return null;
  if (!canUsePasskeys()) return 'passkeyErrors.unsupported';
  const name = error instanceof Error ? error.name : '';
  const code = (error as { code?: string } | null)?.code;
  if (name === 'NotAllowedError' || name === 'AbortError' || code === 'ERROR_CEREMONY_ABORTED') return 'passkeyErrors.cancelled';
  if (name === 'NotSupportedError') return 'passkeyErrors.unsupported';
  return 'passkeyErrors.failed';
}
