import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { DocumentContentQuery, DocumentList, DocumentsQuery, VisitList } from '@ourchart/contracts';
import type { AppContext } from '../../context.ts';
import { patientAccessFor } from '../../platform/access/resolve.ts';
import { getDocumentContent, listDocuments } from './documents.service.ts';
import { listVisits } from './visits.service.ts';

const PatientQuery = z.object({ patient: z.string().regex(/^[A-Za-z0-9\-.]{1,64}$/, 'Not a valid patient id.').optional() });
const DocumentParams = z.object({ id: z.string().regex(/^[A-Za-z0-9\-.]{1,64}$/, 'Not a valid document id.') });

/*
 * What the browser may do with a served attachment: nothing active. A sanitized note opens as a
 * sandboxed page without scripts, styles or plug-ins; a PDF may use the built-in viewer (object-src)
 * and be framed by our own pages (the Documents page shows it inline).
 */
const CONTENT_POLICY = {
  html: "default-src 'none'; sandbox; frame-ancestors 'self'",
  pdf: "default-src 'none'; object-src 'self'; frame-ancestors 'self'",
  other: "default-src 'none'; sandbox; frame-ancestors 'none'",
};

/** Past visits with their notes, and the clinical documents API (contract: packages/contracts/src/visits.ts). */
export function registerVisitsRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get('/api/records/visits', async (request) => {
    const { patient } = PatientQuery.parse(request.query);
    const access = await patientAccessFor(ctx, request, patient);
    return VisitList.parse(await listVisits({ access }));
  });
  app.get('/api/records/documents', async (request) => {
    const { patient, encounter } = DocumentsQuery.parse(request.query);
    const access = await patientAccessFor(ctx, request, patient);
    return DocumentList.parse(await listDocuments({ access }, { encounterId: encounter }));
  });
  app.get('/api/records/documents/:id/content', async (request, reply) => {
    const { id } = DocumentParams.parse(request.params);
    const { index, patient, download } = DocumentContentQuery.parse(request.query);
    const access = await patientAccessFor(ctx, request, patient);
    const content = await getDocumentContent({ access }, id, { index, download: download === '1' });
    const kind = content.contentType.startsWith('text/html') ? 'html' : content.contentType === 'application/pdf' ? 'pdf' : 'other';
    return reply
      .type(content.contentType)
      .header('content-security-policy', CONTENT_POLICY[kind])
      .header('content-disposition', `${content.inline ? 'inline' : 'attachment'}; filename="${content.filename}"`)
      .send(content.body);
  });
}
