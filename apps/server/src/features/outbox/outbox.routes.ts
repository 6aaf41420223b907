import type { FastifyInstance } from 'fastify';
import { OutboxPage, OutboxQuery } from '@ourchart/contracts';
import type { AppContext } from '../../context.ts';
import { requireStaff } from '../../platform/access/staff-access.ts';
import { OUTBOX_ROLES, readOutbox } from './outbox.service.ts';

/** GET /api/staff/outbox?page=N: the demo mail outbox (404 when SMTP_URL is set). */
export function registerOutboxRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get('/api/staff/outbox', async (request) => {
    const user = await requireStaff(ctx, request, { roles: OUTBOX_ROLES });
    const { page } = OutboxQuery.parse(request.query);
    return OutboxPage.parse(await readOutbox(ctx, user, { ip: request.ip, requestId: request.id }, page));
  });
}
