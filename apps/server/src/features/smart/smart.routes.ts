import type { FastifyInstance, FastifyRequest } from 'fastify';
import middie from '@fastify/middie';
import { z } from 'zod';
import { AdminAppList, ConnectedAppList, NewAdminApp, NewAdminAppResult, SmartApproval, SmartInteraction, SmartRedirect } from '@ourchart/contracts';
import type { AppContext } from '../../context.ts';
import { requireAuth } from '../../platform/auth/request-auth.ts';
import { requireStaff } from '../../platform/access/staff-access.ts';
import { OAUTH_MOUNT } from './endpoints.ts';
import { registrationOpen, smartProvider } from './provider.ts';
import { smartConfiguration } from './discovery.ts';
import { approveInteraction, denyInteraction, describeInteraction, openInteraction } from './interactions.service.ts';
import { listConnectedApps, revokeConnectedApp, type Actor } from './connected-apps.service.ts';
import { deleteAdminApp, listAdminApps, registerAdminApp } from './admin-apps.service.ts';

const UidParam = z.object({ uid: z.string().regex(/^[\w-]{10,64}$/, 'Not a valid request id. Go back to the app and start again.') });
// Any id is looked up (one that is not a connection simply is not found): outsiders get 404 whatever they send.
const ConnectionParam = z.object({ connectionId: z.string().max(64) });
const ClientParam = z.object({ clientId: z.string().regex(/^[\w.-]{1,128}$/, 'Not a valid app id.') });

const actorOf = (request: FastifyRequest): Actor => {
  const { user } = requireAuth(request);
  return { userId: user.id, role: user.role, ip: request.ip, requestId: request.id };
};

/**
 * SMART on FHIR (issue 9): the authorization server at /oauth (oidc-provider, reads its own
 * bodies: it runs as middleware before Fastify parses anything), the SMART discovery document
 * under the FHIR base, and the portal APIs for consent (/api/smart/interactions), connected apps
 * (/api/apps) and app registration by admins (/api/admin/apps).
 */
export async function registerSmartRoutes(app: FastifyInstance, ctx: AppContext) {
  const provider = await smartProvider(ctx);
  await app.register(middie);
  app.use(OAUTH_MOUNT, provider.callback());

  app.get('/fhir/R4/.well-known/smart-configuration', async (_request, reply) => {
    reply.header('cache-control', 'public, max-age=3600');
    return smartConfiguration(ctx.config.publicUrl, { registration: registrationOpen(ctx.config) });
  });

  app.get('/api/smart/interactions/:uid', async (request) => {
    const { user } = requireAuth(request);
    const open = await openInteraction(ctx, user, UidParam.parse(request.params).uid);
    return SmartInteraction.parse(await describeInteraction(ctx, open));
  });

  app.post('/api/smart/interactions/:uid/approve', async (request) => {
    const { user } = requireAuth(request);
    // Whose request it is is settled before the body is read.
    const open = await openInteraction(ctx, user, UidParam.parse(request.params).uid);
    const { patientId } = SmartApproval.parse(request.body ?? {});
    return SmartRedirect.parse(await approveInteraction(ctx, open, actorOf(request), patientId));
  });

  app.post('/api/smart/interactions/:uid/deny', async (request) => {
    const { user } = requireAuth(request);
    const open = await openInteraction(ctx, user, UidParam.parse(request.params).uid);
    return SmartRedirect.parse(await denyInteraction(ctx, open, actorOf(request)));
  });

  // Patient control: the apps a person connected, and the ones proxies connected to their own record.
  app.get('/api/apps', async (request) => {
    const { user } = requireAuth(request);
    return ConnectedAppList.parse(await listConnectedApps(ctx, actorOf(request), user.patientId));
  });

  app.delete('/api/apps/:connectionId', async (request, reply) => {
    const { user } = requireAuth(request);
    await revokeConnectedApp(ctx, actorOf(request), ConnectionParam.parse(request.params).connectionId, user.patientId);
    return reply.status(204).send();
  });

  app.get('/api/admin/apps', async (request) => {
    await requireStaff(ctx, request, { roles: ['admin'] });
    return AdminAppList.parse(await listAdminApps(ctx));
  });

  app.post('/api/admin/apps', async (request, reply) => {
    await requireStaff(ctx, request, { roles: ['admin'] });
    const input = NewAdminApp.parse(request.body ?? {});
    return reply.status(201).send(NewAdminAppResult.parse(await registerAdminApp(ctx, actorOf(request), input)));
  });

  app.delete('/api/admin/apps/:clientId', async (request, reply) => {
    await requireStaff(ctx, request, { roles: ['admin'] });
    await deleteAdminApp(ctx, actorOf(request), ClientParam.parse(request.params).clientId);
    return reply.status(204).send();
  });
}
