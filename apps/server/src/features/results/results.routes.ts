import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ReleasePreferences, ResultItemRef, ResultList, Trend } from '@ourchart/contracts';
import type { AppContext } from '../../context.ts';
import { patientAccessFor } from '../../platform/access/resolve.ts';
import { wantsSpanish } from '../../platform/http/messages-es.ts';
import { startResultAnnouncer } from './announce.ts';
import { getReleasePreferences, markResultOpened, setReleasePreferences } from './release.service.ts';
import { registerResultReviewRoutes } from './review.routes.ts';
import { getTrend, listResults } from './results.service.ts';

const patient = z.string().regex(/^[A-Za-z0-9\-.]{1,64}$/, 'Not a valid patient id.').optional();
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2024-05-01.').optional();
const ListQuery = z.object({ patient, from: day, to: day, q: z.string().max(100).optional() });
const TrendQuery = z.object({ patient, code: z.string().regex(/^[^|,\s]*\|[^|,\s]+$/, 'Name the test as system|code, for example http://loinc.org|4548-4.') });
const PatientQuery = z.object({ patient });

/** Test results, trends and result release of the signed-in patient (or a proxied one); staff review routes. */
export function registerResultsRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get('/api/records/results', async (request) => {
    const { patient: id, ...filter } = ListQuery.parse(request.query);
    const access = await patientAccessFor(ctx, request, id);
    const locale = wantsSpanish(request.headers['accept-language']) ? 'es' : 'en';
    return ResultList.parse(await listResults({ access, db: ctx.db }, { ...filter, locale }));
  });
  app.get('/api/records/results/trend', async (request) => {
    const { patient: id, code } = TrendQuery.parse(request.query);
    const access = await patientAccessFor(ctx, request, id);
    return Trend.parse(await getTrend({ access, db: ctx.db }, code));
  });
  app.get('/api/records/results/release-preferences', async (request) => {
    const { patient: id } = PatientQuery.parse(request.query);
    const access = await patientAccessFor(ctx, request, id);
    return ReleasePreferences.parse(await getReleasePreferences({ access, db: ctx.db }));
  });
  app.put('/api/records/results/release-preferences', async (request) => {
    const { patient: id } = PatientQuery.parse(request.query);
    const access = await patientAccessFor(ctx, request, id);
    const prefs = ReleasePreferences.parse(request.body ?? {});
    return ReleasePreferences.parse(await setReleasePreferences({ access, db: ctx.db, audit: ctx.audit }, prefs));
  });
  /** Opening a result reads its notifications (this user's only). */
  app.post('/api/records/results/read', async (request, reply) => {
    const { patient: id } = PatientQuery.parse(request.query);
    const access = await patientAccessFor(ctx, request, id);
    const { item } = ResultItemRef.parse(request.body ?? {});
    await markResultOpened({ access, db: ctx.db }, item);
    return reply.status(204).send();
  });
  registerResultReviewRoutes(app, ctx);

  // New-result notifications: a sweep while the server is listening (not in app.inject tests,
  // which call announceNewResults themselves). In main.ts the demo seed runs before listen.
  let stop: (() => Promise<void>) | null = null;
  app.addHook('onListen', async () => {
    stop = startResultAnnouncer(ctx.db, app.log);
  });
  app.addHook('onClose', async () => {
    await stop?.();
  });
}
