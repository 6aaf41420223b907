import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { NotificationList } from '@ourchart/contracts';
import type { AppContext } from '../../context.ts';
import { requireAuth } from '../../platform/auth/request-auth.ts';
import { listNotifications, markNotificationsRead } from '../../platform/notifications/notifications.ts';

const MarkRead = z.object({ ids: z.array(z.string().uuid('Not a notification id.')).min(1).max(200).optional() }).strict();

/** The signed-in user's in-app notifications. They name items, not clinical content. */
export function registerNotificationRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get('/api/notifications', async (request) => {
    const { user } = requireAuth(request);
    return NotificationList.parse(await listNotifications(ctx.db, user.id));
  });
  /** Body { ids } marks those read; an empty body marks all read. Answers the new list. */
  app.post('/api/notifications/read', async (request) => {
    const { user } = requireAuth(request);
    const { ids } = MarkRead.parse(request.body ?? {});
    await markNotificationsRead(ctx.db, user.id, ids);
    return NotificationList.parse(await listNotifications(ctx.db, user.id));
  });
}
