import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ActivityPage, AdminAlerts, AuditReport } from '@ourchart/contracts';
import type { AppContext } from '../../context.ts';
import { patientAccessFor } from '../../platform/access/resolve.ts';
import { requireStaff } from '../../platform/access/staff-access.ts';
import { getActivity } from './activity.service.ts';
import { auditReportCsv, getAdminAlerts, getAuditReport } from './audit-report.service.ts';

const id = z.string().regex(/^[A-Za-z0-9\-.]{1,64}$/, 'Not a valid id.');
const ActivityQuery = z.object({ patient: id.optional() });

/** A day (YYYY-MM-DD, UTC) or an ISO date-time. `to` as a day includes that whole day. */
const when = (end: boolean) =>
  z.union([z.iso.date(), z.iso.datetime({ offset: true })], { error: 'Use a date like 2026-01-31 or a date and time like 2026-01-31T14:00:00Z.' })
    .transform((v) => (v.length === 10 ? new Date(Date.parse(`${v}T00:00:00Z`) + (end ? 86_400_000 : 0)) : new Date(v)));
const ReportQuery = z.object({
  from: when(false).optional(),
  to: when(true).optional(),
  /** An account id, or the account's email address. */
  userId: z.union([z.string().uuid(), z.string().trim().email()], { message: 'Enter an account id or an email address.' }).optional(),
  patientId: id.optional(),
  action: z.string().regex(/^[a-z-]{1,40}$/, 'Not a valid action.').optional(),
  format: z.enum(['json', 'csv']).default('json'),
});

const client = (request: FastifyRequest) => ({ ip: request.ip, requestId: request.id });

/** Account activity (/api/account/activity) and the admin audit report and alerts (/api/admin/*). */
export function registerAuditRoutes(app: FastifyInstance, ctx: AppContext) {
  /** Who opened my record (or the record of someone I am a proxy for), newest first. */
  app.get('/api/account/activity', async (request) => {
    const { patient } = ActivityQuery.parse(request.query);
    const access = await patientAccessFor(ctx, request, patient);
    return ActivityPage.parse({ entries: await getActivity({ ctx, access }) });
  });

  app.get('/api/admin/audit', async (request, reply) => {
    const user = await requireStaff(ctx, request, { roles: ['admin'] });
    const q = ReportQuery.parse(request.query);
    const report = AuditReport.parse(
      await getAuditReport({ ctx, user, client: client(request) }, { from: q.from ?? null, to: q.to ?? null, userId: q.userId ?? null, patientId: q.patientId ?? null, action: q.action ?? null }),
    );
    if (q.format === 'json') return report;
    const stamp = new Date().toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="ourchart-audit-${stamp}.csv"`)
      .header('x-ourchart-truncated', String(report.truncated))
      .send(auditReportCsv(report));
  });

  app.get('/api/admin/alerts', async (request) => {
    const user = await requireStaff(ctx, request, { roles: ['admin'] });
    return AdminAlerts.parse({ alerts: await getAdminAlerts({ ctx, user, client: client(request) }) });
  });
}
