import Provider, { errors, type ClientMetadata, type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import type { AppContext } from '../../context.ts';
import { getUser } from '../../platform/auth/users.ts';
import { adapterFor } from './oidc-adapter.ts';
import { fhirBaseUrl, OAUTH_MOUNT } from './endpoints.ts';
import { loadSmartKeys } from './keys.ts';
import { grantableResourceScopes, OIDC_SCOPES } from './scopes.ts';
import { patientOfGrant } from './app-grants.queries.ts';

/**
 * The SMART on FHIR authorization server: oidc-provider 9 configured for the SMART App Launch 2
 * standalone patient launch, mounted at /oauth (smart.routes.ts). One instance per AppContext,
 * built on first use, so the HTTP app, verifyBearer and tests share it.
 *
 * - Authorization code with PKCE S256 always (plain and missing challenges are refused).
 * - `aud` must be the FHIR base; it becomes the token's resource (RFC 8707), so every access token
 *   is for the FHIR API, carries `patient` and lives one hour; refresh tokens (offline_access) 90 days.
 * - Login and consent happen in the web app (/smart/authorize?uid=...), which answers through
 *   /api/smart/interactions (interactions.service.ts); the portal session is the only sign-in, so
 *   the provider's own session cookie is ignored and every authorization asks the person.
 */

export const DEMO_CLIENT_ID = 'ourchart-demo-app';
const DAY = 24 * 60 * 60;
export const REFRESH_TOKEN_TTL = 90 * DAY;
export const ACCESS_TOKEN_TTL = 60 * 60;

/** RFC 8252: a native app's loopback redirect on any port. These paths are registered, each on 127.0.0.1 and localhost. */
const DEMO_REDIRECT_PATHS = ['/', '/callback', '/index.html', '/redirect.html'];

export function demoClientMetadata(): ClientMetadata {
  return {
    client_id: DEMO_CLIENT_ID,
    client_name: 'OurChart demo app',
    application_type: 'native',
    token_endpoint_auth_method: 'none',
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    redirect_uris: DEMO_REDIRECT_PATHS.flatMap((p) => [`http://127.0.0.1${p}`, `http://localhost${p}`]),
  };
}

/** RFC 7591 self-registration at /oauth/reg: always in demo mode, else when SMART_OPEN_REGISTRATION is on. */
export function registrationOpen(config: AppContext['config']): boolean {
  return config.demoMode || config.smartOpenRegistration === true;
}

const providers = new WeakMap<AppContext, Promise<Provider>>();

/** The provider of this context (created once). */
export function smartProvider(ctx: AppContext): Promise<Provider> {
  let p = providers.get(ctx);
  if (!p) {
    p = createProvider(ctx);
    providers.set(ctx, p);
    p.catch(() => providers.delete(ctx));
  }
  return p;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** CORS for browser apps on another origin (fhirclient): the origin of one of the client's redirect URIs (any port on loopback). */
export function originAllowed(origin: string, redirectUris: readonly string[]): boolean {
  const o = URL.parse(origin);
  if (!o || origin === 'null') return false;
  return redirectUris.some((uri) => {
    const r = URL.parse(uri);
    if (!r) return false;
    return r.origin === o.origin || (LOOPBACK.has(r.hostname) && r.hostname === o.hostname && r.protocol === o.protocol);
  });
}

async function createProvider(app: AppContext): Promise<Provider> {
  const { publicUrl, demoMode } = app.config;
  const fhirBase = fhirBaseUrl(publicUrl);
  const keys = await loadSmartKeys(app);

  const resourceServer = (ctx: KoaContextWithOIDC, resource: string) => {
    if (resource !== fhirBase) throw new errors.InvalidTarget(`aud and resource must be the FHIR base URL ${fhirBase}.`);
    // The scopes this resource accepts: the grantable ones among those asked for now or granted before.
    const entities = ctx.oidc?.entities;
    const seen = [ctx.oidc?.params?.scope, entities?.Grant?.getResourceScope(resource), entities?.AuthorizationCode?.scope, entities?.RefreshToken?.scope]
      .filter((s): s is string => typeof s === 'string').join(' ');
    return { scope: grantableResourceScopes(seen).join(' '), audience: fhirBase, accessTokenTTL: ACCESS_TOKEN_TTL, accessTokenFormat: 'opaque' as const };
  };

  const configuration: Configuration = {
    adapter: adapterFor(app.db, app.keyring),
    jwks: { keys: [keys.signingKey as never] },
    cookies: { keys: [keys.cookieSecret], long: { httpOnly: true, sameSite: 'lax' }, short: { httpOnly: true, sameSite: 'lax' } },
    clients: demoMode ? [demoClientMetadata()] : [],
    clientDefaults: { grant_types: ['authorization_code', 'refresh_token'], response_types: ['code'], token_endpoint_auth_method: 'client_secret_basic', id_token_signed_response_alg: 'RS256' },
    responseTypes: ['code'],
    scopes: [...OIDC_SCOPES],
    claims: { openid: ['sub'], fhirUser: ['fhirUser'] },
    // SMART apps read fhirUser from the ID token.
    conformIdTokenClaims: false,
    extraParams: {
      aud(_ctx, value) {
        if (value !== fhirBase) throw new errors.InvalidRequest(`aud must be the FHIR base URL ${fhirBase}.`);
      },
    },
    pkce: { required: () => true },
    // SMART asymmetric client authentication uses RS384 or ES384.
    enabledJWA: { clientAuthSigningAlgValues: ['HS256', 'RS256', 'RS384', 'PS256', 'ES256', 'ES384', 'EdDSA'] },
    features: {
      devInteractions: { enabled: false },
      // An app may introspect only its own tokens (another app would learn whose record a token reads).
      introspection: { enabled: true, allowedPolicy: async (_ctx, client, token) => token.clientId === client.clientId },
      revocation: { enabled: true },
      registration: { enabled: registrationOpen(app.config), initialAccessToken: false },
      rpInitiatedLogout: { enabled: false },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => fhirBase,
        useGrantedResource: () => true,
        getResourceServerInfo: (ctx, resource) => resourceServer(ctx, resource),
      },
    },
    interactions: { url: (_ctx, interaction) => `/smart/authorize?uid=${encodeURIComponent(interaction.uid)}` },
    // Every authorization asks the person (and picks a patient): only the grant just made in this
    // request's consent counts, never an earlier one.
    loadExistingGrant: async (ctx) => {
      const grantId = ctx.oidc.result?.consent?.grantId;
      return grantId ? ctx.oidc.provider.Grant.find(grantId) : undefined;
    },
    expiresWithSession: async () => false,
    issueRefreshToken: async (_ctx, client, code) => client.grantTypeAllowed('refresh_token') && code.scopes.has('offline_access'),
    ttl: {
      AccessToken: ACCESS_TOKEN_TTL,
      AuthorizationCode: 60,
      IdToken: 60 * 60,
      RefreshToken: REFRESH_TOKEN_TTL,
      Interaction: 30 * 60,
      Session: 10 * 60,
      Grant: 365 * DAY,
    },
    extraTokenClaims: async (_ctx, token) => {
      if (token.kind !== 'AccessToken' || !token.grantId) return undefined;
      const patient = await patientOfGrant(app.db, token.grantId);
      return patient ? { patient } : undefined;
    },
    findAccount: async (_ctx, sub) => {
      const user = await getUser(app.db, sub);
      if (!user || user.disabled) return undefined;
      return {
        accountId: user.id,
        claims: () => ({ sub: user.id, ...(user.patientId ? { fhirUser: `${fhirBase}/Patient/${user.patientId}` } : {}) }),
      };
    },
    clientBasedCORS: (_ctx, origin, client) => originAllowed(origin, client.redirectUris ?? []),
    renderError: async (ctx, out) => {
      ctx.type = 'html';
      ctx.body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Could not connect the app</title></head><body><main><h1>We could not connect the app</h1><p>Go back to the app and try again. If it keeps happening, contact the app's maker.</p><p>Error: ${escapeHtml(String(out.error))}</p></main></body></html>`;
    },
  };

  const provider = new Provider(`${publicUrl}${OAUTH_MOUNT}`, configuration);
  provider.proxy = app.config.trustProxy !== false;

  provider.use(async (ctx, next) => {
    // The portal session is the sign-in: drop the provider's session cookie on authorization
    // requests so each one starts fresh and is answered by whoever is signed in to the portal.
    if (ctx.path.startsWith('/auth')) ctx.req.headers.cookie = withoutSessionCookies(ctx.req.headers.cookie);
    // OpenID Connect only issues refresh tokens for offline_access with prompt=consent; SMART apps
    // do not send it, and here every authorization is consented anyway.
    if (ctx.path === '/auth' && ctx.method === 'GET' && ctx.query.prompt === undefined && String(ctx.query.scope ?? '').split(' ').includes('offline_access')) {
      // Keep the mount prefix visible to the provider's URL building (it compares the two URLs).
      const req = ctx.req as typeof ctx.req & { originalUrl?: string };
      const at = req.originalUrl?.indexOf(ctx.url) ?? -1;
      const mount = at > 0 ? req.originalUrl!.slice(0, at) : '';
      ctx.query = { ...ctx.query, prompt: 'consent' };
      req.originalUrl = mount + ctx.url;
    }
    await next();
    // SMART: the token response names the patient, and its scope lists the launch and OIDC scopes too.
    const body = ctx.body as Record<string, unknown> | undefined;
    const token = ctx.oidc?.entities?.AccessToken;
    if (ctx.oidc?.route === 'token' && body && typeof body.access_token === 'string' && token) {
      const patient = (token.extra as { patient?: string } | undefined)?.patient;
      if (patient) body.patient = patient;
      const oidc = ctx.oidc.entities.Grant?.getOIDCScopeFiltered(new Set((ctx.oidc.entities.AuthorizationCode ?? ctx.oidc.entities.RefreshToken)?.scope?.split(' ') ?? []));
      if (oidc) body.scope = [...new Set([...oidc.split(' '), ...String(body.scope ?? '').split(' ')].filter(Boolean))].join(' ');
    }
  });
  return provider;
}

function withoutSessionCookies(header: string | undefined): string | undefined {
  if (!header) return header;
  return header.split(';').map((c) => c.trim()).filter((c) => !/^_session(\.|=)/.test(c)).join('; ');
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
