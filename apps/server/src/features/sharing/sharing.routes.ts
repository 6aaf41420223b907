import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { CreatedShare, CreateShareRequest, SharedDownloadRequest, SharedRecord, SharedViewRequest, ShareList, ShareSummary, TransmitRequest, TransmitResult } from '@ourchart/contracts';
import type { AppContext } from '../../context.ts';
import { patientAccessFor } from '../../platform/access/resolve.ts';
import { AppError } from '../../platform/http/errors.ts';
import { wantsSpanish } from '../../platform/http/messages-es.ts';
import { perMinute } from '../auth/auth.routes.ts';
import { sendShareProblem, ShareProblem } from './share-problems.ts';
import { downloadSharedRecord, viewSharedRecord } from './shared-view.service.ts';
import { createShare, listShares, revokeShare, transmitRecord } from './sharing.service.ts';

const PatientQuery = z.object({ patient: z.string().regex(/^[A-Za-z0-9\-.]{1,64}$/, 'Not a valid patient id.').optional() });
// Any other id is simply not one of this patient's shares: 404, as for every id that is not theirs.
const ShareId = z.object({ id: z.string() }).transform(({ id }) => {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) throw new AppError('NOT_FOUND', 'We could not find an active share with that id.');
  return { id };
});
const locale = (request: FastifyRequest) => (wantsSpanish(request.headers['accept-language']) ? 'es' : 'en') as 'en' | 'es';

/** Share problems (expired, revoked, locked, code) are answered here; anything else goes to the error handler. */
async function orShareProblem<T>(request: FastifyRequest, reply: FastifyReply, fn: () => Promise<T>) {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof ShareProblem) return sendShareProblem(reply, request, err);
    throw err;
  }
}

/**
 * Transmit and share (ONC 170.315(e)(1)). Signed-in: make, list and revoke share links, and send
 * the record by email. Public (anyone holding a link, rate limited per IP): view or download what
 * a link shares. The link's token only ever arrives in a POST body, never in a URL.
 */
export function registerSharingRoutes(app: FastifyInstance, ctx: AppContext) {
  app.post('/api/shares', async (request) => {
    const { patient } = PatientQuery.parse(request.query);
    const input = CreateShareRequest.parse(request.body);
    const access = await patientAccessFor(ctx, request, patient);
    return CreatedShare.parse(await createShare({ ctx, access }, input));
  });
  app.get('/api/shares', async (request) => {
    const { patient } = PatientQuery.parse(request.query);
    const access = await patientAccessFor(ctx, request, patient);
    return ShareList.parse({ shares: await listShares({ ctx, access }) });
  });
  app.post('/api/shares/:id/revoke', async (request) => {
    const { patient } = PatientQuery.parse(request.query);
    const { id } = ShareId.parse(request.params);
    const access = await patientAccessFor(ctx, request, patient);
    return ShareSummary.parse(await revokeShare({ ctx, access }, id));
  });
  app.post('/api/records/transmit', { config: perMinute(ctx, 10) }, async (request) => {
    const { patient } = PatientQuery.parse(request.query);
    const input = TransmitRequest.parse(request.body);
    const access = await patientAccessFor(ctx, request, patient);
    return TransmitResult.parse({ share: await transmitRecord({ ctx, access }, input, locale(request)) });
  });

  app.post('/api/shared/view', { config: { ...perMinute(ctx, 30), public: true } }, async (request, reply) => {
    const input = SharedViewRequest.parse(request.body);
    return orShareProblem(request, reply, async () => SharedRecord.parse(await viewSharedRecord(ctx, input, { ip: request.ip, requestId: request.id })));
  });
  app.post('/api/shared/download', { config: { ...perMinute(ctx, 20), public: true } }, async (request, reply) => {
    const input = SharedDownloadRequest.parse(request.body);
    return orShareProblem(request, reply, async () => {
      const file = await downloadSharedRecord(ctx, input, { ip: request.ip, requestId: request.id }, locale(request));
      return reply.type(file.contentType).header('content-disposition', `attachment; filename="${file.filename}"`).send(file.body);
    });
  });
}
