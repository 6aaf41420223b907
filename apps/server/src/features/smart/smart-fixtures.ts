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
