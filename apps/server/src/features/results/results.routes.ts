import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ResultList, Trend } from '@ourchart/contracts';
import type { AppContext } from '../../context.ts';
import { patientAccessFor } from '../../platform/access/resolve.ts';
import { wantsSpanish } from '../../platform/http/messages-es.ts';
import { getTrend, listResults } from './results.service.ts';

const patient = z.string().regex(/^[A-Za-z0-9\-.]{1,64}$/, 'Not a valid patient id.').optional();
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2024-05-01.').optional();
const ListQuery = z.object({ patient, from: day, to: day, q: z.string().max(100).optional() });
const TrendQuery = z.object({ patient, code: z.string().regex(/^[^|,\s]*\|[^|,\s]+$/, 'Name the test as system|code, for example http://loinc.org|4548-4.') });

/** Test results and trends of the signed-in patient (or a proxied one). */
export function registerResultsRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get('/api/records/results', async (request) => {
    const { patient: id, ...filter } = ListQuery.parse(request.query);
    const access = await patientAccessFor(ctx, request, id);
    const locale = wantsSpanish(request.headers['accept-language']) ? 'es' : 'en';
    return ResultList.parse(await listResults({ access }, { ...filter, locale }));
  });
  app.get('/api/records/results/trend', async (request) => {
    const { patient: id, code } = TrendQuery.parse(request.query);
    const access = await patientAccessFor(ctx, request, id);
    return Trend.parse(await getTrend({ access }, code));
  });
}
