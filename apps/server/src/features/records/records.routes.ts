import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AllergyList, ConditionList, HealthSummary, MedicationList } from '@ourchart/contracts';
import type { AppContext } from '../../context.ts';
import { patientAccessFor } from '../../platform/access/resolve.ts';
import { listAllergies, listConditions, listMedications } from './record-lists.service.ts';
import { getHealthSummary } from './summary.service.ts';

const SummaryQuery = z.object({ patient: z.string().regex(/^[A-Za-z0-9\-.]{1,64}$/, 'Not a valid patient id.').optional() });

export function registerRecordsRoutes(app: FastifyInstance, ctx: AppContext) {
  /** GET /api/records/summary[?patient=<id>]: the home-page summary of self or a proxied patient. */
  app.get('/api/records/summary', async (request) => {
    const { patient } = SummaryQuery.parse(request.query);
    const access = await patientAccessFor(ctx, request, patient);
    return HealthSummary.parse(await getHealthSummary({ access }));
  });
  /** GET /api/records/medications[?patient=<id>]: current and earlier prescriptions with structured doses. */
  app.get('/api/records/medications', async (request) => {
    const { patient } = SummaryQuery.parse(request.query);
    const access = await patientAccessFor(ctx, request, patient);
    return MedicationList.parse(await listMedications({ access }));
  });
  /** GET /api/records/allergies[?patient=<id>]: current and earlier allergies with reactions. */
  app.get('/api/records/allergies', async (request) => {
    const { patient } = SummaryQuery.parse(request.query);
    const access = await patientAccessFor(ctx, request, patient);
    return AllergyList.parse(await listAllergies({ access }));
  });
  /** GET /api/records/conditions[?patient=<id>]: current and earlier conditions. */
  app.get('/api/records/conditions', async (request) => {
    const { patient } = SummaryQuery.parse(request.query);
    const access = await patientAccessFor(ctx, request, patient);
    return ConditionList.parse(await listConditions({ access }));
  });
}
