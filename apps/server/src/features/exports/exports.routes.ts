import type { FastifyInstance } from 'fastify';
import { ExportQuery } from '@ourchart/contracts';
import type { AppContext } from '../../context.ts';
import { patientAccessFor } from '../../platform/access/resolve.ts';
import { wantsSpanish } from '../../platform/http/messages-es.ts';
import { downloadRecord } from './export.service.ts';

/** Download your record: GET /api/records/export?format=pdf|ccda|fhir&from=&to=[&patient=][&lang=es]. */
export function registerExportRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get('/api/records/export', async (request, reply) => {
    const { patient, lang, ...query } = request.query as Record<string, string | undefined>;
    const { format, from, to } = ExportQuery.parse({ ...query, patient });
    const access = await patientAccessFor(ctx, request, patient);
    const locale = lang === 'es' || (lang !== 'en' && wantsSpanish(request.headers['accept-language'])) ? 'es' : 'en';
    const file = await downloadRecord({ ctx, access }, { range: { from, to }, format, locale });
    return reply.type(file.contentType).header('content-disposition', `attachment; filename="${file.filename}"`).send(file.body);
  });
}
