import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { EstimatePage } from '@ourchart/contracts';
import type { AppContext } from '../../context.ts';
import { patientAccessFor } from '../../platform/access/resolve.ts';
import { wantsSpanish } from '../../platform/http/messages-es.ts';
import { estimatePage } from './estimates.service.ts';

const safeId = z.string().regex(/^[A-Za-z0-9\-.]{1,64}$/, 'Not a valid id.');
const Query = z.object({ patient: safeId.optional(), visitType: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'Choose a visit type from the list.').optional() });

/** Price estimates for patients and proxies with the billing scope: GET /api/billing/estimate[?visitType=id]. */
export function registerEstimateRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get('/api/billing/estimate', async (request) => {
    const { patient, visitType } = Query.parse(request.query);
    const access = await patientAccessFor(ctx, request, patient);
    return EstimatePage.parse(await estimatePage({ ctx, access }, visitType, wantsSpanish(request.headers['accept-language']) ? 'es' : 'en'));
  });
}
