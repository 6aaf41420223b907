import type { AppContext } from '../../context.ts';
import { activeAppGrant, touchAppGrant } from './app-grants.queries.ts';
import { fhirBaseUrl } from './endpoints.ts';
import { smartProvider } from './provider.ts';

/** What a valid SMART access token lets an app do: read `patientId`'s record for `userId`, within `scope`. */
export type AppGrant = { userId: string; patientId: string; clientId: string; clientName: string; scope: string; grantId: string };

const BEARER = /^Bearer ([A-Za-z0-9\-._~+/]{20,512}=*)$/i;
const TOUCH_EVERY_MS = 60_000;
/** grantId -> when this node last recorded use; the SQL also refuses writes within a minute. */
const lastTouched = new Map<string, number>();

/**
 * Checks an `Authorization: Bearer ...` header against the SMART authorization server. Returns
 * null when the header is missing or malformed, or the token is unknown, expired or revoked (an
 * app removed on the Connected apps page has its tokens deleted at once). Records "last used" for
 * the grant at most once a minute. Never logs the token.
 */
export async function verifyBearer(ctx: AppContext, authorization: string | undefined): Promise<AppGrant | null> {
  const m = authorization ? BEARER.exec(authorization.trim()) : null;
  if (!m) return null;
  const provider = await smartProvider(ctx);
  const token = await provider.AccessToken.find(m[1]!);
  if (!token || token.isExpired || !token.grantId || !token.accountId || !token.clientId) return null;
  const audiences = [token.aud].flat();
  if (!audiences.includes(fhirBaseUrl(ctx.config.publicUrl))) return null;
  const grant = await activeAppGrant(ctx.db, token.grantId);
  if (!grant || grant.user_id !== token.accountId) return null;
  const client = await provider.Client.find(token.clientId);
  if (!client) return null;

  const now = Date.now();
  if ((lastTouched.get(grant.grant_id) ?? 0) < now - TOUCH_EVERY_MS) {
    lastTouched.set(grant.grant_id, now);
    if (lastTouched.size > 10_000) for (const [id, at] of lastTouched) if (at < now - TOUCH_EVERY_MS) lastTouched.delete(id);
    await touchAppGrant(ctx.db, grant.grant_id);
  }
  return {
    userId: token.accountId,
    patientId: grant.patient_id,
    clientId: token.clientId,
    clientName: client.clientName ?? token.clientId,
    scope: token.scope ?? '',
    grantId: grant.grant_id,
  };
}
