import type { FastifyInstance } from 'fastify';
import { Me, SignInRequest } from '@ourchart/contracts';
import type { AppContext } from '../../context.ts';
import { clearSessionCookie, requireAuth, setSessionCookie } from '../../platform/auth/request-auth.ts';
import { AppError } from '../../platform/http/errors.ts';
import { describeUser, signIn, signOut } from './auth.service.ts';

export function registerAuthRoutes(app: FastifyInstance, ctx: AppContext) {
  app.post(
    '/api/auth/sign-in',
    {
      config: {
        // Per-IP throttle; per-account lockout with backoff arrives with the identity work.
        rateLimit: {
          max: 10,
          timeWindow: '1 minute',
          errorResponseBuilder: (_req, c) => {
            const minutes = Math.max(1, Math.ceil(c.ttl / 60_000));
            return new AppError('RATE_LIMITED', `Too many sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`);
          },
        },
      },
    },
    async (request, reply) => {
      const input = SignInRequest.parse(request.body ?? {});
      const { token, me } = await signIn(ctx, input, client(request));
      setSessionCookie(reply, ctx, token);
      return { me: Me.parse(me) };
    },
  );

  app.post('/api/auth/sign-out', async (request, reply) => {
    if (request.auth) await signOut(ctx, request.auth, client(request));
    clearSessionCookie(reply, ctx);
    return reply.status(204).send();
  });

  app.get('/api/me', async (request) => {
    const { user } = requireAuth(request);
    return Me.parse(await describeUser(ctx, user));
  });
}

function client(request: { ip: string; headers: Record<string, unknown>; id: string }) {
  const ua = request.headers['user-agent'];
  return { ip: request.ip, userAgent: typeof ua === 'string' ? ua : undefined, requestId: request.id };
}
