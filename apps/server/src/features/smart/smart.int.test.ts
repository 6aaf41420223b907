import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeJwt, exportJWK, generateKeyPair, SignJWT } from 'jose';
import { testDrivers } from '../../test/databases.ts';
import { createPatientUser, createTestApp, CSRF, signInCookie, type TestApp } from '../../test/app.ts';
import { createStaffUser } from '../staff/staff-fixtures.ts';
import { verifyBearer } from './bearer.ts';
import { answerConsent, Browser, FHIR_BASE, HOST, ORIGIN, pkcePair, startAuthorization, tokenRequest } from './smart-fixtures.ts';

const REDIRECT = 'https://app.example.test/callback';

describe.each(testDrivers)('SMART authorization server on $name', (driver) => {
  let h: TestApp;
  let admin: Awaited<ReturnType<typeof createStaffUser>>;
  let ana: Awaited<ReturnType<typeof createPatientUser>>;
  let anaCookie: string;
  let publicClientId: string;

  beforeAll(async () => {
    h = await createTestApp(driver, { DEMO_MODE: 'true' });
    admin = await createStaffUser(h.ctx, { role: 'admin', organizationId: 'org-smart' });
    ana = await createPatientUser(h.ctx, { given: 'Ana' });
    anaCookie = await signInCookie(h.app, ana.email, ana.password);
    publicClientId = (await registerApp({ name: 'Glucose Buddy', redirectUris: [REDIRECT], kind: 'public' })).clientId;
  }, 120_000);
  afterAll(() => h?.close());

  async function registerApp(body: object) {
    const res = await h.app.inject({ method: 'POST', url: '/api/admin/apps', headers: { cookie: admin.cookie, ...CSRF }, payload: body });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { clientId: string; clientSecret: string | null };
  }

  function authParams(clientId: string, challenge: string, extra: Record<string, string> = {}) {
    return {
      response_type: 'code', client_id: clientId, redirect_uri: REDIRECT, scope: 'openid fhirUser launch/patient offline_access patient/*.rs patient/Observation.cud',
      state: randomUUID(), aud: FHIR_BASE, code_challenge: challenge, code_challenge_method: 'S256', ...extra,
    };
  }

  /** The whole standalone launch; returns the token response. */
  async function launch(o: { clientId?: string; patientId?: string; cookie?: string; auth?: Record<string, string>; tokenHeaders?: Record<string, string>; scope?: string } = {}) {
    const browser = new Browser(h.app);
    const { verifier, challenge } = pkcePair();
    const params = authParams(o.clientId ?? publicClientId, challenge, o.scope ? { scope: o.scope } : {});
    const { uid } = await startAuthorization(browser, params);
    expect(uid).toBeTruthy();
    const answer = await answerConsent(browser, o.cookie ?? anaCookie, uid!, { patientId: o.patientId ?? ana.patientId });
    expect(answer.redirect?.origin + answer.redirect!.pathname).toBe(REDIRECT);
    expect(answer.redirect!.searchParams.get('state')).toBe(params.state);
    const code = answer.redirect!.searchParams.get('code')!;
    const res = await tokenRequest(h.app, { grant_type: 'authorization_code', code, redirect_uri: REDIRECT, code_verifier: verifier, ...(o.auth ?? { client_id: o.clientId ?? publicClientId }) }, o.tokenHeaders);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { access_token: string; refresh_token?: string; id_token: string; patient: string; scope: string; expires_in: number; token_type: string };
  }

  it('publishes the SMART configuration under the FHIR base', async () => {
    const res = await h.app.inject({ url: '/fhir/R4/.well-known/smart-configuration' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc).toMatchObject({
      issuer: 'http://localhost:3000/oauth', authorization_endpoint: 'http://localhost:3000/oauth/auth', token_endpoint: 'http://localhost:3000/oauth/token',
      registration_endpoint: 'http://localhost:3000/oauth/reg', management_endpoint: 'http://localhost:3000/account/apps', code_challenge_methods_supported: ['S256'],
    });
    expect(doc.capabilities).toEqual(expect.arrayContaining(['launch-standalone', 'client-public', 'client-confidential-symmetric', 'client-confidential-asymmetric', 'context-standalone-patient', 'permission-v2', 'permission-v1', 'permission-offline', 'permission-patient', 'sso-openid-connect']));
    // The provider's own OpenID discovery agrees on the issuer.
    const oidc = await h.app.inject({ url: '/oauth/.well-known/openid-configuration', headers: { host: HOST } });
    expect(oidc.json().issuer).toBe('http://localhost:3000/oauth');
  });

  it('runs the standalone patient launch with PKCE: consent, code, tokens with patient, id_token with fhirUser, refresh', async () => {
    const browser = new Browser(h.app);
    const { challenge } = pkcePair();
    const { uid } = await startAuthorization(browser, authParams(publicClientId, challenge));
    const consent = await h.app.inject({ url: `/api/smart/interactions/${uid}`, headers: { cookie: anaCookie } });
    expect(consent.statusCode).toBe(200);
    expect(consent.json()).toMatchObject({
      client: { id: publicClientId, name: 'Glucose Buddy' },
      scopes: { resources: [{ resourceType: '*', access: 'read', category: null }], openid: true, fhirUser: true, offlineAccess: true, launchPatient: true, ignored: ['patient/Observation.cud'] },
      patients: [{ id: ana.patientId, relationship: 'self' }],
    });
    // Someone else signed in cannot see or answer Ana's request.
    const other = await createPatientUser(h.ctx, { given: 'Bea' });
    const otherCookie = await signInCookie(h.app, other.email, other.password);
    expect((await h.app.inject({ url: `/api/smart/interactions/${uid}`, headers: { cookie: otherCookie } })).statusCode).toBe(404);

    const tokens = await launch();
    expect(tokens).toMatchObject({ patient: ana.patientId, token_type: 'Bearer', expires_in: 3600 });
    expect(tokens.scope.split(' ').sort()).toEqual(['fhirUser', 'launch/patient', 'offline_access', 'openid', 'patient/*.rs']);
    expect(tokens.refresh_token).toBeTruthy();
    expect(decodeJwt(tokens.id_token)).toMatchObject({ sub: ana.userId, fhirUser: `${FHIR_BASE}/Patient/${ana.patientId}`, iss: 'http://localhost:3000/oauth', aud: publicClientId });
    expect(await verifyBearer(h.ctx, `Bearer ${tokens.access_token}`)).toMatchObject({ patientId: ana.patientId, userId: ana.userId, clientName: 'Glucose Buddy', scope: 'patient/*.rs' });

    const refreshed = await tokenRequest(h.app, { grant_type: 'refresh_token', refresh_token: tokens.refresh_token!, client_id: publicClientId });
    expect(refreshed.statusCode, refreshed.body).toBe(200);
    expect(refreshed.json()).toMatchObject({ patient: ana.patientId });
    expect(refreshed.json().refresh_token).toBeTruthy();
    const rt = await h.ctx.db.query<{ expires_at: Date }>("SELECT expires_at FROM oidc_models WHERE model = 'RefreshToken' ORDER BY expires_at DESC LIMIT 1");
    expect(rt[0]!.expires_at.getTime() - Date.now()).toBeGreaterThan(89 * 24 * 3600 * 1000);
    expect(await verifyBearer(h.ctx, `Bearer ${refreshed.json().access_token}`)).toMatchObject({ patientId: ana.patientId });
  });

  it('refuses authorization without PKCE, with plain PKCE and with another aud', async () => {
    const { challenge } = pkcePair();
    const cases: Record<string, string>[] = [
      { code_challenge: '', code_challenge_method: '' },
      { code_challenge: 'a'.repeat(43), code_challenge_method: 'plain' },
      { aud: 'https://elsewhere.example/fhir' },
    ];
    for (const extra of cases) {
      const params = Object.fromEntries(Object.entries(authParams(publicClientId, challenge, extra)).filter(([, v]) => v !== ''));
      const { uid, location } = await startAuthorization(new Browser(h.app), params);
      expect(uid).toBeUndefined();
      expect(new URL(location).searchParams.get('error')).toBe('invalid_request');
    }
  });

  it('sends access_denied to the app when the person says no', async () => {
    const browser = new Browser(h.app);
    const { uid } = await startAuthorization(browser, authParams(publicClientId, pkcePair().challenge));
    const answer = await answerConsent(browser, anaCookie, uid!, 'deny');
    expect(answer.redirect!.searchParams.get('error')).toBe('access_denied');
    // An answered request is gone, and so is one left open past its 30 minutes.
    expect((await h.app.inject({ url: `/api/smart/interactions/${uid}`, headers: { cookie: anaCookie } })).statusCode).toBe(404);
    const late = await startAuthorization(new Browser(h.app), authParams(publicClientId, pkcePair().challenge));
    expect((await h.app.inject({ url: `/api/smart/interactions/${late.uid}`, headers: { cookie: anaCookie } })).statusCode).toBe(200);
    await h.ctx.db.query("UPDATE oidc_models SET expires_at = now() - interval '1 second' WHERE model = 'Interaction' AND id = $1", [late.uid]);
    const expired = await h.app.inject({ url: `/api/smart/interactions/${late.uid}`, headers: { cookie: anaCookie, 'accept-language': 'es' } });
    expect(expired.statusCode).toBe(404);
    expect(expired.json().detail).toBe('Esta solicitud para conectar una aplicación terminó o no se encontró. Vuelva a la aplicación y empiece de nuevo.');
  });

  it('introspection shows a token active, then inactive once the person removes the app (and its refresh token is dead)', async () => {
    const secretApp = await registerApp({ name: 'Clinic Portal Sync', redirectUris: [REDIRECT], kind: 'confidential-secret' });
    expect(secretApp.clientSecret).toBeTruthy();
    const basic = { authorization: `Basic ${Buffer.from(`${encodeURIComponent(secretApp.clientId)}:${encodeURIComponent(secretApp.clientSecret!)}`).toString('base64')}` };
    const tokens = await launch({ clientId: secretApp.clientId, auth: {}, tokenHeaders: basic });
    const introspect = (token: string) => h.app.inject({ method: 'POST', url: '/oauth/token/introspection', headers: { host: HOST, 'content-type': 'application/x-www-form-urlencoded', ...basic }, payload: new URLSearchParams({ token }).toString() });
    const active = (await introspect(tokens.access_token)).json();
    expect(active).toMatchObject({ active: true, client_id: secretApp.clientId, patient: ana.patientId, scope: 'patient/*.rs', aud: FHIR_BASE });
    // Another app cannot learn anything about this app's token.
    const nosy = await registerApp({ name: 'Nosy App', redirectUris: [REDIRECT], kind: 'confidential-secret' });
    const asNosy = await h.app.inject({ method: 'POST', url: '/oauth/token/introspection', headers: { host: HOST, 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ token: tokens.access_token, client_id: nosy.clientId, client_secret: nosy.clientSecret! }).toString() });
    expect(asNosy.json()).toEqual({ active: false });

    const apps = (await h.app.inject({ url: '/api/apps', headers: { cookie: anaCookie } })).json().apps as { connectionId: string; clientName: string; patientName: string; lastUsedAt: string | null }[];
    const mine = apps.find((a) => a.clientName === 'Clinic Portal Sync')!;
    expect(mine).toMatchObject({ patientName: 'Ana Tester', lastUsedAt: null });
    // Someone else cannot remove it.
    const other = await createPatientUser(h.ctx, { given: 'Cy' });
    const otherCookie = await signInCookie(h.app, other.email, other.password);
    expect((await h.app.inject({ method: 'DELETE', url: `/api/apps/${mine.connectionId}`, headers: { cookie: otherCookie, ...CSRF } })).statusCode).toBe(404);

    expect((await h.app.inject({ method: 'DELETE', url: `/api/apps/${mine.connectionId}`, headers: { cookie: anaCookie, ...CSRF } })).statusCode).toBe(204);
    expect((await introspect(tokens.access_token)).json()).toEqual({ active: false });
    expect(await verifyBearer(h.ctx, `Bearer ${tokens.access_token}`)).toBeNull();
    const refresh = await tokenRequest(h.app, { grant_type: 'refresh_token', refresh_token: tokens.refresh_token! }, basic);
    expect(refresh.json().error).toBe('invalid_grant');
    const after = (await h.app.inject({ url: '/api/apps', headers: { cookie: anaCookie } })).json().apps as { connectionId: string }[];
    expect(after.map((a) => a.connectionId)).not.toContain(mine.connectionId);
    const audit = await h.ctx.db.query<{ action: string }>("SELECT action FROM audit_events WHERE entity_id = $1 AND outcome = 'success'", [mine.connectionId]);
    expect(audit.map((a) => a.action).sort()).toEqual(['smart-app-authorize', 'smart-app-revoke']);
  });

  it('authenticates a confidential client with client_secret_post, and refuses a wrong secret', async () => {
    const secretApp = await registerApp({ name: 'Post Secret App', redirectUris: [REDIRECT], kind: 'confidential-secret' });
    const tokens = await launch({ clientId: secretApp.clientId, auth: { client_id: secretApp.clientId, client_secret: secretApp.clientSecret! } });
    expect(tokens.patient).toBe(ana.patientId);
    const wrong = await tokenRequest(h.app, { grant_type: 'refresh_token', refresh_token: tokens.refresh_token!, client_id: secretApp.clientId, client_secret: 'not-the-secret' });
    expect(wrong.json().error).toBe('invalid_client');
  });

  it('authenticates a confidential client with private_key_jwt (RS384)', async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS384', { extractable: true });
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS384', use: 'sig' };
    const jwtApp = await registerApp({ name: 'Signed App', redirectUris: [REDIRECT], kind: 'confidential-jwt', jwks: { keys: [jwk] } });
    expect(jwtApp.clientSecret).toBeNull();
    const assertion = (aud: string) => new SignJWT({}).setProtectedHeader({ alg: 'RS384', kid: 'k1' }).setIssuer(jwtApp.clientId).setSubject(jwtApp.clientId)
      .setAudience(aud).setJti(randomUUID()).setIssuedAt().setExpirationTime('5m').sign(privateKey);
    const tokens = await launch({
      clientId: jwtApp.clientId,
      auth: { client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer', client_assertion: await assertion(`${ORIGIN}/oauth/token`) },
    });
    expect(tokens.patient).toBe(ana.patientId);
    // An assertion signed by another key is refused.
    const { privateKey: otherKey } = await generateKeyPair('RS384');
    const forged = await new SignJWT({}).setProtectedHeader({ alg: 'RS384', kid: 'k1' }).setIssuer(jwtApp.clientId).setSubject(jwtApp.clientId)
      .setAudience(`${ORIGIN}/oauth/token`).setJti(randomUUID()).setIssuedAt().setExpirationTime('5m').sign(otherKey);
    const res = await tokenRequest(h.app, { grant_type: 'refresh_token', refresh_token: tokens.refresh_token!, client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer', client_assertion: forged });
    expect(res.json().error).toBe('invalid_client');
  });

  it('lets an app register itself (RFC 7591) as a public client and launch', async () => {
    const res = await h.app.inject({
      method: 'POST', url: '/oauth/reg', headers: { host: HOST, 'content-type': 'application/json' },
      payload: { client_name: 'Self Registered', redirect_uris: [REDIRECT], token_endpoint_auth_method: 'none', grant_types: ['authorization_code', 'refresh_token'], response_types: ['code'] },
    });
    expect(res.statusCode, res.body).toBe(201);
    const { client_id: clientId, client_secret: secret } = res.json();
    expect(secret).toBeUndefined();
    expect((await launch({ clientId })).patient).toBe(ana.patientId);
    const listed = (await h.app.inject({ url: '/api/admin/apps', headers: { cookie: admin.cookie } })).json().apps as { clientId: string; source: string; kind: string }[];
    expect(listed.find((a) => a.clientId === clientId)).toMatchObject({ source: 'dynamic', kind: 'public' });
    expect(listed.find((a) => a.clientId === 'ourchart-demo-app')).toMatchObject({ source: 'demo', kind: 'public' });
  });

  it('accepts the demo app on a loopback redirect with any port, and allows CORS from it on the token endpoint', async () => {
    const browser = new Browser(h.app);
    const { verifier, challenge } = pkcePair();
    const redirect = 'http://127.0.0.1:53682/callback';
    const { uid } = await startAuthorization(browser, { ...authParams('ourchart-demo-app', challenge), redirect_uri: redirect });
    const answer = await answerConsent(browser, anaCookie, uid!, { patientId: ana.patientId });
    expect(answer.redirect!.origin).toBe('http://127.0.0.1:53682');
    const res = await tokenRequest(h.app, { grant_type: 'authorization_code', code: answer.redirect!.searchParams.get('code')!, redirect_uri: redirect, code_verifier: verifier, client_id: 'ourchart-demo-app' }, { origin: 'http://127.0.0.1:53682' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe('http://127.0.0.1:53682');
    const elsewhere = await tokenRequest(h.app, { grant_type: 'refresh_token', refresh_token: 'x'.repeat(43), client_id: 'ourchart-demo-app' }, { origin: 'https://evil.example' });
    expect(elsewhere.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('lets a proxy connect an app only to records their grant covers, each within what the proxy may see', async () => {
    const child = await createPatientUser(h.ctx, { given: 'Lily', birthDate: '2018-05-01' });
    const billingOnly = await createPatientUser(h.ctx, { given: 'Rosa' });
    // A parent's access ends when the child is an adult: nothing left to connect an app to.
    const uncovered = await createPatientUser(h.ctx, { given: 'Otto', birthDate: '1990-01-01' });
    const parent = await createPatientUser(h.ctx, {
      given: 'David',
      proxyFor: [
        { patientId: child.patientId, relationship: 'parent', scopes: ['record'] },
        { patientId: billingOnly.patientId, relationship: 'caregiver', scopes: ['billing'] },
        { patientId: uncovered.patientId, relationship: 'parent', scopes: ['record'] },
      ],
    });
    const parentCookie = await signInCookie(h.app, parent.email, parent.password);
    const browser = new Browser(h.app);
    const { uid } = await startAuthorization(browser, authParams(publicClientId, pkcePair().challenge));
    const consent = (await h.app.inject({ url: `/api/smart/interactions/${uid}`, headers: { cookie: parentCookie } })).json();
    expect(consent.patients.map((p: { id: string; limitedTo: string[] | null }) => [p.id, p.limitedTo])).toEqual([
      [parent.patientId, null], [child.patientId, ['record', 'immunizations']], [billingOnly.patientId, ['billing']],
    ]);
    const refused = await answerConsent(browser, parentCookie, uid!, { patientId: uncovered.patientId });
    expect(refused.status).toBe(404);
    const stranger = await answerConsent(browser, parentCookie, uid!, { patientId: ana.patientId });
    expect(stranger.status).toBe(404);

    const tokens = await launch({ cookie: parentCookie, patientId: child.patientId });
    expect(tokens.patient).toBe(child.patientId);
    expect(await verifyBearer(h.ctx, `Bearer ${tokens.access_token}`)).toMatchObject({ userId: parent.userId, patientId: child.patientId });
  });

  it('lets only admins register and remove apps; removing an app ends its connections', async () => {
    expect((await h.app.inject({ url: '/api/admin/apps', headers: { cookie: anaCookie } })).statusCode).toBe(404);
    const bad = await h.app.inject({ method: 'POST', url: '/api/admin/apps', headers: { cookie: admin.cookie, ...CSRF }, payload: { name: 'X', redirectUris: [], kind: 'public' } });
    expect(bad.statusCode).toBe(400);
    const noKeys = await h.app.inject({ method: 'POST', url: '/api/admin/apps', headers: { cookie: admin.cookie, ...CSRF }, payload: { name: 'No Keys', redirectUris: [REDIRECT], kind: 'confidential-jwt' } });
    expect(noKeys.statusCode).toBe(400);
    const temp = await registerApp({ name: 'Short Lived', redirectUris: [REDIRECT], kind: 'public' });
    const tokens = await launch({ clientId: temp.clientId });
    expect((await h.app.inject({ method: 'DELETE', url: `/api/admin/apps/${temp.clientId}`, headers: { cookie: admin.cookie, ...CSRF } })).statusCode).toBe(204);
    expect(await verifyBearer(h.ctx, `Bearer ${tokens.access_token}`)).toBeNull();
    const listed = (await h.app.inject({ url: '/api/admin/apps', headers: { cookie: admin.cookie } })).json().apps as { clientId: string }[];
    expect(listed.map((a) => a.clientId)).not.toContain(temp.clientId);
  });
});
