import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { INSURANCE_PHOTO_LIMITS, InsuranceOverview, InsuranceRejection, InsuranceUpdate, StaffInsuranceUpdate, StaffInsuranceUpdateList } from '@ourchart/contracts';
import type { AppContext } from '../../context.ts';
import { patientAccessFor } from '../../platform/access/resolve.ts';
import { requireStaff } from '../../platform/access/staff-access.ts';
import { readCardForm } from './card-photos.ts';
import { insuranceOverview, submitInsuranceUpdate } from './insurance.service.ts';
import { INSURANCE_STAFF_ROLES, acceptUpdate, cardPhoto, findReviewable, listInsuranceQueue, rejectUpdate, staffDepsFor } from './staff-insurance.service.ts';

const safeId = (what: string) => z.string().regex(/^[A-Za-z0-9\-.]{1,64}$/, `Not a valid ${what} id.`);
const PatientQuery = z.object({ patient: safeId('patient').optional() });
const IdParam = z.object({ id: safeId('insurance update') });
const QueueQuery = z.object({ status: z.enum(['pending', 'decided'], { error: 'Choose status=pending or status=decided.' }).default('pending') });

/** Two photos of 10 MB plus the text fields and multipart framing. */
const UPLOAD_LIMIT = 2 * INSURANCE_PHOTO_LIMITS.bytes + 1024 * 1024;

/**
 * Insurance. Patients and proxies with the billing scope: /api/billing/insurance (route-features.ts
 * maps /api/billing to `billing`). Staff (roles staff and admin, patients on their care team):
 * /api/staff/billing/insurance-updates. Multipart (card photos) is registered in this plugin only.
 */
export function registerInsuranceRoutes(app: FastifyInstance, ctx: AppContext) {
  app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: INSURANCE_PHOTO_LIMITS.bytes, files: 2, fields: 10, fieldSize: 4 * 1024, parts: 14 } });

    scope.get('/api/billing/insurance', async (request) => {
      const access = await patientAccessFor(ctx, request, PatientQuery.parse(request.query).patient);
      return InsuranceOverview.parse(await insuranceOverview({ ctx, access }));
    });

    scope.post('/api/billing/insurance/updates', { bodyLimit: UPLOAD_LIMIT }, async (request, reply) => {
      const access = await patientAccessFor(ctx, request, PatientQuery.parse(request.query).patient);
      await access.require('billing');
      const form = await readCardForm(request);
      return reply.status(201).send(InsuranceUpdate.parse(await submitInsuranceUpdate({ ctx, access }, form)));
    });

    scope.get('/api/staff/billing/insurance-updates', async (request) => {
      const deps = staffDepsFor(ctx, request, await requireStaff(ctx, request, { roles: INSURANCE_STAFF_ROLES }));
      const { status } = QueueQuery.parse(request.query);
      return StaffInsuranceUpdateList.parse({ updates: await listInsuranceQueue(deps, status === 'pending') });
    });

    for (const side of ['front', 'back'] as const) {
      scope.get(`/api/staff/billing/insurance-updates/:id/${side}`, async (request, reply) => {
        const deps = staffDepsFor(ctx, request, await requireStaff(ctx, request, { roles: INSURANCE_STAFF_ROLES }));
        const target = await findReviewable(deps, IdParam.parse(request.params).id);
        return sendPhoto(reply, await cardPhoto(deps, target, side));
      });
    }

    scope.post('/api/staff/billing/insurance-updates/:id/accept', async (request) => {
      const deps = staffDepsFor(ctx, request, await requireStaff(ctx, request, { roles: INSURANCE_STAFF_ROLES }));
      const target = await findReviewable(deps, IdParam.parse(request.params).id);
      return StaffInsuranceUpdate.parse(await acceptUpdate(deps, target));
    });

    scope.post('/api/staff/billing/insurance-updates/:id/reject', async (request) => {
      const deps = staffDepsFor(ctx, request, await requireStaff(ctx, request, { roles: INSURANCE_STAFF_ROLES }));
      // Whose update it is is settled before the body is read: an outsider learns nothing from a 400.
      const target = await findReviewable(deps, IdParam.parse(request.params).id);
      const { reason } = InsuranceRejection.parse(request.body ?? {});
      return StaffInsuranceUpdate.parse(await rejectUpdate(deps, target, reason));
    });
  });
}

/** A card photo, shown inline to staff (pictures only; nosniff, never cached). */
function sendPhoto(reply: FastifyReply, photo: { contentType: string; bytes: Buffer }) {
  return reply.header('content-type', photo.contentType).header('content-disposition', 'inline').header('x-content-type-options', 'nosniff').send(photo.bytes);
}
