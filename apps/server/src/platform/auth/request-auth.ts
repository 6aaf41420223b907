import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CSRF_HEADER } from '@ourchart/contracts';
import type { AppContext } from '../../context.ts';
import { AppError } from '../http/errors.ts';
import { touchSession, type Session } from './sessions.ts';
import { getUser, type User } from './users.ts';

export const SESSION_COOKIE = 'oc_session';

export type RequestAuth = { session: Session; user: User; token: string };

declare module 'fastify' {
  interface FastifyRequest {
    auth: RequestAuth | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Resolves the session cookie on every /api request and enforces CSRF protection for
 * state-changing requests: SameSite=Strict cookies, plus a custom header that a cross-site form
 * cannot send, plus an Origin check when the browser sends one.
 */
export function registerRequestAuth(app: FastifyInstance, ctx: AppContext) {
  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    if (!SAFE_METHODS.has(request.method)) {
      if (request.headers[CSRF_HEADER] !== '1') throw new AppError('CSRF', `Missing the ${CSRF_HEADER} header.`);
      const origin = request.headers.origin;
      if (origin && new URL(origin).host !== request.headers.host) throw new AppError('CSRF', 'Cross-site request refused.');
    }
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const session = await touchSession(ctx.db, token, { idleSeconds: ctx.config.sessionIdleSeconds, maxSeconds: ctx.config.sessionMaxSeconds });
    if (!session) return;
    const user = await getUser(ctx.db, session.userId);
    if (!user || user.disabled) return;
    request.auth = { session, user, token };
  });
}

/** The signed-in user's auth, or UNAUTHENTICATED (401). */
export function requireAuth(request: FastifyRequest): RequestAuth {
  if (!request.auth) throw new AppError('UNAUTHENTICATED', 'Your session has ended or you are not signed in. Please sign in.');
  return request.auth;
}

/**
 * Route option for routes that need a signed-in user: checked before anything else (even body or
 * query validation), so a signed-out caller always gets 401 and learns nothing about the route.
 */
export const signedIn = { onRequest: async (request: FastifyRequest) => void requireAuth(request) };

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
