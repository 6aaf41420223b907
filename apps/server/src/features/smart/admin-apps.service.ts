import { randomBytes, randomUUID } from 'node:crypto';
import type { ClientMetadata } from 'oidc-provider';
import type { AdminAppList, NewAdminApp, NewAdminAppResult, SmartClientKind } from '@ourchart/contracts';
import type { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { activeConnectionsByClient, liveGrantIdsOfClient, markAppGrantRevoked } from './app-grants.queries.ts';
import { adapterFor, deleteGrantModels, withProviderTransaction } from './oidc-adapter.ts';
import { DEMO_CLIENT_ID, demoClientMetadata, smartProvider } from './provider.ts';
import type { Actor } from './connected-apps.service.ts';

/** Admins register SMART apps (the alternative to RFC 7591 self-registration) and remove them. */

function kindOf(m: { token_endpoint_auth_method?: unknown }): SmartClientKind {
  if (m.token_endpoint_auth_method === 'none') return 'public';
  return m.token_endpoint_auth_method === 'private_key_jwt' ? 'confidential-jwt' : 'confidential-secret';
}

export async function listAdminApps(ctx: AppContext): Promise<AdminAppList> {
  const rows = await ctx.db.query<{ id: string; payload: ClientMetadata; source: 'admin' | 'dynamic' | 'demo' | null; created_at: Date | null }>(
    `SELECT m.id, m.payload, c.source, c.created_at FROM oidc_models m LEFT JOIN smart_clients c ON c.client_id = m.id
      WHERE m.model = 'Client' ORDER BY c.created_at DESC NULLS LAST, m.id`,
  );
  const connections = await activeConnectionsByClient(ctx.db);
  const entry = (id: string, m: ClientMetadata, source: 'admin' | 'dynamic' | 'demo', createdAt: Date | null) => ({
    clientId: id, name: typeof m.client_name === 'string' ? m.client_name : id, kind: kindOf(m), redirectUris: [...(m.redirect_uris ?? [])],
    source, createdAt: createdAt?.toISOString() ?? null, activeConnections: connections.get(id) ?? 0,
  });
  const apps = rows.map((r) => entry(r.id, r.payload, r.source ?? 'dynamic', r.created_at));
  if (ctx.config.demoMode) apps.unshift(entry(DEMO_CLIENT_ID, demoClientMetadata(), 'demo', null));
  return { apps };
}

/** Registers an app; the secret of a confidential-secret app is returned once and stored encrypted. */
export async function registerAdminApp(ctx: AppContext, actor: Actor, input: z.output<typeof NewAdminApp>): Promise<NewAdminAppResult> {
  const provider = await smartProvider(ctx);
  if (input.kind === 'confidential-jwt' && !input.jwks && !input.jwksUri) {
    throw new AppError('VALIDATION', 'An app that signs in with its own key needs its public key set. Give the address of the key set, or paste it.', { errors: [{ path: 'jwksUri', message: 'Give the address of the key set, or paste it.' }] });
  }
  const clientId = randomUUID();
  const clientSecret = input.kind === 'confidential-secret' ? randomBytes(32).toString('base64url') : null;
  const metadata: ClientMetadata = {
    client_id: clientId,
    client_name: input.name,
    redirect_uris: input.redirectUris,
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    token_endpoint_auth_method: input.kind === 'public' ? 'none' : input.kind === 'confidential-jwt' ? 'private_key_jwt' : 'client_secret_basic',
    ...(clientSecret ? { client_secret: clientSecret } : {}),
    ...(input.kind === 'confidential-jwt' && input.jwksUri ? { jwks_uri: input.jwksUri } : {}),
    ...(input.kind === 'confidential-jwt' && input.jwks && !input.jwksUri ? { jwks: input.jwks as ClientMetadata['jwks'] } : {}),
  };
  try {
    await provider.Client.validate(metadata);
  } catch (err) {
    const reason = (err as { error_description?: string }).error_description ?? 'The app details are not valid.';
    throw new AppError('VALIDATION', `These app details cannot be used: ${reason}.`, { errors: [{ path: 'redirectUris', message: reason }] });
  }
  const Adapter = adapterFor(ctx.db, ctx.keyring);
  await withProviderTransaction(ctx.db, async (tx) => {
    await new Adapter('Client').upsert(clientId, metadata, 0);
    await tx.query("INSERT INTO smart_clients (client_id, source, created_by) VALUES ($1, 'admin', $2)", [clientId, actor.userId]);
  });
  await ctx.audit.record({ actorId: actor.userId, actorRole: actor.role, patientId: null, action: 'smart-client-register', entityType: 'SmartClient', entityId: clientId, outcome: 'success', ip: actor.ip, requestId: actor.requestId });
  return { clientId, clientSecret };
}

/** Removes an app and every connection people made to it (their tokens stop working at once). */
export async function deleteAdminApp(ctx: AppContext, actor: Actor, clientId: string): Promise<void> {
  if (clientId === DEMO_CLIENT_ID && ctx.config.demoMode) throw new AppError('FORBIDDEN', 'The demo app is built in while demo mode is on and cannot be removed.');
  const [row] = await ctx.db.query("SELECT 1 FROM oidc_models WHERE model = 'Client' AND id = $1", [clientId]);
  if (!row) throw new AppError('NOT_FOUND', 'We could not find that app. It may have been removed already.');
  const grants = await liveGrantIdsOfClient(ctx.db, clientId);
  await withProviderTransaction(ctx.db, async (tx) => {
    for (const grantId of grants) {
      await deleteGrantModels(tx, grantId);
      await markAppGrantRevoked(tx, grantId);
    }
    await tx.query("DELETE FROM oidc_models WHERE model IN ('Client', 'RegistrationAccessToken') AND (id = $1 OR payload->>'clientId' = $1)", [clientId]);
    await tx.query('DELETE FROM smart_clients WHERE client_id = $1', [clientId]);
  });
  await ctx.audit.record({ actorId: actor.userId, actorRole: actor.role, patientId: null, action: 'smart-client-delete', entityType: 'SmartClient', entityId: clientId, outcome: 'success', ip: actor.ip, requestId: actor.requestId });
}
