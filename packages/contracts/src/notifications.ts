import { z } from 'zod';

/** What a notification is about. The words are the web app's (both languages); the server sends the kind only. */
export const NotificationKind = z.enum(['result-available', 'result-reviewed', 'share-viewed', 'amendment-decided', 'care-due', 'waitlist-offer', 'waitlist-offer-taken', 'appointment-reminder', 'care-alert', 'message-received', 'message-waiting', 'proxy-granted', 'proxy-ended', 'refill-decided', 'refill-waiting', 'payment-received', 'payment-plan-reminder', 'insurance-reviewed', 'assistance-waiting', 'assistance-decided']);
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

/**
 * Kinds grouped the way people choose how to hear about them (email and push per group).
 * care-alerts is for staff only.
 */
export const NotificationGroup = z.enum(['messages', 'results', 'appointments', 'record', 'care-alerts']);
export type NotificationGroup = z.infer<typeof NotificationGroup>;

export const GroupPreference = z.object({ group: NotificationGroup, email: z.boolean(), push: z.boolean() }).strict();
export type GroupPreference = z.infer<typeof GroupPreference>;

/** GET /api/notifications/preferences → the groups this account can set, and whether push works here. */
export const NotificationPreferences = z.object({
  groups: z.array(GroupPreference),
  /** The VAPID public key browsers subscribe with; null when push is not set up on this server. */
  pushPublicKey: z.string().nullable(),
  /** How many browsers of this account receive pushes. */
  pushDevices: z.number().int(),
});
export type NotificationPreferences = z.infer<typeof NotificationPreferences>;

/** PUT /api/notifications/preferences: the groups to change (others keep their values). */
export const SaveNotificationPreferences = z.object({ groups: z.array(GroupPreference).min(1, 'Choose at least one setting.').max(10) }).strict();
export type SaveNotificationPreferences = z.infer<typeof SaveNotificationPreferences>;

/** A browser's PushSubscription (its toJSON()), as POST /api/notifications/push-subscriptions takes it. */
export const PushSubscriptionInput = z.object({
  endpoint: z.string().url('The push address is not a web address.').max(2000).refine((u) => u.startsWith('https://'), 'The push address must start with https://.'),
  keys: z.object({ p256dh: z.string().min(20).max(200), auth: z.string().min(8).max(100) }),
  expirationTime: z.number().nullable().optional(),
});
export type PushSubscriptionInput = z.infer<typeof PushSubscriptionInput>;

/** DELETE /api/notifications/push-subscriptions: stop pushes to this browser. */
export const PushUnsubscribeInput = z.object({ endpoint: z.string().max(2000) }).strict();
export type PushUnsubscribeInput = z.infer<typeof PushUnsubscribeInput>;

/**
 * One server-sent event on GET /api/events (the `data:` JSON). Names what changed, never content:
 * - notification: a notification was created for this user (with the new unread count);
 * - unread: the unread count changed (read in another tab, or the count when the stream opens);
 * - change: an item changed that open pages may want to reload (a thread got a reply...).
 */
export const LiveEvent = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('notification'), id: z.string(), kind: NotificationKind, patientId: z.string(),
    entityType: z.string().nullable(), entityId: z.string().nullable(), unread: z.number().int(),
  }),
  z.object({ type: z.literal('unread'), unread: z.number().int() }),
  z.object({ type: z.literal('change'), entityType: z.string(), entityId: z.string(), patientId: z.string().nullable() }),
]);
export type LiveEvent = z.infer<typeof LiveEvent>;
