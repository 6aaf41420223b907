import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { HeldResults, RecentResults, ResultItemRef } from '@ourchart/contracts';
import type { AppContext } from '../../context.ts';
import { requireStaff, staffAccessFor } from '../../platform/access/staff-access.ts';
import { AppError, isAppError } from '../../platform/http/errors.ts';
import { listHeldResults, markResultReviewed } from './release.service.ts';
import { loadResultReports } from './results.service.ts';
import { wantsSpanish } from '../../platform/http/messages-es.ts';

const PatientParam = z.object({ id: z.string().regex(/^[A-Za-z0-9\-.]{1,64}$/, 'Not a valid patient id.') });
const REVIEWERS = ['clinician', 'nurse'] as const;
const RECENT = 5;

/**
 * Care-team access for reviewing. Staff outside the care team (emergency access included: it is
 * for reading) are answered 404, as if the patient's results did not exist for them; the refusal
 * is audited by staffAccessFor.
 */
async function reviewerAccess(ctx: AppContext, request: FastifyRequest, patientId: string) {
  await requireStaff(ctx, request, { roles: REVIEWERS, patientId });
  try {
    return await staffAccessFor(ctx, request, patientId, { careTeamOnly: true });
  } catch (err) {
    if (isAppError(err) && (err.code === 'FORBIDDEN' || err.code === 'BREAK_GLASS_REQUIRED')) throw new AppError('NOT_FOUND', 'We could not find that patient.');
    throw err;
  }
}

/** Staff side of result release: what is held for review, and marking a result reviewed. */
export function registerResultReviewRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get('/api/staff/patients/:id/results/held', async (request) => {
    const { id } = PatientParam.parse(request.params);
    const access = await staffAccessFor(ctx, request, id);
    return HeldResults.parse(await listHeldResults({ access, db: ctx.db }));
  });
  /** The newest reports, held or not (the care team sees everything): beside a message in the Inbox. */
  app.get('/api/staff/patients/:id/results/recent', async (request) => {
    const { id } = PatientParam.parse(request.params);
    const access = await staffAccessFor(ctx, request, id);
    const locale = wantsSpanish(request.headers['accept-language']) ? 'es' : 'en';
    return RecentResults.parse({ reports: (await loadResultReports(access, { locale })).slice(0, RECENT) });
  });
  /** Body { item: "DiagnosticReport/<id>" | "Observation/<id>" }; answers what is still held. */
  app.post('/api/staff/patients/:id/results/review', async (request) => {
    const { id } = PatientParam.parse(request.params);
    const access = await reviewerAccess(ctx, request, id);
    const { item } = ResultItemRef.parse(request.body ?? {});
    return HeldResults.parse(await markResultReviewed({ access, db: ctx.db, audit: ctx.audit }, item));
  });
}
