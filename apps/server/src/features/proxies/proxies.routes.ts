import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  NewProxyInvitation, ProxyAgeRules, ProxyGrantChange, ProxyGrantView, ProxyInvitationPreview, ProxyInvitationToken, ProxyInvitationView,
  ProxyOverview, StaffProxyGrant,
} from '@ourchart/contracts';
import type { AppContext } from '../../context.ts';
import type { Actor } from '../../platform/access/patient-access.ts';
import { requireStaff, staffAccessFor } from '../../platform/access/staff-access.ts';
import { requireAuth } from '../../platform/auth/request-auth.ts';
import {
  acceptInvitation, cancelProxyInvitation, changeGrant, endGrantFor, ownGrant, getAgeRules, inviteProxy, previewInvitation, proxyOverview, saveAgeRules,
  staffEndGrant, staffGrantProxy, staffListProxies,
} from './proxies.service.ts';

const IdParam = z.object({ id: z.string().uuid('Not a valid id.') });
const PatientParam = z.object({ id: z.string().regex(/^[A-Za-z0-9\-.]{1,64}$/, 'Not a valid patient id.') });
const StaffGrantParams = PatientParam.extend({ grantId: z.string().uuid('Not a valid id.') });

function actorOf(request: FastifyRequest): Actor {
  const { user } = requireAuth(request);
  return { userId: user.id, role: user.role, ip: request.ip, requestId: request.id };
}

/**
 * Proxy access (issue 7). Patients: /api/proxies (both sides, invitations, changing and ending
 * grants); invitees: /api/proxy-invitations/{preview,accept} with the token in the body (never in
 * a URL, which servers log); staff: /api/staff/patients/:id/proxies; admins: /api/admin/proxy-rules.
 */
export function registerProxyRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get('/api/proxies', async (request) => {
    const { user } = requireAuth(request);
    return ProxyOverview.parse(await proxyOverview(ctx, user));
  });

  app.post('/api/proxies/invitations', async (request, reply) => {
    const { user } = requireAuth(request);
    const input = NewProxyInvitation.parse(request.body ?? {});
    return reply.status(201).send(ProxyInvitationView.parse(await inviteProxy(ctx, user, actorOf(request), input)));
  });

  app.delete('/api/proxies/invitations/:id', async (request, reply) => {
    const { user } = requireAuth(request);
    const { id } = IdParam.parse(request.params);
    await cancelProxyInvitation(ctx, user, actorOf(request), id);
    return reply.status(204).send();
  });

  app.patch('/api/proxies/grants/:id', async (request) => {
    const { user } = requireAuth(request);
    const { id } = IdParam.parse(request.params);
    // Whose grant it is is settled before the body is read: an outsider learns nothing from a 400.
    const grant = await ownGrant(ctx, user, id);
    const input = ProxyGrantChange.parse(request.body ?? {});
    return ProxyGrantView.parse(await changeGrant(ctx, user, actorOf(request), grant, input));
  });

  app.delete('/api/proxies/grants/:id', async (request, reply) => {
    const { user } = requireAuth(request);
    const { id } = IdParam.parse(request.params);
    await endGrantFor(ctx, user, actorOf(request), id);
    return reply.status(204).send();
  });

  app.post('/api/proxy-invitations/preview', async (request) => {
    const { user } = requireAuth(request);
    const { token } = ProxyInvitationToken.parse(request.body ?? {});
    return ProxyInvitationPreview.parse(await previewInvitation(ctx, user, token));
  });

  app.post('/api/proxy-invitations/accept', async (request) => {
    const { user } = requireAuth(request);
    const { token } = ProxyInvitationToken.parse(request.body ?? {});
    return ProxyGrantView.parse(await acceptInvitation(ctx, user, actorOf(request), token));
  });

  app.get('/api/staff/patients/:id/proxies', async (request) => {
    const { id } = PatientParam.parse(request.params);
    const access = await staffAccessFor(ctx, request, id);
    return z.array(ProxyGrantView).parse(await staffListProxies(ctx, access));
  });

  app.post('/api/staff/patients/:id/proxies', async (request, reply) => {
    const { id } = PatientParam.parse(request.params);
    await requireStaff(ctx, request, { roles: ['staff', 'admin'], patientId: id });
    const access = await staffAccessFor(ctx, request, id, { careTeamOnly: true });
    const input = StaffProxyGrant.parse(request.body ?? {});
    return reply.status(201).send(ProxyGrantView.parse(await staffGrantProxy(ctx, access, input)));
  });

  app.delete('/api/staff/patients/:id/proxies/:grantId', async (request, reply) => {
    const { id, grantId } = StaffGrantParams.parse(request.params);
    await requireStaff(ctx, request, { roles: ['staff', 'admin'], patientId: id });
    const access = await staffAccessFor(ctx, request, id, { careTeamOnly: true });
    await staffEndGrant(ctx, access, grantId);
    return reply.status(204).send();
  });

  app.get('/api/admin/proxy-rules', async (request) => {
    const user = await requireStaff(ctx, request);
    return ProxyAgeRules.parse(await getAgeRules(ctx, user));
  });

  app.put('/api/admin/proxy-rules', async (request) => {
    const user = await requireStaff(ctx, request, { roles: ['admin'] });
    const rules = ProxyAgeRules.parse(request.body ?? {});
    return ProxyAgeRules.parse(await saveAgeRules(ctx, user, actorOf(request), rules));
  });
}
