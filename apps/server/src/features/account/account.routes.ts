import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  AccountSecurity, ChangeEmailRequest, ChangePasswordRequest, EmailCodesRequest, Me, PasskeyRegistered, PasskeyRegisterVerifyRequest, PasswordConfirm,
  RecoveryCodes, SessionList, SignedOutCount, TotpConfirmRequest, TotpStart, VerifyEmailChangeRequest,
} from '@ourchart/contracts';
import type { AppContext } from '../../context.ts';
import { requireAuth } from '../../platform/auth/request-auth.ts';
import { getUser } from '../../platform/auth/users.ts';
import { clientOf, perMinute } from '../auth/auth.routes.ts';
import { describeUser } from '../auth/auth.service.ts';
import { changePassword } from '../auth/password.service.ts';
import * as account from './account.service.ts';

const IdParam = z.object({ id: z.string().min(1).max(512) });
const SessionParam = z.object({ id: z.string().uuid('Not a session id.') });

/** Signed-in account security: second factors, recovery codes, password, email, devices. */
export function registerAccountRoutes(app: FastifyInstance, ctx: AppContext) {
  const who = (request: FastifyRequest) => ({ ctx, user: requireAuth(request).user, client: clientOf(request) });
  const sessionId = (request: FastifyRequest) => requireAuth(request).session.id;

  app.get('/api/account/security', async (request) => AccountSecurity.parse(await account.getSecurity(who(request))));

  app.post('/api/account/totp/start', async (request) => TotpStart.parse(await account.beginTotp(who(request))));
  app.post('/api/account/totp/confirm', { config: perMinute(ctx, 10) }, async (request) => {
    const { code } = TotpConfirmRequest.parse(request.body ?? {});
    return RecoveryCodes.parse({ recoveryCodes: await account.confirmTotp(who(request), code) });
  });
  app.post('/api/account/totp/remove', async (request, reply) => {
    const { password } = PasswordConfirm.parse(request.body ?? {});
    await account.deleteTotp(who(request), password);
    return reply.status(204).send();
  });

  app.post('/api/account/passkeys/options', async (request) => {
    const { options } = await account.passkeyRegistrationOptions(who(request));
    return { options };
  });
  app.post('/api/account/passkeys/verify', async (request) => {
    const { response, name } = PasskeyRegisterVerifyRequest.parse(request.body ?? {});
    return PasskeyRegistered.parse(await account.addPasskey(who(request), response, name));
  });
  app.post('/api/account/passkeys/:id/remove', async (request, reply) => {
    const { id } = IdParam.parse(request.params);
    const { password } = PasswordConfirm.parse(request.body ?? {});
    await account.deletePasskey(who(request), id, password);
    return reply.status(204).send();
  });

  app.post('/api/account/recovery-codes', async (request) => {
    const { password } = PasswordConfirm.parse(request.body ?? {});
    return RecoveryCodes.parse({ recoveryCodes: await account.newRecoveryCodes(who(request), password) });
  });
  app.post('/api/account/email-codes', async (request, reply) => {
    const { enabled, password } = EmailCodesRequest.parse(request.body ?? {});
    await account.setEmailCodes(who(request), enabled, password);
    return reply.status(204).send();
  });

  app.post('/api/account/password', async (request, reply) => {
    const input = ChangePasswordRequest.parse(request.body ?? {});
    const w = who(request);
    await changePassword(ctx, w.user, sessionId(request), input, w.client);
    return reply.status(204).send();
  });

  app.post('/api/account/email', { config: perMinute(ctx, 5) }, async (request, reply) => {
    const { newEmail, password } = ChangeEmailRequest.parse(request.body ?? {});
    await account.requestEmailChange(who(request), newEmail, password);
    return reply.status(202).send({ message: 'We sent a 6-digit code to the new email. Enter it here to finish.' });
  });
  app.post('/api/account/email/verify', { config: perMinute(ctx, 10) }, async (request) => {
    const { code } = VerifyEmailChangeRequest.parse(request.body ?? {});
    const w = who(request);
    await account.confirmEmailChange(w, code);
    return Me.parse(await describeUser(ctx, (await getUser(ctx.db, w.user.id))!));
  });

  app.get('/api/account/sessions', async (request) => SessionList.parse({ sessions: await account.sessionsOf(who(request), sessionId(request)) }));
  app.post('/api/account/sessions/sign-out-others', async (request) => SignedOutCount.parse({ count: await account.signOutOthers(who(request), sessionId(request)) }));
  app.post('/api/account/sessions/:id/sign-out', async (request, reply) => {
    const { id } = SessionParam.parse(request.params);
    await account.signOutSession(who(request), id);
    return reply.status(204).send();
  });
}
