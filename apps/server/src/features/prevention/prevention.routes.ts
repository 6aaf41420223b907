import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ImmunizationHistory, PreventionList } from '@ourchart/contracts';
import type { AppContext } from '../../context.ts';
import { patientAccessFor } from '../../platform/access/resolve.ts';
import { getImmunizationHistory } from './immunization-history.service.ts';
import { getPrevention } from './prevention.service.ts';

const Query = z.object({ patient: z.string().regex(/^[A-Za-z0-9\-.]{1,64}$/, 'Not a valid patient id.').optional() });

/** Due and overdue vaccines and screenings of the signed-in patient (or a proxied one). */
export function registerPreventionRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get('/api/records/prevention', async (request) => {
    const { patient } = Query.parse(request.query);
    const access = await patientAccessFor(ctx, request, patient);
    return PreventionList.parse(await getPrevention({ access }));
  });
  app.get('/api/records/immunizations', async (request) => {
    const { patient } = Query.parse(request.query);
    const access = await patientAccessFor(ctx, request, patient);
    return ImmunizationHistory.parse(await getImmunizationHistory({ access }));
  });
}
