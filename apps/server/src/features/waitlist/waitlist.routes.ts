import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AcceptedOffer, NewWaitlistEntry, WaitlistEntry, WaitlistOffer, WaitlistOverview } from '@ourchart/contracts';
import type { AppContext } from '../../context.ts';
import { patientAccessFor } from '../../platform/access/resolve.ts';
import { acceptOffer, declineOffer, ownOffer } from './offers.service.ts';
import { joinWaitlist, ownEntry, stopLooking, waitlistOverview } from './waitlist.service.ts';

const PatientQuery = z.object({ patient: z.string().min(1).max(64).optional() });
const IdParam = z.object({ id: z.string().min(1).max(64) });

/**
 * The waitlist for an earlier time. Patients and proxies (?patient=<id>); every call builds the
 * PatientAccess first, so another patient's entry or offer is 404. Whose entry or offer it is is
 * settled before a body is read.
 */
export function registerWaitlistRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get('/api/waitlist', async (request) => {
    const { patient } = PatientQuery.parse(request.query);
    const access = await patientAccessFor(ctx, request, patient);
    return WaitlistOverview.parse(await waitlistOverview({ ctx, access }));
  });

  app.post('/api/waitlist', async (request, reply) => {
    const { patient } = PatientQuery.parse(request.query);
    const access = await patientAccessFor(ctx, request, patient);
    const input = NewWaitlistEntry.parse(request.body ?? {});
    return reply.status(201).send(WaitlistEntry.parse(await joinWaitlist({ ctx, access }, input)));
  });

  app.post('/api/waitlist/:id/stop', async (request) => {
    const { id } = IdParam.parse(request.params);
    const { patient } = PatientQuery.parse(request.query);
    const access = await patientAccessFor(ctx, request, patient);
    const entry = await ownEntry({ ctx, access }, id);
    return WaitlistEntry.parse(await stopLooking({ ctx, access }, entry));
  });

  app.post('/api/waitlist/offers/:id/accept', async (request) => {
    const { id } = IdParam.parse(request.params);
    const { patient } = PatientQuery.parse(request.query);
    const access = await patientAccessFor(ctx, request, patient);
    const target = await ownOffer({ ctx, access }, id);
    return AcceptedOffer.parse(await acceptOffer({ ctx, access }, target));
  });

  app.post('/api/waitlist/offers/:id/decline', async (request) => {
    const { id } = IdParam.parse(request.params);
    const { patient } = PatientQuery.parse(request.query);
    const access = await patientAccessFor(ctx, request, patient);
    const target = await ownOffer({ ctx, access }, id);
    return WaitlistOffer.parse(await declineOffer({ ctx, access }, target));
  });
}
