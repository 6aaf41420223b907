import type { AuthorKind } from '@ourchart/contracts';
import type { AppContext } from '../../context.ts';

/** What happened, without content: ids only, so no PHI reaches a listener that logs or sends it on. */
export type MessagePostedEvent = { threadId: string; messageId: string; patientId: string; poolId: string; authorKind: AuthorKind; authorUserId: string; /** How many users got an in-app notification in the message's transaction. */ notified: number };

type Listener = (ctx: AppContext, event: MessagePostedEvent) => Promise<void> | void;
const listeners: Listener[] = [];

/**
 * Adds a listener for posted messages. Email that says "you have a message", live updates (SSE)
 * and web push hook in here (a later slice); the in-app notification itself is written in the
 * message's own transaction, so it cannot be lost. Returns the function that removes the listener.
 */
export function onMessagePosted(listener: Listener): () => void {
  listeners.push(listener);
  return () => {
    const at = listeners.indexOf(listener);
    if (at >= 0) listeners.splice(at, 1);
  };
}

/**
 * Called once after a message's transaction commits (never inside it). A failing listener is
 * logged (ids only) and does not fail the request: the message is already stored and notified in-app.
 */
export async function messagePosted(ctx: AppContext, event: MessagePostedEvent, log?: { error: (o: object, msg: string) => void }): Promise<void> {
  for (const listener of listeners) {
    try {
      await listener(ctx, event);
    } catch (err) {
      log?.error({ err: (err as Error).name, threadId: event.threadId, messageId: event.messageId }, 'message-posted listener failed');
    }
  }
}
