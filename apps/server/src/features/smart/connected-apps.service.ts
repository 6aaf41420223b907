import type { Patient } from '@medplum/fhirtypes';
import type { ConnectedAppList } from '@ourchart/contracts';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { patientDisplayName } from '../../platform/fhir-store/display.ts';
import { liveAppGrantsOfUser, markAppGrantRevoked } from './app-grants.queries.ts';
import { deleteGrantModels, withProviderTransaction } from './oidc-adapter.ts';
import { smartProvider } from './provider.ts';
import { summarizeScopes } from './scopes.ts';

export type Actor = { userId: string; role: string; ip: string; requestId: string };

/** Names of patients for labels (as in "Viewing record of"); not a read of their record. */
export async function patientNames(ctx: AppContext, ids: string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const id of new Set(ids)) {
    const row = await ctx.store.readRow('Patient', id);
    names.set(id, row && !row.deleted ? patientDisplayName(row.resource as Patient) : '');
  }
  return names;
}

/** The apps a person connected (to their record or one they are a proxy for), newest first. */
export async function listConnectedApps(ctx: AppContext, userId: string): Promise<ConnectedAppList> {
  const provider = await smartProvider(ctx);
  const rows = await liveAppGrantsOfUser(ctx.db, userId);
  const names = await patientNames(ctx, rows.map((r) => r.patient_id));
  const apps = [];
  for (const r of rows) {
    const client = await provider.Client.find(r.client_id);
    apps.push({
      grantId: r.grant_id,
      clientId: r.client_id,
      clientName: client?.clientName ?? r.client_id,
      patientId: r.patient_id,
      patientName: names.get(r.patient_id) ?? '',
      scopes: summarizeScopes(r.scope),
      authorizedAt: r.authorized_at.toISOString(),
      lastUsedAt: r.last_used_at?.toISOString() ?? null,
    });
  }
  return { apps };
}

/**
 * Removes an app connection: the grant and every code, access and refresh token of it are deleted
 * in one transaction, so the app's next FHIR call gets 401. Another person's grant answers 404.
 */
export async function revokeConnectedApp(ctx: AppContext, actor: Actor, grantId: string): Promise<void> {
  const [row] = (await liveAppGrantsOfUser(ctx.db, actor.userId)).filter((r) => r.grant_id === grantId);
  if (!row) {
    await ctx.audit.record({ actorId: actor.userId, actorRole: actor.role, patientId: null, action: 'smart-app-revoke', entityType: 'SmartGrant', entityId: grantId, outcome: 'not-found', ip: actor.ip, requestId: actor.requestId });
    throw new AppError('NOT_FOUND', 'We could not find that connected app. It may have been removed already.');
  }
  await withProviderTransaction(ctx.db, async (tx) => {
    await deleteGrantModels(tx, grantId);
    await markAppGrantRevoked(tx, grantId);
  });
  await ctx.audit.record({ actorId: actor.userId, actorRole: actor.role, patientId: row.patient_id, action: 'smart-app-revoke', entityType: 'SmartGrant', entityId: grantId, outcome: 'success', ip: actor.ip, requestId: actor.requestId });
}
