import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../../platform/db/db.ts';
import { publishLiveEvent } from '../../platform/events/publish.ts';
import { notifyUser } from '../../platform/notifications/notifications.ts';
import { createPatientUser, createTestApp, CSRF, type TestApp } from '../../test/app.ts';
import { testDrivers } from '../../test/databases.ts';
import { createStaffUser, sessionCookie } from '../staff/staff-fixtures.ts';
import { messagePosted } from '../messaging/message-posted.ts';
import { openStream } from './event-stream-client.ts';
import { liveStreamTiming } from './events.routes.ts';

describe.each(testDrivers)('live events (server-sent) on $name', (driver) => {
  let h: TestApp;
  let baseUrl: string;

  beforeAll(async () => {
    // A short heartbeat, so a session that ends is noticed within the test (25 s in production).
    liveStreamTiming.heartbeatMs = 200;
    h = await createTestApp(driver);
    await h.app.listen({ port: 0, host: '127.0.0.1' });
    baseUrl = `http://127.0.0.1:${(h.app.server.address() as { port: number }).port}`;
  });
  afterAll(async () => {
    liveStreamTiming.heartbeatMs = 25_000;
    await h?.close();
  });

  const message = () => ({ kind: 'message-received' as const, entityType: 'MessageThread', entityId: randomUUID() });

  it('refuses a signed-out caller', async () => {
    const res = await fetch(`${baseUrl}/api/events`);
    expect(res.status).toBe(401);
  });

  it('sends the unread count, then each committed notification (ids, no content); never a rolled-back one', async () => {
    const u = await createPatientUser(h.ctx);
    const cookie = await sessionCookie(h.ctx, u.userId);
    await notifyUser(h.ctx.db, u.userId, u.patientId, message());
    const stream = await openStream(baseUrl, cookie);
    try {
      await stream.waitFor((e) => e.type === 'unread' && e.unread === 1);
      const doomed = message();
      await h.ctx.db.transaction(async (tx) => {
        await notifyUser(tx, u.userId, u.patientId, doomed);
        throw new Error('rolled back');
      }).catch(() => {});
      const kept = message();
      await h.ctx.db.transaction((tx) => notifyUser(tx, u.userId, u.patientId, kept));
      const event = await stream.waitFor((e) => e.type === 'notification');
      expect(event).toMatchObject({ type: 'notification', kind: 'message-received', entityType: 'MessageThread', entityId: kept.entityId, patientId: u.patientId, unread: 2 });
      expect(Object.keys(event).sort()).toEqual(['entityId', 'entityType', 'id', 'kind', 'patientId', 'type', 'unread']);
      await new Promise((r) => setTimeout(r, 300));
      expect(JSON.stringify(stream.events)).not.toContain(doomed.entityId);
      // Someone else's notification does not reach this stream.
      const other = await createPatientUser(h.ctx);
      const theirs = message();
      await notifyUser(h.ctx.db, other.userId, other.patientId, theirs);
      // Reading in another tab updates the count here.
      const read = await h.app.inject({ method: 'POST', url: '/api/notifications/read', headers: { ...CSRF, cookie }, payload: {} });
      expect(read.json().unread).toBe(0);
      await stream.waitFor((e) => e.type === 'unread' && e.unread === 0);
      expect(JSON.stringify(stream.events)).not.toContain(theirs.entityId);
      // Heartbeats keep proxies from closing an idle stream.
      expect(stream.comments).toContain(': heartbeat');
    } finally {
      stream.close();
    }
  });

  it('passes on change events for open pages (publishLiveEvent)', async () => {
    const u = await createPatientUser(h.ctx);
    const stream = await openStream(baseUrl, await sessionCookie(h.ctx, u.userId));
    try {
      await publishLiveEvent(h.ctx.db, [u.userId], { type: 'change', entityType: 'MessageThread', entityId: 'thread-1', patientId: u.patientId });
      await stream.waitFor((e) => e.type === 'change' && e.entityId === 'thread-1');
    } finally {
      stream.close();
    }
  });

  it('tells the people on a conversation when a message is posted (messagePosted hook)', async () => {
    const u = await createPatientUser(h.ctx);
    const nurse = await createStaffUser(h.ctx, { role: 'nurse', organizationId: null });
    const poolId = `pool-${randomUUID()}`;
    await h.ctx.db.query(`INSERT INTO message_pools (id, kind, name_en, name_es, reply_time_en, reply_time_es) VALUES ($1, 'front-desk', 'Desk', 'Recepción', '1 day', '1 día')`, [poolId]);
    await h.ctx.db.query('INSERT INTO message_pool_members (pool_id, user_id) VALUES ($1, $2)', [poolId, nurse.userId]);
    const patientStream = await openStream(baseUrl, await sessionCookie(h.ctx, u.userId));
    const nurseStream = await openStream(baseUrl, nurse.cookie);
    try {
      await messagePosted(h.ctx, { threadId: 'thread-9', messageId: 'm-1', patientId: u.patientId, poolId, authorKind: 'patient', authorUserId: u.userId, notified: 1 });
      for (const s of [patientStream, nurseStream]) await s.waitFor((e) => e.type === 'change' && e.entityType === 'MessageThread' && e.entityId === 'thread-9');
    } finally {
      patientStream.close();
      nurseStream.close();
    }
  });

  it('is not activity: the open stream leaves the idle timer alone', async () => {
    const u = await createPatientUser(h.ctx);
    const cookie = await sessionCookie(h.ctx, u.userId);
    const before = await h.ctx.db.query<{ last_seen_at: Date }>('SELECT last_seen_at FROM sessions WHERE user_id = $1', [u.userId]);
    const stream = await openStream(baseUrl, cookie);
    try {
      await stream.waitFor((e) => e.type === 'unread');
      await new Promise((r) => setTimeout(r, 700)); // a few heartbeats and session checks
      const after = await h.ctx.db.query<{ last_seen_at: Date }>('SELECT last_seen_at FROM sessions WHERE user_id = $1', [u.userId]);
      expect(new Date(after[0]!.last_seen_at).getTime()).toBe(new Date(before[0]!.last_seen_at).getTime());
      // An ordinary request does count (the check above can fail).
      await h.app.inject({ url: '/api/notifications', headers: { cookie } });
      const touched = await h.ctx.db.query<{ last_seen_at: Date }>('SELECT last_seen_at FROM sessions WHERE user_id = $1', [u.userId]);
      expect(new Date(touched[0]!.last_seen_at).getTime()).toBeGreaterThan(new Date(before[0]!.last_seen_at).getTime());
    } finally {
      stream.close();
    }
  });

  it('ends when the person signs out, and when the session idles out', async () => {
    const u = await createPatientUser(h.ctx);
    const cookie = await sessionCookie(h.ctx, u.userId);
    const stream = await openStream(baseUrl, cookie);
    await stream.waitFor((e) => e.type === 'unread');
    const out = await h.app.inject({ method: 'POST', url: '/api/auth/sign-out', headers: { ...CSRF, cookie } });
    expect(out.statusCode).toBe(204);
    await expect(Promise.race([stream.ended.then(() => 'ended'), new Promise((r) => setTimeout(() => r('still open'), 3000))])).resolves.toBe('ended');

    const cookie2 = await sessionCookie(h.ctx, u.userId);
    const idle = await openStream(baseUrl, cookie2);
    await idle.waitFor((e) => e.type === 'unread');
    await h.ctx.db.query(`UPDATE sessions SET last_seen_at = now() - interval '1 day' WHERE user_id = $1`, [u.userId]);
    await expect(Promise.race([idle.ended.then(() => 'ended'), new Promise((r) => setTimeout(() => r('still open'), 3000))])).resolves.toBe('ended');
  });

  // Several nodes exist only with PostgreSQL (PGlite is one process).
  if (driver.name === 'postgres') it('reaches the stream from another node (a second connection pool on the same database)', async () => {
    const u = await createPatientUser(h.ctx);
    const stream = await openStream(baseUrl, await sessionCookie(h.ctx, u.userId));
    const [{ name }] = (await h.ctx.db.query<{ name: string }>('SELECT current_database() AS name')) as [{ name: string }];
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = `/${name}`;
    const otherNode = await openDb({ databaseUrl: url.toString() });
    try {
      await stream.waitFor((e) => e.type === 'unread');
      const target = message();
      await otherNode.transaction((tx) => notifyUser(tx, u.userId, u.patientId, target));
      await stream.waitFor((e) => e.type === 'notification' && e.entityId === target.entityId);
    } finally {
      stream.close();
      await otherNode.close();
    }
  });
});
