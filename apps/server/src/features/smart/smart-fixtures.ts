import { createHash, randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { CSRF } from '../../test/app.ts';

/**
 * Test helper: drives a SMART standalone launch through the real HTTP app (app.inject), the way
 * a browser and an app would: /oauth/auth -> the consent API with the portal session -> back
 * through /oauth/auth/<uid> -> the app's redirect with a code -> /oauth/token with PKCE.
 * Keeps the browser's cookie jar for /oauth.
 */
export const HOST = 'localhost:3000';
export const ORIGIN = `http://${HOST}`;
export const FHIR_BASE = `${ORIGIN}/fhir/R4`;

export function pkcePair() {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export class Browser {
  readonly jar = new Map<string, string>();
  readonly app: FastifyInstance;
  constructor(app: FastifyInstance) {
    this.app = app;
  }

  get cookieHeader() {
    return [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async get(url: string) {
    const u = new URL(url, ORIGIN);
    const res = await this.app.inject({ method: 'GET', url: u.pathname + u.search, headers: { host: HOST, cookie: this.cookieHeader } });
    for (const c of res.cookies as { name: string; value: string }[]) {
      if (c.value === '') this.jar.delete(c.name);
      else this.jar.set(c.name, c.value);
    }
    return res;
  }
}

export type AuthorizeParams = Record<string, string>;

/** Starts an authorization; returns the consent uid (or the error redirect / response when there is none). */
export async function startAuthorization(browser: Browser, params: AuthorizeParams) {
  const res = await browser.get(`/oauth/auth?${new URLSearchParams(params)}`);
  const location = String(res.headers.location ?? '');
  const uid = /^\/smart\/authorize\?uid=([\w-]+)$/.exec(location)?.[1];
  return { res, location, uid };
}

/** Answers the consent as the signed-in portal user, follows the redirect, and returns the app's redirect URL. */
export async function answerConsent(browser: Browser, sessionCookie: string, uid: string, answer: { patientId: string } | 'deny') {
  const app = browser.app;
  const res = await app.inject({
    method: 'POST', url: `/api/smart/interactions/${uid}/${answer === 'deny' ? 'deny' : 'approve'}`,
    headers: { cookie: sessionCookie, host: HOST, ...CSRF }, payload: answer === 'deny' ? {} : answer,
  });
  if (res.statusCode !== 200) return { status: res.statusCode, body: res.json(), redirect: null };
  const back = await browser.get(res.json().redirectTo);
  return { status: res.statusCode, body: res.json(), redirect: back.headers.location ? new URL(String(back.headers.location)) : null };
}

export async function tokenRequest(app: FastifyInstance, form: Record<string, string>, headers: Record<string, string> = {}) {
  return app.inject({
    method: 'POST', url: '/oauth/token', headers: { host: HOST, 'content-type': 'application/x-www-form-urlencoded', ...headers },
    payload: new URLSearchParams(form).toString(),
  });
}

/** Registers a public app through dynamic client registration (open in demo mode); returns its client id. */
export async function registerPublicApp(app: FastifyInstance, name: string, redirectUri: string): Promise<string> {
  const res = await app.inject({
    method: 'POST', url: '/oauth/reg', headers: { host: HOST, 'content-type': 'application/json' },
    payload: { client_name: name, redirect_uris: [redirectUri], token_endpoint_auth_method: 'none', grant_types: ['authorization_code', 'refresh_token'], response_types: ['code'] },
  });
  if (res.statusCode !== 201) throw new Error(`registration failed: ${res.statusCode} ${res.body}`);
  return res.json().client_id as string;
}

/** A whole standalone launch of a public app by a signed-in portal user; returns the token response. */
export async function connectPublicApp(app: FastifyInstance, o: { clientId: string; redirectUri: string; sessionCookie: string; patientId: string; scope: string }) {
  const browser = new Browser(app);
  const { verifier, challenge } = pkcePair();
  const { uid } = await startAuthorization(browser, {
    response_type: 'code', client_id: o.clientId, redirect_uri: o.redirectUri, scope: o.scope, state: randomBytes(8).toString('hex'),
    aud: FHIR_BASE, code_challenge: challenge, code_challenge_method: 'S256',
  });
  if (!uid) throw new Error('the authorization did not reach the consent step');
  const answer = await answerConsent(browser, o.sessionCookie, uid, { patientId: o.patientId });
  const code = answer.redirect?.searchParams.get('code');
  if (!code) throw new Error(`the consent did not give a code: ${answer.status} ${JSON.stringify(answer.body)}`);
  const res = await tokenRequest(app, { grant_type: 'authorization_code', code, redirect_uri: o.redirectUri, code_verifier: verifier, client_id: o.clientId });
  if (res.statusCode !== 200) throw new Error(`token request failed: ${res.statusCode} ${res.body}`);
  return res.json() as { access_token: string; patient: string; scope: string };
}
