import type Provider from 'oidc-provider';
import type { SmartInteraction, SmartPatientChoice } from '@ourchart/contracts';
import type { AppContext } from '../../context.ts';
import type { Queryable } from '../../platform/db/db.ts';
import { patientContexts } from '../../platform/access/resolve.ts';
import type { User } from '../../platform/auth/users.ts';
import { AppError } from '../../platform/http/errors.ts';
import { createAppGrant } from './app-grants.service.ts';
import { withProviderTransaction } from './oidc-adapter.ts';
import { smartProvider } from './provider.ts';
import { summarizeScopes } from './scopes.ts';
import type { Actor } from './connected-apps.service.ts';

/**
 * The consent step of a SMART authorization (the web page /smart/authorize?uid=...). The first
 * signed-in person to open a request owns it; to anyone else, and once it is answered or expired,
 * it does not exist (404). Approving picks whose record the app may read: the person's own, or one
 * they are a proxy for (the app then sees only what the proxy may see of it). The browser then goes back through
 * /oauth/auth/<uid>, which only the browser that started the request can resume (oidc-provider's
 * resume cookie), and on to the app with a code.
 */

type Interaction = InstanceType<Provider['Interaction']>;
export type OpenInteraction = { provider: Provider; interaction: Interaction; user: User };

const GONE = 'This request to connect an app has ended or was not found. Go back to the app and start again.';

/** Finds an unanswered interaction and settles who owns it, before anything else is read. */
export async function openInteraction(ctx: AppContext, user: User, uid: string): Promise<OpenInteraction> {
  const provider = await smartProvider(ctx);
  const interaction = await provider.Interaction.find(uid);
  if (!interaction || interaction.result || interaction.isExpired) throw new AppError('NOT_FOUND', GONE);
  await ctx.db.query('INSERT INTO smart_interaction_owners (uid, user_id) VALUES ($1, $2) ON CONFLICT (uid) DO NOTHING', [uid, user.id]);
  const [owner] = await ctx.db.query<{ user_id: string }>('SELECT user_id FROM smart_interaction_owners WHERE uid = $1', [uid]);
  if (owner?.user_id !== user.id) throw new AppError('NOT_FOUND', GONE);
  return { provider, interaction, user };
}

/**
 * Records the user may connect an app to: self first, then every record they are a proxy for with
 * any feature at the patient's age ("within their own scope"). For a proxy the app gets no more than
 * the proxy may see: the FHIR API applies the same proxy policy through PatientAccess, and
 * `limitedTo` lets the consent screen say so.
 */
async function patientChoices(ctx: AppContext, user: User): Promise<SmartPatientChoice[]> {
  return (await patientContexts(ctx, user)).map(({ id, name, relationship, features }) => ({
    id, name, relationship, limitedTo: relationship === 'self' ? null : features,
  }));
}

export async function describeInteraction(ctx: AppContext, open: OpenInteraction): Promise<SmartInteraction> {
  const { provider, interaction, user } = open;
  const clientId = String(interaction.params.client_id);
  const client = await provider.Client.find(clientId);
  if (!client) throw new AppError('NOT_FOUND', GONE);
  return {
    uid: interaction.uid,
    client: { id: clientId, name: client.clientName ?? clientId, uri: client.clientUri ?? null },
    scopes: summarizeScopes(typeof interaction.params.scope === 'string' ? interaction.params.scope : ''),
    patients: await patientChoices(ctx, user),
    expiresAt: new Date(interaction.exp * 1000).toISOString(),
  };
}

async function finish(tx: Queryable, interaction: Interaction) {
  await interaction.save(Math.max(1, interaction.exp - Math.floor(Date.now() / 1000)));
  await tx.query('DELETE FROM smart_interaction_owners WHERE uid = $1', [interaction.uid]);
}

/** The person allows the app to read `patientId`'s record. */
export async function approveInteraction(ctx: AppContext, open: OpenInteraction, actor: Actor, patientId: string): Promise<{ redirectTo: string }> {
  const { provider, interaction, user } = open;
  const choice = (await patientChoices(ctx, user)).find((p) => p.id === patientId);
  if (!choice) {
    await ctx.audit.record({ actorId: user.id, actorRole: user.role, patientId, action: 'smart-app-authorize', entityType: 'Patient', entityId: patientId, outcome: 'denied', ip: actor.ip, requestId: actor.requestId });
    throw new AppError('NOT_FOUND', 'We could not find that record. Choose one of the records listed.');
  }
  const clientId = String(interaction.params.client_id);
  const scope = typeof interaction.params.scope === 'string' ? interaction.params.scope : '';
  const { connectionId } = await createAppGrant(ctx, provider, { userId: user.id, patientId, clientId, scope }, async (id, tx) => {
    interaction.result = { login: { accountId: user.id, remember: false }, consent: { grantId: id } };
    await finish(tx, interaction);
  });
  await ctx.audit.record({ actorId: user.id, actorRole: user.role, patientId, action: 'smart-app-authorize', entityType: 'SmartGrant', entityId: connectionId, query: clientId, outcome: 'success', ip: actor.ip, requestId: actor.requestId });
  return { redirectTo: interaction.returnTo };
}

/** The person says no: the app gets error=access_denied. */
export async function denyInteraction(ctx: AppContext, open: OpenInteraction, actor: Actor): Promise<{ redirectTo: string }> {
  const { interaction, user } = open;
  interaction.result = { error: 'access_denied', error_description: 'The person did not allow this app to see their record.' };
  await withProviderTransaction(ctx.db, (tx) => finish(tx, interaction));
  await ctx.audit.record({ actorId: user.id, actorRole: user.role, patientId: null, action: 'smart-app-deny', entityType: 'SmartInteraction', entityId: interaction.uid, query: String(interaction.params.client_id), outcome: 'success', ip: actor.ip, requestId: actor.requestId });
  return { redirectTo: interaction.returnTo };
}
