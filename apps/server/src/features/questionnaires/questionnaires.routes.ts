import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { CareAlert, CareAlertList, QuestionnaireView, ResponseInput, SavedResponse, StaffResponseList } from '@ourchart/contracts';
import type { AppContext } from '../../context.ts';
import { patientAccessFor } from '../../platform/access/resolve.ts';
import { requireStaff, staffAccessFor } from '../../platform/access/staff-access.ts';
import { wantsSpanish } from '../../platform/http/messages-es.ts';
import { completeResponse, getQuestionnaireView, loadQuestionnaire, resolveContext, saveDraft } from './questionnaires.service.ts';
import { acknowledgeCareAlert, listCareAlerts, staffResponses } from './staff-questionnaires.service.ts';

const id = z.string().regex(/^[A-Za-z0-9\-.]{1,64}$/, 'Not a valid id.');
const IdParam = z.object({ id });
const PatientQuery = z.object({ patient: id.optional(), appointment: id.optional() });
const AlertQuery = z.object({ status: z.enum(['open', 'acknowledged'], { error: 'Choose status=open or status=acknowledged.' }).default('open') });

const language = (request: FastifyRequest) => (wantsSpanish(request.headers['accept-language']) ? 'es' : 'en');

/**
 * Questionnaires (FHIR Questionnaire / QuestionnaireResponse) for patients and proxies:
 * /api/questionnaires/:id (?patient=<proxied id>&appointment=<id> for an eCheck-in), drafts and
 * completion. Staff: care alerts (/api/staff/alerts) and a patient's scored answers.
 */
export function registerQuestionnaireRoutes(app: FastifyInstance, ctx: AppContext) {
  // Who and which record come first: another patient's id is 404 before anything else is read.
  async function open(request: FastifyRequest) {
    const { patient, appointment } = PatientQuery.parse(request.query);
    const access = await patientAccessFor(ctx, request, patient);
    // Answers are part of the health record: a proxy needs a grant that covers it (issue 7 proxy policy).
    await access.require('record');
    const { id: questionnaireId } = IdParam.parse(request.params);
    const context = await resolveContext({ ctx, access }, appointment);
    const questionnaire = await loadQuestionnaire(ctx, questionnaireId);
    return { access, context, questionnaire };
  }

  app.get('/api/questionnaires/:id', async (request) => {
    const { access, context, questionnaire } = await open(request);
    return QuestionnaireView.parse(await getQuestionnaireView({ ctx, access }, questionnaire, context, language(request)));
  });

  app.put('/api/questionnaires/:id/draft', async (request) => {
    const { access, context, questionnaire } = await open(request);
    const { answers } = ResponseInput.parse(request.body ?? {});
    return SavedResponse.parse(await saveDraft({ ctx, access }, questionnaire, context, answers));
  });

  app.post('/api/questionnaires/:id/complete', async (request) => {
    const { access, context, questionnaire } = await open(request);
    const { answers } = ResponseInput.parse(request.body ?? {});
    return SavedResponse.parse(await completeResponse({ ctx, access }, questionnaire, context, answers));
  });

  app.get('/api/staff/alerts', async (request) => {
    const user = await requireStaff(ctx, request);
    const { status } = AlertQuery.parse(request.query);
    return CareAlertList.parse({ alerts: await listCareAlerts(staffDeps(ctx, request, user), status === 'acknowledged') });
  });

  app.post('/api/staff/alerts/:id/acknowledge', async (request) => {
    const user = await requireStaff(ctx, request);
    const { id: alertId } = IdParam.parse(request.params);
    return CareAlert.parse(await acknowledgeCareAlert(staffDeps(ctx, request, user), alertId));
  });

  app.get('/api/staff/patients/:id/questionnaire-responses', async (request) => {
    const { id: patientId } = IdParam.parse(request.params);
    const access = await staffAccessFor(ctx, request, patientId);
    return StaffResponseList.parse({ responses: await staffResponses(ctx, access) });
  });
}

function staffDeps(ctx: AppContext, request: FastifyRequest, user: Awaited<ReturnType<typeof requireStaff>>) {
  return {
    ctx, user, client: { ip: request.ip, requestId: request.id },
    open: (patientId: string, options?: { careTeamOnly?: boolean }) => staffAccessFor(ctx, request, patientId, options),
  };
}
