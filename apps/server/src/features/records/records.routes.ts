import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { HealthSummary } from '@ourchart/contracts';
import type { AppContext } from '../../context.ts';
import { patientAccessFor } from '../../platform/access/resolve.ts';
import { getHealthSummary } from './summary.service.ts';

const SummaryQuery = z.object({ patient: z.string().regex(/^[A-Za-z0-9\-.]{1,64}$/, 'Not a valid patient id.').optional() });

export function registerRecordsRoutes(app: FastifyInstance, ctx: AppContext) {
  /** GET /api/records/summary[?patient=<id>]: the home-page summary of self or a proxied patient. */
  app.get('/api/records/summary', async (request) => {
    const { patient } = SummaryQuery.parse(request.query);
    const access = await patientAccessFor(ctx, request, patient);
    return HealthSummary.parse(await getHealthSummary({ access }));
  });
}
