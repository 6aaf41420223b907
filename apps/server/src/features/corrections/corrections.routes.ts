import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { CorrectionDecision, CorrectionList, CorrectionRequest, DisagreementRequest, ItemReference, NewCorrection, StaffCorrection, StaffCorrectionList } from '@ourchart/contracts';
import type { AppContext } from '../../context.ts';
import { patientAccessFor } from '../../platform/access/resolve.ts';
import { requireStaff, staffAccessFor } from '../../platform/access/staff-access.ts';
import { addDisagreement, createCorrection, findOwnRequest, listCorrections } from './corrections.service.ts';
import { decideCorrection, findDecidable, listStaffQueue } from './staff-corrections.service.ts';

const patient = z.string().regex(/^[A-Za-z0-9\-.]{1,64}$/, 'Not a valid patient id.').optional();
const PatientQuery = z.object({ patient });
const ListQuery = z.object({ patient, item: ItemReference.optional() });
const IdParam = z.object({ id: z.string().regex(/^[A-Za-z0-9\-.]{1,64}$/, 'Not a valid request id.') });
const QueueQuery = z.object({ status: z.enum(['open', 'decided'], { error: 'Choose status=open or status=decided.' }).default('open') });

/**
 * Correction requests (amendments, ONC 170.315(d)(4)). Patients and proxies: /api/records/corrections
 * (?patient=<id> for a proxied record). Staff: /api/staff/corrections, through staffAccessFor.
 */
export function registerCorrectionRoutes(app: FastifyInstance, ctx: AppContext) {
  app.post('/api/records/corrections', async (request, reply) => {
    const { patient: id } = PatientQuery.parse(request.query);
    const access = await patientAccessFor(ctx, request, id);
    const input = NewCorrection.parse(request.body ?? {});
    return reply.status(201).send(CorrectionRequest.parse(await createCorrection({ ctx, access }, input)));
  });

  app.get('/api/records/corrections', async (request) => {
    const { patient: id, item } = ListQuery.parse(request.query);
    const access = await patientAccessFor(ctx, request, id);
    return CorrectionList.parse(await listCorrections({ ctx, access }, item));
  });

  app.post('/api/records/corrections/:id/disagreement', async (request) => {
    const { id } = IdParam.parse(request.params);
    const { patient: patientId } = PatientQuery.parse(request.query);
    const access = await patientAccessFor(ctx, request, patientId);
    // Whose request it is is settled before the body is read: an outsider learns nothing from a 400.
    const target = await findOwnRequest({ ctx, access }, id);
    const { statement } = DisagreementRequest.parse(request.body ?? {});
    return CorrectionRequest.parse(await addDisagreement({ ctx, access }, target, statement));
  });

  app.get('/api/staff/corrections', async (request) => {
    const user = await requireStaff(ctx, request);
    const { status } = QueueQuery.parse(request.query);
    return StaffCorrectionList.parse({ requests: await listStaffQueue(staffDeps(ctx, request, user), status) });
  });

  app.post('/api/staff/corrections/:id/decision', async (request) => {
    const user = await requireStaff(ctx, request);
    const { id } = IdParam.parse(request.params);
    const deps = staffDeps(ctx, request, user);
    const target = await findDecidable(deps, id);
    const decision = CorrectionDecision.parse(request.body ?? {});
    return StaffCorrection.parse(await decideCorrection(deps, target, decision));
  });
}

function staffDeps(ctx: AppContext, request: FastifyRequest, user: Awaited<ReturnType<typeof requireStaff>>) {
  return {
    ctx, user, client: { ip: request.ip, requestId: request.id },
    open: (patientId: string, options?: { careTeamOnly?: boolean }) => staffAccessFor(ctx, request, patientId, options),
  };
}
