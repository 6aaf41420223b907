import { randomUUID } from 'node:crypto';
import type Provider from 'oidc-provider';
import type { AppContext } from '../../context.ts';
import type { Queryable } from '../../platform/db/db.ts';
import { insertAppGrant } from './app-grants.queries.ts';
import { scheduleSmartCleanup } from './cleanup-job.ts';
import { fhirBaseUrl } from './endpoints.ts';
import { withProviderTransaction } from './oidc-adapter.ts';
import { grantableOidcScopes, grantableResourceScopes } from './scopes.ts';

/**
 * Creates one app connection: the OAuth Grant (what the tokens may carry) and our row saying whose
 * record it is for, in one transaction. `then` runs inside the same transaction (e.g. to finish
 * the interaction), so either everything is written or nothing.
 */
export async function createAppGrant(
  ctx: AppContext,
  provider: Provider,
  g: { userId: string; patientId: string; clientId: string; scope: string },
  then?: (grantId: string, tx: Queryable) => Promise<void>,
): Promise<{ grantId: string; connectionId: string; resourceScope: string }> {
  const fhirBase = fhirBaseUrl(ctx.config.publicUrl);
  const grant = new provider.Grant({ accountId: g.userId, clientId: g.clientId });
  const oidc = grantableOidcScopes(g.scope);
  const resources = grantableResourceScopes(g.scope);
  if (oidc.length) grant.addOIDCScope(oidc);
  if (resources.length) grant.addResourceScope(fhirBase, resources);
  const resourceScope = resources.join(' ');
  // The connection's public id (Connected apps, audit); the provider's grant id stays internal.
  const connectionId = randomUUID();
  const grantId = await withProviderTransaction(ctx.db, async (tx) => {
    const id = await grant.save();
    await insertAppGrant(tx, { grantId: id, connectionId, userId: g.userId, patientId: g.patientId, clientId: g.clientId, scope: [...oidc, ...resources].join(' ') });
    await then?.(id, tx);
    // Expired tokens of connected apps are swept hourly from the first connection on.
    await scheduleSmartCleanup(tx);
    return id;
  });
  return { grantId, connectionId, resourceScope };
}
