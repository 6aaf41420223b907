import type { GroupPreference, NotificationPreferences, PushSubscriptionInput } from '@ourchart/contracts';
import type { AppContext } from '../../context.ts';
import type { User } from '../../platform/auth/users.ts';
import { AppError } from '../../platform/http/errors.ts';
import { readGroupPreferences, saveGroupPreferences } from '../../platform/notifications/preferences.ts';
import { countPushSubscriptions, deletePushSubscription, savePushSubscription, vapidKeys } from '../../platform/notifications/push.ts';

// Notification settings are about the account, not a patient's record: no PatientAccess, and
// nothing here is PHI. Changes are audited like other account settings.

/** The account's email and push choices per group, and whether this server can push. */
export async function readPreferences(ctx: AppContext, user: User): Promise<NotificationPreferences> {
  return {
    groups: await readGroupPreferences(ctx.db, user.id, user.role),
    pushPublicKey: vapidKeys(ctx.config)?.publicKey ?? null,
    pushDevices: await countPushSubscriptions(ctx.db, user.id),
  };
}

export async function savePreferences(ctx: AppContext, user: User, groups: GroupPreference[]): Promise<NotificationPreferences> {
  await ctx.db.transaction((tx) => saveGroupPreferences(tx, user.id, user.role, groups));
  await ctx.audit.record({ actorId: user.id, actorRole: user.role, patientId: null, action: 'notification-settings', outcome: 'success' });
  return readPreferences(ctx, user);
}

export async function subscribePush(ctx: AppContext, user: User, sub: PushSubscriptionInput): Promise<NotificationPreferences> {
  if (!vapidKeys(ctx.config)) throw new AppError('VALIDATION', 'Notifications on this device are not set up on this server. Ask your clinic, or use email.');
  await savePushSubscription(ctx.db, user.id, sub);
  return readPreferences(ctx, user);
}

export async function unsubscribePush(ctx: AppContext, user: User, endpoint: string): Promise<NotificationPreferences> {
  await deletePushSubscription(ctx.db, user.id, endpoint);
  return readPreferences(ctx, user);
}
