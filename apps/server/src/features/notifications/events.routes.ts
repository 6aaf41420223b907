import type { FastifyInstance } from 'fastify';
import type { LiveEvent } from '@ourchart/contracts';
import type { AppContext } from '../../context.ts';
import { requireAuth } from '../../platform/auth/request-auth.ts';
import { peekSession } from '../../platform/auth/sessions.ts';
import { getUser } from '../../platform/auth/users.ts';
import { EventHub } from '../../platform/events/event-hub.ts';
import { countUnread } from '../../platform/notifications/notifications.ts';
import { hookMessageEvents } from './message-events.ts';

/** Stream timing. Tests shorten the heartbeat to see a session end without waiting 25 s. */
export const liveStreamTiming = { heartbeatMs: 25_000, retryMs: 5_000 };

/**
 * GET /api/events: live updates for the signed-in user as server-sent events (see LiveEvent:
 * kinds and ids, never content). The stream is not activity: its request and the session
 * re-check at each heartbeat leave the idle timer alone (config.passiveSession), and it ends as
 * soon as a heartbeat finds the session over (idle timeout, sign-out, revocation).
 */
export function registerEventRoutes(app: FastifyInstance, ctx: AppContext) {
  const hub = new EventHub(ctx.db, app.log);
  // Open streams would keep server.close() waiting: end them first.
  app.addHook('preClose', async () => hub.stop());
  hookMessageEvents();

  app.get('/api/events', { config: { passiveSession: true } }, async (request, reply) => {
    const { user, token } = requireAuth(request);
    await hub.start();
    const unread = await countUnread(ctx.db, user.id);
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      ...(reply.getHeaders() as Record<string, string>),
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-accel-buffering': 'no', // nginx: do not buffer the stream
      'x-request-id': request.id,
    });
    const send = (event: LiveEvent) => res.write(`data: ${JSON.stringify(event)}\n\n`);
    res.write(`retry: ${liveStreamTiming.retryMs}\n\n`);
    send({ type: 'unread', unread });

    let closed = false;
    const close = () => {
      if (closed) return;
      closed = true;
      clearInterval(heartbeat);
      remove();
      res.end();
    };
    const remove = hub.add({ userId: user.id, send, close });
    const policy = { idleSeconds: ctx.config.sessionIdleSeconds, maxSeconds: ctx.config.sessionMaxSeconds };
    const heartbeat = setInterval(() => {
      void (async () => {
        const session = await peekSession(ctx.db, token, policy).catch(() => undefined);
        const account = session && (await getUser(ctx.db, session.userId).catch(() => undefined));
        if (!session || !account || account.disabled) return close();
        if (!closed) res.write(': heartbeat\n\n');
      })();
    }, liveStreamTiming.heartbeatMs);
    heartbeat.unref();
    res.on('close', close);
  });
}
