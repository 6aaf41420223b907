import type { GroupPreference, NotificationList, NotificationPreferences, PushSubscriptionInput } from '@ourchart/contracts';
import { apiRequest } from '../../api/client.ts';

export const getNotifications = () => apiRequest<NotificationList>('GET', '/api/notifications');

/** Marks the given notifications read, or all of them without ids. Answers the new list. */
export const markRead = (ids?: string[]) => apiRequest<NotificationList>('POST', '/api/notifications/read', ids ? { ids } : {});

export const getPreferences = () => apiRequest<NotificationPreferences>('GET', '/api/notifications/preferences');

export const savePreferences = (groups: GroupPreference[]) => apiRequest<NotificationPreferences>('PUT', '/api/notifications/preferences', { groups });

export const addPushSubscription = (sub: PushSubscriptionInput) => apiRequest<NotificationPreferences>('POST', '/api/notifications/push-subscriptions', sub);

export const removePushSubscription = (endpoint: string) => apiRequest<NotificationPreferences>('DELETE', '/api/notifications/push-subscriptions', { endpoint });
