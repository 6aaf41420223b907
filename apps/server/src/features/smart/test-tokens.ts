import type { AppContext } from '../../context.ts';
import { createAppGrant } from './app-grants.service.ts';
import { fhirBaseUrl } from './endpoints.ts';
import { adapterFor } from './oidc-adapter.ts';
import { smartProvider } from './provider.ts';

const TEST_CLIENT_ID = 'ourchart-test-app';

/**
 * For integration tests: a REAL access token minted by the same provider and stored through the
 * same adapter as a token from the code flow (a Grant, our app-grant row, an opaque AccessToken
 * for the FHIR base with `patient`), so verifyBearer and revocation treat it exactly the same.
 * Registers a public test client when `clientId` is not registered yet.
 */
export async function issueTestAccessToken(ctx: AppContext, o: { userId: string; patientId: string; clientId?: string; scope: string }): Promise<string> {
  const provider = await smartProvider(ctx);
  const clientId = o.clientId ?? TEST_CLIENT_ID;
  if (!(await provider.Client.find(clientId))) {
    const Adapter = adapterFor(ctx.db, ctx.keyring);
    await new Adapter('Client').upsert(clientId, {
      client_id: clientId, client_name: `Test app ${clientId}`, token_endpoint_auth_method: 'none', application_type: 'web',
      grant_types: ['authorization_code', 'refresh_token'], response_types: ['code'], redirect_uris: ['https://app.example.test/callback'],
    }, 0);
  }
  const client = (await provider.Client.find(clientId))!;
  const { grantId, resourceScope } = await createAppGrant(ctx, provider, { userId: o.userId, patientId: o.patientId, clientId, scope: o.scope });
  const token = new provider.AccessToken({ accountId: o.userId, client, grantId, gty: 'authorization_code', scope: resourceScope, expiresWithSession: false });
  token.setAudience(fhirBaseUrl(ctx.config.publicUrl));
  return token.save();
}
