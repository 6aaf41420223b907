import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CSRF_HEADER } from '@ourchart/contracts';
import type { AppContext } from '../../context.ts';
import { AppError } from '../http/errors.ts';
import { peekSession, touchSession, type Session } from './sessions.ts';
import { getUser, type User } from './users.ts';

export const SESSION_COOKIE = 'oc_session';

export type RequestAuth = { session: Session; user: User; token: string };

declare module 'fastify' {
  interface FastifyRequest {
    auth: RequestAuth | null;
  }
  interface FastifyContextConfig {
    /** Reachable without a session (sign-in, enrollment, password reset). Every other /api route needs one. */
    public?: boolean;
    /** The session is checked but not marked used (the live-updates stream is not activity). */
    passiveSession?: boolean;
    /** A server-to-server webhook that proves itself with a signature over the body (Stripe): no session, no CSRF header. */
    signedWebhook?: boolean;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Resolves the session cookie on every /api request and enforces CSRF protection for
 * state-changing requests: SameSite=Strict cookies, plus a custom header that a cross-site form
 * cannot send, plus an Origin check when the browser sends one. Secure by default: a route needs a
 * session unless it is declared `config: { public: true }`, and the check runs before any
 * validation, so a signed-out caller always gets 401 and learns nothing about the route.
 */
export function registerRequestAuth(app: FastifyInstance, ctx: AppContext) {
  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    if (!SAFE_METHODS.has(request.method) && !request.routeOptions.config?.signedWebhook) {
      if (request.headers[CSRF_HEADER] !== '1') throw new AppError('CSRF', `Missing the ${CSRF_HEADER} header.`);
      const origin = request.headers.origin;
      if (origin && new URL(origin).host !== request.headers.host) throw new AppError('CSRF', 'Cross-site request refused.');
    }
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const lookup = request.routeOptions.config?.passiveSession ? peekSession : touchSession;
      const session = await lookup(ctx.db, token, { idleSeconds: ctx.config.sessionIdleSeconds, maxSeconds: ctx.config.sessionMaxSeconds });
      const user = session && (await getUser(ctx.db, session.userId));
      if (session && user && !user.disabled) request.auth = { session, user, token };
    }
    // Unknown routes (no url) fall through to the rate-limited 404.
    if (!request.auth && request.routeOptions.url && !request.routeOptions.config.public && !request.routeOptions.config.signedWebhook) requireAuth(request);
  });
}

/** The signed-in user's auth, or UNAUTHENTICATED (401). */
export function requireAuth(request: FastifyRequest): RequestAuth {
  if (!request.auth) throw new AppError('UNAUTHENTICATED', 'Your session has ended or you are not signed in. Please sign in.');
  return request.auth;
}

export function setSessionCookie(reply: FastifyReply, ctx: AppContext, token: string) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    secure: ctx.config.cookieSecure,
    sameSite: 'strict',
    maxAge: ctx.config.sessionMaxSeconds,
  });
}

export function clearSessionCookie(reply: FastifyReply, ctx: AppContext) {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, secure: ctx.config.cookieSecure, sameSite: 'strict' });
}
