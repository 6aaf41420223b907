import type { FastifyInstance } from 'fastify';
import { tooMany } from '../auth/throttle.ts';

const WINDOW_MS = 60_000;

/**
 * Rate-limits 404s per client address: probing for other people's record ids (or routes) gets
 * "Too many attempts" after `max` misses a minute. Kept in memory per node: a cheap first line
 * that needs no database write per miss.
 */
export function limitNotFound(app: FastifyInstance, max = 30) {
  const misses = new Map<string, { count: number; since: number }>();
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const entry = misses.get(request.ip);
    if (entry && Date.now() - entry.since < WINDOW_MS && entry.count >= max) {
      throw tooMany(Math.ceil((entry.since + WINDOW_MS - Date.now()) / 1000));
    }
  });
  app.addHook('onResponse', async (request, reply) => {
    if (reply.statusCode !== 404 || !request.url.startsWith('/api/')) return;
    const now = Date.now();
    const entry = misses.get(request.ip);
    if (!entry || now - entry.since >= WINDOW_MS) misses.set(request.ip, { count: 1, since: now });
    else entry.count++;
    if (misses.size > 10_000) for (const [ip, e] of misses) if (now - e.since >= WINDOW_MS) misses.delete(ip);
  });
}
