import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  ActivationCode, BreakGlassGranted, BreakGlassRequest, HealthSummary, LinkEnrollmentRequest, PendingEnrollments, StaffPatientSearch,
} from '@ourchart/contracts';
import type { AppContext } from '../../context.ts';
import { requireStaff, staffAccessFor } from '../../platform/access/staff-access.ts';
import { getHealthSummary } from '../records/summary.service.ts';
import { issueActivationCode } from './activation.service.ts';
import { breakTheGlass } from './break-glass.service.ts';
import { linkEnrollment, listEnrollments } from './enrollment.service.ts';
import { searchPatients } from './patient-search.service.ts';

const PatientParam = z.object({ id: z.string().regex(/^[A-Za-z0-9\-.]{1,64}$/, 'Not a valid patient id.') });
const UserParam = z.object({ userId: z.string().uuid('Not a valid account id.') });
const SearchQuery = z.object({ q: z.string().trim().min(2, 'Type at least 2 letters of a name, an MRN or a birth date (YYYY-MM-DD).').max(100) });

const client = (request: FastifyRequest) => ({ ip: request.ip, requestId: request.id });

/**
 * Staff workspace routes (/api/staff/*): clinicians, nurses, front-desk staff and administrators
 * with a second factor. Patients get 404 here. Record access goes through staffAccessFor.
 */
export function registerStaffRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get('/api/staff/patients', async (request) => {
    const user = await requireStaff(ctx, request);
    const { q } = SearchQuery.parse(request.query);
    return StaffPatientSearch.parse({ patients: await searchPatients({ ctx, user, client: client(request) }, q) });
  });

  app.get('/api/staff/patients/:id/summary', async (request) => {
    const { id } = PatientParam.parse(request.params);
    const access = await staffAccessFor(ctx, request, id);
    return HealthSummary.parse(await getHealthSummary({ access }));
  });

  app.post('/api/staff/patients/:id/break-glass', async (request) => {
    const { id } = PatientParam.parse(request.params);
    const user = await requireStaff(ctx, request, { patientId: id });
    const { reason } = BreakGlassRequest.parse(request.body ?? {});
    return BreakGlassGranted.parse(await breakTheGlass({ ctx, user, client: client(request) }, id, reason));
  });

  app.post('/api/staff/patients/:id/activation-code', async (request) => {
    const { id } = PatientParam.parse(request.params);
    const access = await staffAccessFor(ctx, request, id, { careTeamOnly: true });
    return ActivationCode.parse(await issueActivationCode({ ctx, access }));
  });

  app.get('/api/staff/enrollments', async (request) => {
    const user = await requireStaff(ctx, request);
    return PendingEnrollments.parse({ enrollments: await listEnrollments({ ctx, user, client: client(request) }) });
  });

  app.post('/api/staff/enrollments/:userId/link', async (request, reply) => {
    const { userId } = UserParam.parse(request.params);
    await requireStaff(ctx, request);
    const { patientId } = LinkEnrollmentRequest.parse(request.body ?? {});
    const access = await staffAccessFor(ctx, request, patientId, { careTeamOnly: true });
    await linkEnrollment({ ctx, access }, userId);
    return reply.status(204).send();
  });
}
