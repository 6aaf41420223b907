import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  Me, MfaEmailCodeRequest, MfaVerifyRequest, PasskeyOptionsRequest, PasskeyOptionsResponse, PasskeyVerifyRequest, SignInRequest, SignInResult,
} from '@ourchart/contracts';
import type { AppContext } from '../../context.ts';
import { clearSessionCookie, requireAuth, setSessionCookie } from '../../platform/auth/request-auth.ts';
import { AppError } from '../../platform/http/errors.ts';
import { describeUser, signOut, type Client } from './auth.service.ts';
import { passkeyOptions, passkeySignIn, passwordSignIn, sendSignInCode, verifySecondFactor, type SignInOutcome } from './sign-in.service.ts';

/** A coarse per-IP limit in front of the per-account throttle, with the same wording (scaled by RATE_LIMIT_SCALE). */
export function perMinute(ctx: AppContext, max: number) {
  return {
    rateLimit: {
      max: max * ctx.config.rateLimitScale,
      timeWindow: '1 minute',
      errorResponseBuilder: (_req: unknown, c: { ttl: number }) => {
        const minutes = Math.max(1, Math.ceil(c.ttl / 60_000));
        return new AppError('RATE_LIMITED', `Too many attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`);
      },
    },
  };
}

export function clientOf(request: FastifyRequest): Client {
  const ua = request.headers['user-agent'];
  return { ip: request.ip, userAgent: typeof ua === 'string' ? ua : undefined, requestId: request.id };
}

/** Sends a sign-in outcome: sets the session cookie when the person is fully signed in. */
export function sendSignIn(reply: FastifyReply, ctx: AppContext, outcome: SignInOutcome) {
  if (outcome.token) setSessionCookie(reply, ctx, outcome.token);
  return SignInResult.parse(outcome.result);
}

export function registerAuthRoutes(app: FastifyInstance, ctx: AppContext) {
  app.post('/api/auth/sign-in', { config: { ...perMinute(ctx, 10), public: true } }, async (request, reply) => {
    const input = SignInRequest.parse(request.body ?? {});
    return sendSignIn(reply, ctx, await passwordSignIn(ctx, input, clientOf(request)));
  });

  app.post('/api/auth/mfa/email-code', { config: { ...perMinute(ctx, 5), public: true } }, async (request, reply) => {
    const { challengeId } = MfaEmailCodeRequest.parse(request.body ?? {});
    await sendSignInCode(ctx, challengeId, clientOf(request));
    return reply.status(204).send();
  });

  app.post('/api/auth/mfa/verify', { config: { ...perMinute(ctx, 10), public: true } }, async (request, reply) => {
    const input = MfaVerifyRequest.parse(request.body ?? {});
    return sendSignIn(reply, ctx, await verifySecondFactor(ctx, input, clientOf(request)));
  });

  app.post('/api/auth/passkey/options', { config: { ...perMinute(ctx, 20), public: true } }, async (request) => {
    const { challengeId } = PasskeyOptionsRequest.parse(request.body ?? {});
    return PasskeyOptionsResponse.parse(await passkeyOptions(ctx, challengeId));
  });

  app.post('/api/auth/passkey/verify', { config: { ...perMinute(ctx, 10), public: true } }, async (request, reply) => {
    const input = PasskeyVerifyRequest.parse(request.body ?? {});
    return sendSignIn(reply, ctx, await passkeySignIn(ctx, input, clientOf(request)));
  });

  app.post('/api/auth/sign-out', { config: { public: true } }, async (request, reply) => {
    if (request.auth) await signOut(ctx, request.auth, clientOf(request));
    clearSessionCookie(reply, ctx);
    return reply.status(204).send();
  });

  /** "Stay signed in": any authenticated request refreshes the idle timer; this one does only that. */
  app.post('/api/auth/keep-alive', async (request, reply) => {
    requireAuth(request);
    return reply.status(204).send();
  });

  app.get('/api/me', async (request) => {
    const { user } = requireAuth(request);
    return Me.parse(await describeUser(ctx, user));
  });
}
