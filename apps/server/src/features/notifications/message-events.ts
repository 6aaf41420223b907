import type { AppContext } from '../../context.ts';
import { publishLiveEvent } from '../../platform/events/publish.ts';
import { onMessagePosted, type MessagePostedEvent } from '../messaging/message-posted.ts';

/**
 * Live updates for conversations: after a message is stored, every open page of the people on the
 * thread (the pool's staff, the patient's own accounts, the author's other tabs) hears
 * { type: 'change', entityType: 'MessageThread' } and reloads it through the API. The other side
 * also gets a notification event (notifyUser, in the message's transaction). Ids only.
 */
export async function announceMessage(ctx: AppContext, event: MessagePostedEvent): Promise<void> {
  const rows = await ctx.db.query<{ id: string }>(
    `SELECT user_id::text AS id FROM message_pool_members WHERE pool_id = $1
     UNION SELECT id::text FROM users WHERE patient_id = $2`,
    [event.poolId, event.patientId],
  );
  const users = [...rows.map((r) => r.id), event.authorUserId];
  await publishLiveEvent(ctx.db, users, { type: 'change', entityType: 'MessageThread', entityId: event.threadId, patientId: event.patientId });
}

let hooked = false;

/** Hooks announceMessage into messagePosted, once per process (every app built in it shares the hook). */
export function hookMessageEvents(): void {
  if (hooked) return;
  hooked = true;
  onMessagePosted((ctx, event) => announceMessage(ctx, event));
}
