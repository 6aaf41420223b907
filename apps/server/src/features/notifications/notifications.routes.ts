import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { NotificationList, NotificationPreferences, PushSubscriptionInput, PushUnsubscribeInput, SaveNotificationPreferences } from '@ourchart/contracts';
import type { AppContext } from '../../context.ts';
import { requireAuth } from '../../platform/auth/request-auth.ts';
import { publishLiveEvent } from '../../platform/events/publish.ts';
import { listNotifications, markNotificationsRead } from '../../platform/notifications/notifications.ts';
import { readPreferences, savePreferences, subscribePush, unsubscribePush } from './preferences.service.ts';

const MarkRead = z.object({ ids: z.array(z.string().uuid('Not a notification id.')).min(1).max(200).optional() }).strict();

/** The signed-in user's in-app notifications and how they hear about them. They name items, not clinical content. */
export function registerNotificationRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get('/api/notifications', async (request) => {
    const { user } = requireAuth(request);
    return NotificationList.parse(await listNotifications(ctx.db, user.id));
  });
  /** Body { ids } marks those read; an empty body marks all read. Answers the new list; other open tabs hear the new count. */
  app.post('/api/notifications/read', async (request) => {
    const { user } = requireAuth(request);
    const { ids } = MarkRead.parse(request.body ?? {});
    const changed = await markNotificationsRead(ctx.db, user.id, ids);
    const list = NotificationList.parse(await listNotifications(ctx.db, user.id));
    if (changed > 0) await publishLiveEvent(ctx.db, [user.id], { type: 'unread', unread: list.unread });
    return list;
  });

  app.get('/api/notifications/preferences', async (request) => {
    const { user } = requireAuth(request);
    return NotificationPreferences.parse(await readPreferences(ctx, user));
  });
  app.put('/api/notifications/preferences', async (request) => {
    const { user } = requireAuth(request);
    const body = SaveNotificationPreferences.parse(request.body ?? {});
    return NotificationPreferences.parse(await savePreferences(ctx, user, body.groups));
  });
  /** This browser agreed to receive pushes (its PushSubscription.toJSON()). */
  app.post('/api/notifications/push-subscriptions', async (request, reply) => {
    const { user } = requireAuth(request);
    const body = PushSubscriptionInput.parse(request.body ?? {});
    reply.status(201);
    return NotificationPreferences.parse(await subscribePush(ctx, user, body));
  });
  app.delete('/api/notifications/push-subscriptions', async (request) => {
    const { user } = requireAuth(request);
    const { endpoint } = PushUnsubscribeInput.parse(request.body ?? {});
    return NotificationPreferences.parse(await unsubscribePush(ctx, user, endpoint));
  });
}
