import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ReadingInput, SavedReading, VitalKind, VitalsList } from '@ourchart/contracts';
import type { AppContext } from '../../context.ts';
import { patientAccessFor } from '../../platform/access/resolve.ts';
import { addReading } from './readings.service.ts';
import { getVitals } from './vitals.service.ts';

const patient = z.string().regex(/^[A-Za-z0-9\-.]{1,64}$/, 'Not a valid patient id.').optional();
const VitalsQuery = z.object({ patient, code: z.enum(VitalKind.options, 'Choose blood-pressure, weight, glucose, heart-rate or bmi.').optional() });
const ReadingsQuery = z.object({ patient });

/** Vital-sign charts (clinic and home readings) and patient-entered readings. */
export function registerVitalsRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get('/api/records/vitals', async (request) => {
    const { patient: id, code } = VitalsQuery.parse(request.query);
    const access = await patientAccessFor(ctx, request, id);
    return VitalsList.parse(await getVitals({ access }, code ? [code] : VitalKind.options));
  });
  app.post('/api/records/readings', async (request, reply) => {
    const { patient: id } = ReadingsQuery.parse(request.query);
    // Who may write is settled before the body is looked at: another patient's id is 404 either way.
    const access = await patientAccessFor(ctx, request, id);
    const input = ReadingInput.parse(request.body ?? {});
    const saved = SavedReading.parse(await addReading({ ctx, access }, input));
    return reply.status(201).send(saved);
  });
}
