import { z } from 'zod';

/** What a notification is about. The words are the web app's (both languages); the server sends the kind only. */
export const NotificationKind = z.enum(['result-available', 'result-reviewed', 'share-viewed', 'amendment-decided', 'care-due']);
export type NotificationKind = z.infer<typeof NotificationKind>;

export const NotificationItem = z.object({
  id: z.string(),
  kind: NotificationKind,
  /** Whose record it is about (self or a proxied patient). */
  patientId: z.string(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type NotificationItem = z.infer<typeof NotificationItem>;

/** GET /api/notifications → newest first, with the unread count. */
export const NotificationList = z.object({ unread: z.number().int(), items: z.array(NotificationItem) });
export type NotificationList = z.infer<typeof NotificationList>;
