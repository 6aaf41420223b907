import type { AppContext } from '../../context.ts';
import { announceThreadChange } from '../messaging/thread-events.ts';
import { onMessagePosted, type MessagePostedEvent } from '../messaging/message-posted.ts';

/**
 * Live updates for conversations: after a message is stored, every open page of the people on the
 * thread (the pool's staff, the patient's own accounts, the author's other tabs) hears
 * { type: 'change', entityType: 'MessageThread' } and reloads it through the API. The other side
 * also gets a notification event (notifyUser, in the message's transaction). Ids only.
 */
export async function announceMessage(ctx: AppContext, event: MessagePostedEvent): Promise<void> {
  await announceThreadChange(ctx, { threadId: event.threadId, patientId: event.patientId, poolId: event.poolId, actorUserId: event.authorUserId });
}

let hooked = false;

/** Hooks announceMessage into messagePosted, once per process (every app built in it shares the hook). */
export function hookMessageEvents(): void {
  if (hooked) return;
  hooked = true;
  onMessagePosted((ctx, event) => announceMessage(ctx, event));
}
