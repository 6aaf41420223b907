import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { NewRefillRequest, PharmacyChoices, RefillDenial, RefillList, RefillRequest, RefillStaffNote, StaffRefill, StaffRefillList } from '@ourchart/contracts';
import type { AppContext } from '../../context.ts';
import { patientAccessFor } from '../../platform/access/resolve.ts';
import { requireStaff, staffAccessFor } from '../../platform/access/staff-access.ts';
import type { User } from '../../platform/auth/users.ts';
import { listRefills, pharmacyChoices, requestRefill } from './refills.service.ts';
import { REFILL_STAFF_ROLES, addStaffNote, approveRefill, denyRefill, findActionable, listRefillQueue, type StaffDeps } from './staff-refills.service.ts';

const PatientQuery = z.object({ patient: z.string().regex(/^[A-Za-z0-9\-.]{1,64}$/, 'Not a valid patient id.').optional() });
const IdParam = z.object({ id: z.string().regex(/^[A-Za-z0-9\-.]{1,64}$/, 'Not a valid refill request id.') });
const QueueQuery = z.object({ status: z.enum(['open', 'decided'], { error: 'Choose status=open or status=decided.' }).default('open') });

/**
 * Prescription refill requests. Patients and proxies with the refills scope: /api/refills
 * (?patient=<id> for a proxied record; route-features.ts maps the prefix to `refills`). Staff
 * (clinicians and nurses in the prescriber's pool, on the patient's care team): /api/staff/refills.
 */
export function registerRefillRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get('/api/refills', async (request) => {
    const access = await patientAccessFor(ctx, request, PatientQuery.parse(request.query).patient);
    return RefillList.parse(await listRefills({ ctx, access }));
  });

  app.get('/api/refills/pharmacies', async (request) => {
    const access = await patientAccessFor(ctx, request, PatientQuery.parse(request.query).patient);
    return PharmacyChoices.parse(await pharmacyChoices({ ctx, access }));
  });

  app.post('/api/refills', async (request, reply) => {
    const access = await patientAccessFor(ctx, request, PatientQuery.parse(request.query).patient);
    const input = NewRefillRequest.parse(request.body ?? {});
    return reply.status(201).send(RefillRequest.parse(await requestRefill({ ctx, access }, input)));
  });

  app.get('/api/staff/refills', async (request) => {
    const user = await requireStaff(ctx, request, { roles: REFILL_STAFF_ROLES });
    const { status } = QueueQuery.parse(request.query);
    return StaffRefillList.parse({ requests: await listRefillQueue(staffDeps(ctx, request, user), status) });
  });

  app.post('/api/staff/refills/:id/approve', async (request) => {
    const deps = staffDeps(ctx, request, await requireStaff(ctx, request, { roles: REFILL_STAFF_ROLES }));
    const target = await findActionable(deps, IdParam.parse(request.params).id);
    return StaffRefill.parse(await approveRefill(deps, target));
  });

  app.post('/api/staff/refills/:id/deny', async (request) => {
    const deps = staffDeps(ctx, request, await requireStaff(ctx, request, { roles: REFILL_STAFF_ROLES }));
    // Whose request it is is settled before the body is read: an outsider learns nothing from a 400.
    const target = await findActionable(deps, IdParam.parse(request.params).id);
    const { reason } = RefillDenial.parse(request.body ?? {});
    return StaffRefill.parse(await denyRefill(deps, target, reason));
  });

  app.post('/api/staff/refills/:id/notes', async (request) => {
    const deps = staffDeps(ctx, request, await requireStaff(ctx, request, { roles: REFILL_STAFF_ROLES }));
    const target = await findActionable(deps, IdParam.parse(request.params).id);
    const { note } = RefillStaffNote.parse(request.body ?? {});
    return StaffRefill.parse(await addStaffNote(deps, target, note));
  });
}

function staffDeps(ctx: AppContext, request: FastifyRequest, user: User): StaffDeps {
  return {
    ctx, user, client: { ip: request.ip, requestId: request.id },
    open: (patientId, options) => staffAccessFor(ctx, request, patientId, options),
  };
}
