import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { DemographicsInput, EcheckinView, InsuranceInput, MedicationReviewInput } from '@ourchart/contracts';
import type { AppContext } from '../../context.ts';
import { patientAccessFor } from '../../platform/access/resolve.ts';
import { wantsSpanish } from '../../platform/http/messages-es.ts';
import { completeCheckin, confirmDemographics, confirmInsurance, confirmQuestionnaires, findOwnAppointment, getCheckin, reviewMedications } from './echeckin.service.ts';

const id = z.string().regex(/^[A-Za-z0-9\-.]{1,64}$/, 'Not a valid id.');
const IdParam = z.object({ id });
const PatientQuery = z.object({ patient: id.optional() });

/**
 * eCheck-in for one appointment of the patient in context (?patient= for a proxied record):
 * GET the state, then one POST per step, each answering with the updated state.
 */
export function registerEcheckinRoutes(app: FastifyInstance, ctx: AppContext) {
  // Whose record and which appointment first: another patient's appointment is 404 before the body is read.
  async function open(request: FastifyRequest) {
    const { patient } = PatientQuery.parse(request.query);
    const access = await patientAccessFor(ctx, request, patient);
    // A proxy checks in only when their grant covers appointments (issue 7 proxy policy).
    await access.require('appointments');
    const { id: appointmentId } = IdParam.parse(request.params);
    const deps = { ctx, access };
    const target = await findOwnAppointment(deps, appointmentId);
    const language = wantsSpanish(request.headers['accept-language']) ? ('es' as const) : ('en' as const);
    // The view after a step is read fresh (progress, statuses), with the same appointment.
    const view = async (fresh = true) => EcheckinView.parse(await getCheckin(deps, fresh ? await findOwnAppointment(deps, appointmentId) : target, language));
    return { deps, target, view };
  }

  app.get('/api/echeckin/:id', async (request) => {
    const { view } = await open(request);
    return view(false);
  });

  app.post('/api/echeckin/:id/demographics', async (request) => {
    const { deps, target, view } = await open(request);
    await confirmDemographics(deps, target, DemographicsInput.parse(request.body ?? {}));
    return view();
  });

  app.post('/api/echeckin/:id/insurance', async (request) => {
    const { deps, target, view } = await open(request);
    await confirmInsurance(deps, target, InsuranceInput.parse(request.body ?? {}));
    return view();
  });

  app.post('/api/echeckin/:id/medications', async (request) => {
    const { deps, target, view } = await open(request);
    await reviewMedications(deps, target, MedicationReviewInput.parse(request.body ?? {}));
    return view();
  });

  app.post('/api/echeckin/:id/questionnaires', async (request) => {
    const { deps, target, view } = await open(request);
    await confirmQuestionnaires(deps, target);
    return view();
  });

  app.post('/api/echeckin/:id/complete', async (request) => {
    const { deps, target, view } = await open(request);
    await completeCheckin(deps, target);
    return view();
  });
}
