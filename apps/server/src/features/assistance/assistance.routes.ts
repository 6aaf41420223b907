import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AssistanceApplication, AssistanceDecision, AssistanceOverview, ResponseInput, SavedResponse, StaffAssistanceApplication, StaffAssistanceList } from '@ourchart/contracts';
import type { AppContext } from '../../context.ts';
import { patientAccessFor } from '../../platform/access/resolve.ts';
import { requireStaff } from '../../platform/access/staff-access.ts';
import { wantsSpanish } from '../../platform/http/messages-es.ts';
import { staffDepsFor } from '../insurance/staff-insurance.service.ts';
import { assistanceOverview, saveAssistanceDraft, submitApplication } from './assistance.service.ts';
import { decideApplication, findDecidable, listApplications } from './staff-assistance.service.ts';

const safeId = (what: string) => z.string().regex(/^[A-Za-z0-9\-.]{1,64}$/, `Not a valid ${what} id.`);
const PatientQuery = z.object({ patient: safeId('patient').optional() });
const IdParam = z.object({ id: safeId('application') });
const ListQuery = z.object({ status: z.enum(['submitted', 'decided'], { error: 'Choose status=submitted or status=decided.' }).default('submitted') });

/**
 * Financial assistance. Patients and proxies with the billing scope: /api/billing/assistance
 * (the form, a draft, submit). The billing office (members of the billing pool, patients on their
 * care team): /api/staff/billing/assistance.
 */
export function registerAssistanceRoutes(app: FastifyInstance, ctx: AppContext) {
  const open = async (request: FastifyRequest) => patientAccessFor(ctx, request, PatientQuery.parse(request.query).patient);

  app.get('/api/billing/assistance', async (request) => {
    const access = await open(request);
    return AssistanceOverview.parse(await assistanceOverview({ ctx, access }, wantsSpanish(request.headers['accept-language']) ? 'es' : 'en'));
  });

  app.put('/api/billing/assistance/draft', async (request) => {
    const access = await open(request);
    await access.require('billing');
    const { answers } = ResponseInput.parse(request.body ?? {});
    return SavedResponse.parse(await saveAssistanceDraft({ ctx, access }, answers));
  });

  app.post('/api/billing/assistance', async (request, reply) => {
    const access = await open(request);
    await access.require('billing');
    const { answers } = ResponseInput.parse(request.body ?? {});
    return reply.status(201).send(AssistanceApplication.parse(await submitApplication({ ctx, access }, answers)));
  });

  app.get('/api/staff/billing/assistance', async (request) => {
    const deps = staffDepsFor(ctx, request, await requireStaff(ctx, request));
    const { status } = ListQuery.parse(request.query);
    return StaffAssistanceList.parse({ applications: await listApplications(deps, status === 'submitted') });
  });

  app.post('/api/staff/billing/assistance/:id/decision', async (request) => {
    const deps = staffDepsFor(ctx, request, await requireStaff(ctx, request));
    // Whose application it is is settled before the body is read: an outsider learns nothing from a 400.
    const target = await findDecidable(deps, IdParam.parse(request.params).id);
    return StaffAssistanceApplication.parse(await decideApplication(deps, target, AssistanceDecision.parse(request.body ?? {})));
  });
}
