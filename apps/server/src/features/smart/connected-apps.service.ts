import type { Patient } from '@medplum/fhirtypes';
import type { ConnectedAppList } from '@ourchart/contracts';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { patientDisplayName } from '../../platform/fhir-store/display.ts';
import { liveAppGrantsControlledBy, markAppGrantRevoked } from './app-grants.queries.ts';
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

/**
 * The apps a person controls, newest first: the ones they connected (to their record or one they
 * are a proxy for) and the ones a proxy connected to their own record (patient control: a patient
 * sees and may remove every app that can read their record). Audited, naming the person's record.
 */
export async function listConnectedApps(ctx: AppContext, actor: Actor, patientId: string | null): Promise<ConnectedAppList> {
  const provider = await smartProvider(ctx);
  const rows = await liveAppGrantsControlledBy(ctx.db, actor.userId, patientId);
  const names = await patientNames(ctx, rows.map((r) => r.patient_id));
  const apps = [];
  for (const r of rows) {
    const client = await provider.Client.find(r.client_id);
    apps.push({
      connectionId: r.connection_id,
      clientId: r.client_id,
      clientName: client?.clientName ?? r.client_id,
      patientId: r.patient_id,
      patientName: names.get(r.patient_id) ?? '',
      scopes: summarizeScopes(r.scope),
      authorizedAt: r.authorized_at.toISOString(),
      lastUsedAt: r.last_used_at?.toISOString() ?? null,
      connectedBy: r.user_id === actor.userId ? null : r.connected_by,
    });
  }
  await ctx.audit.record({ actorId: actor.userId, actorRole: actor.role, patientId, action: 'smart-app-list', entityType: 'SmartGrant', entityId: rows.map((r) => r.connection_id).join(',') || null, outcome: 'success', ip: actor.ip, requestId: actor.requestId });
  return { apps };
}

/**
 * Removes an app connection: the grant and every code, access and refresh token of it are deleted
 * in one transaction, so the app's next FHIR call gets 401. Allowed to the person who connected it
 * and to the patient whose record it is; anyone else's grant answers 404.
 */
export async function revokeConnectedApp(ctx: AppContext, actor: Actor, connectionId: string, patientId: string | null = null): Promise<void> {
  const [row] = (await liveAppGrantsControlledBy(ctx.db, actor.userId, patientId)).filter((r) => r.connection_id === connectionId);
  if (!row) {
    await ctx.audit.record({ actorId: actor.userId, actorRole: actor.role, patientId: null, action: 'smart-app-revoke', entityType: 'SmartGrant', entityId: connectionId.slice(0, 64), outcome: 'not-found', ip: actor.ip, requestId: actor.requestId });
    throw new AppError('NOT_FOUND', 'We could not find that connected app. It may have been removed already.');
  }
  await withProviderTransaction(ctx.db, async (tx) => {
    await deleteGrantModels(tx, row.grant_id);
    await markAppGrantRevoked(tx, row.grant_id);
  });
  // When the patient removes an app a proxy connected, the audit names whose connection it was.
  const query = row.user_id === actor.userId ? null : new URLSearchParams({ connectedBy: row.user_id }).toString();
  await ctx.audit.record({ actorId: actor.userId, actorRole: actor.role, patientId: row.patient_id, action: 'smart-app-revoke', entityType: 'SmartGrant', entityId: connectionId, query, outcome: 'success', ip: actor.ip, requestId: actor.requestId });
}
