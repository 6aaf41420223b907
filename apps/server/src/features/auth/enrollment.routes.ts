import type { FastifyInstance } from 'fastify';
import {
  Accepted, ActivateRequest, PasswordCheck, PasswordCheckRequest, PasswordResetComplete, PasswordResetRequest, SignUpRequest, SignUpVerifyRequest,
} from '@ourchart/contracts';
import type { AppContext } from '../../context.ts';
import { checkPassword } from '../../platform/auth/password-policy.ts';
import { clientOf, perMinute, sendSignIn } from './auth.routes.ts';
import { activateAccount, finishSignUp, startSignUp } from './enrollment.service.ts';
import { completePasswordReset, requestPasswordReset } from './password.service.ts';

const localeOf = (header: unknown): 'en' | 'es' => (typeof header === 'string' && header.toLowerCase().startsWith('es') ? 'es' : 'en');

/** Account creation (activation code, self-signup) and password recovery: all reachable signed out. */
export function registerEnrollmentRoutes(app: FastifyInstance, ctx: AppContext) {
  app.post('/api/auth/activate', { config: { ...perMinute(ctx, 10), public: true } }, async (request, reply) => {
    const input = ActivateRequest.parse(request.body ?? {});
    return sendSignIn(reply, ctx, await activateAccount(ctx, input, clientOf(request)));
  });

  app.post('/api/auth/sign-up', { config: { ...perMinute(ctx, 5), public: true } }, async (request, reply) => {
    const input = SignUpRequest.parse(request.body ?? {});
    await startSignUp(ctx, input, clientOf(request), localeOf(request.headers['accept-language']));
    return reply.status(202).send(Accepted.parse({ message: 'If the details are right, we sent a 6-digit code to that email. It expires in 30 minutes.' }));
  });

  app.post('/api/auth/sign-up/verify', { config: { ...perMinute(ctx, 10), public: true } }, async (request, reply) => {
    const input = SignUpVerifyRequest.parse(request.body ?? {});
    return sendSignIn(reply, ctx, await finishSignUp(ctx, input, clientOf(request)));
  });

  app.post('/api/auth/password-reset', { config: { ...perMinute(ctx, 5), public: true } }, async (request, reply) => {
    const { email } = PasswordResetRequest.parse(request.body ?? {});
    await requestPasswordReset(ctx, email, clientOf(request));
    return reply.status(202).send(Accepted.parse({ message: 'If that email has an account, we sent a link to reset the password. It works for 30 minutes.' }));
  });

  app.post('/api/auth/password-reset/complete', { config: { ...perMinute(ctx, 10), public: true } }, async (request, reply) => {
    const input = PasswordResetComplete.parse(request.body ?? {});
    await completePasswordReset(ctx, input, clientOf(request));
    return reply.status(204).send();
  });

  /** The strength meter. Rate-limited; the password is checked in memory and never stored or logged. */
  app.post('/api/auth/password-check', { config: { ...perMinute(ctx, 60), public: true } }, async (request) => {
    const { password, email } = PasswordCheckRequest.parse(request.body ?? {});
    return PasswordCheck.parse(await checkPassword(password, email));
  });
}
