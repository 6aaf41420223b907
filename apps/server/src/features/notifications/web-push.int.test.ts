import { execFileSync } from 'node:child_process';
import { createECDH, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import https from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import webpush from 'web-push';
// @ts-expect-error http_ece (web-push's own encryption library) ships no types
import ece from 'http_ece';
import { registerJobs } from '../../jobs.ts';
import { runDueJobs } from '../../platform/jobs/queue.ts';
import { notifyUser } from '../../platform/notifications/notifications.ts';
import { createPatientUser, createTestApp, CSRF, type TestApp } from '../../test/app.ts';
import { testDrivers } from '../../test/databases.ts';
import { sessionCookie } from '../staff/staff-fixtures.ts';

type Received = { path: string; headers: Record<string, string | string[] | undefined>; body: Buffer };

/**
 * A local HTTPS server standing in for a browser vendor's push service: web-push really signs
 * (VAPID) and encrypts (aes128gcm) the push and POSTs it here. Each answer's status comes from
 * `nextStatus` (201 accepted, 410 "this subscription is gone").
 */
async function startPushService() {
  const dir = mkdtempSync(join(tmpdir(), 'ourchart-push-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
    '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
  const cert = readFileSync(join(dir, 'cert.pem'));
  const received: Received[] = [];
  const state = { nextStatus: 201 };
  const server = https.createServer({ cert, key: readFileSync(join(dir, 'key.pem')) }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) });
      res.statusCode = state.nextStatus;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  // web-push uses the default HTTPS agent: trust this test certificate there (and only in this process).
  https.globalAgent.options.ca = cert;
  const port = (server.address() as { port: number }).port;
  return { url: `https://127.0.0.1:${port}`, received, state, close: () => new Promise((r) => server.close(r)) };
}

/** What a browser holds: its own P-256 key pair and auth secret; the subscription carries the public half. */
function browserKeys() {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  const auth = randomBytes(16);
  return { ecdh, auth, keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: auth.toString('base64url') } };
}

describe.each(testDrivers)('web push on $name', (driver) => {
  let h: TestApp;
  let push: Awaited<ReturnType<typeof startPushService>>;
  const vapid = webpush.generateVAPIDKeys();

  beforeAll(async () => {
    registerJobs();
    push = await startPushService();
    h = await createTestApp(driver, { VAPID_PUBLIC_KEY: vapid.publicKey, VAPID_PRIVATE_KEY: vapid.privateKey, VAPID_SUBJECT: 'mailto:it@clinic.test' });
  });
  afterAll(async () => {
    await h?.close();
    await push?.close();
  });

  it('sends a signed, encrypted push that says only that something is waiting; a 410 deletes the subscription', async () => {
    const u = await createPatientUser(h.ctx);
    const cookie = await sessionCookie(h.ctx, u.userId);
    const browser = browserKeys();
    const endpoint = `${push.url}/push/${randomUUID()}`;
    const prefs = await h.app.inject({ url: '/api/notifications/preferences', headers: { cookie } });
    expect(prefs.json().pushPublicKey).toBe(vapid.publicKey);
    const sub = await h.app.inject({ method: 'POST', url: '/api/notifications/push-subscriptions', headers: { ...CSRF, cookie }, payload: { endpoint, keys: browser.keys, expirationTime: null } });
    expect(sub.statusCode).toBe(201);
    expect(sub.json().pushDevices).toBe(1);

    await notifyUser(h.ctx.db, u.userId, u.patientId, { kind: 'message-received', entityType: 'MessageThread', entityId: randomUUID() });
    await runDueJobs(h.ctx);
    const mine = () => push.received.filter((r) => endpoint.endsWith(r.path));
    expect(mine()).toHaveLength(1);
    const request = mine()[0]!;
    // VAPID: a JWT signed with the server's private key, and the public key it is checked with.
    expect(String(request.headers.authorization)).toMatch(new RegExp(`^vapid t=[\\w-]+\\.[\\w-]+\\.[\\w-]+, k=${vapid.publicKey}$`));
    expect(request.headers['content-encoding']).toBe('aes128gcm');
    expect(request.body.includes(Buffer.from('OurChart'))).toBe(false);
    // Only the browser's private key opens it, and inside is no health information.
    const opened = JSON.parse(ece.decrypt(request.body, { version: 'aes128gcm', privateKey: browser.ecdh, authSecret: browser.auth }).toString('utf8'));
    expect(opened).toEqual({ title: 'New message in OurChart', body: 'Sign in to read it.', url: '/notifications' });

    // The browser dropped the subscription: the push service answers 410 and the row goes.
    push.state.nextStatus = 410;
    await notifyUser(h.ctx.db, u.userId, u.patientId, { kind: 'message-received', entityType: 'MessageThread', entityId: randomUUID() });
    await runDueJobs(h.ctx);
    expect(mine()).toHaveLength(2);
    expect(await h.ctx.db.query('SELECT 1 FROM push_subscriptions WHERE endpoint = $1', [endpoint])).toEqual([]);
    expect(await h.ctx.db.query(`SELECT 1 FROM jobs WHERE kind = 'notification-push' AND done_at IS NULL`)).toEqual([]);
    push.state.nextStatus = 201;
  });

  it('respects push settings and unsubscribing', async () => {
    const u = await createPatientUser(h.ctx);
    const cookie = await sessionCookie(h.ctx, u.userId);
    const endpoint = `${push.url}/push/${randomUUID()}`;
    await h.app.inject({ method: 'POST', url: '/api/notifications/push-subscriptions', headers: { ...CSRF, cookie }, payload: { endpoint, keys: browserKeys().keys } });
    await h.app.inject({ method: 'PUT', url: '/api/notifications/preferences', headers: { ...CSRF, cookie }, payload: { groups: [{ group: 'results', email: true, push: false }] } });
    await notifyUser(h.ctx.db, u.userId, u.patientId, { kind: 'result-available', entityType: 'DiagnosticReport', entityId: randomUUID() });
    await runDueJobs(h.ctx);
    const mine = () => push.received.filter((r) => endpoint.endsWith(r.path));
    expect(mine()).toHaveLength(0);
    const off = await h.app.inject({ method: 'DELETE', url: '/api/notifications/push-subscriptions', headers: { ...CSRF, cookie }, payload: { endpoint } });
    expect(off.json().pushDevices).toBe(0);
    await notifyUser(h.ctx.db, u.userId, u.patientId, { kind: 'message-received', entityType: 'MessageThread', entityId: randomUUID() });
    await runDueJobs(h.ctx);
    expect(mine()).toHaveLength(0);
  });

  it('refuses a subscription that is not an https push address, with a sentence', async () => {
    const u = await createPatientUser(h.ctx);
    const cookie = await sessionCookie(h.ctx, u.userId);
    const res = await h.app.inject({ method: 'POST', url: '/api/notifications/push-subscriptions', headers: { ...CSRF, cookie }, payload: { endpoint: 'http://evil.test/x', keys: browserKeys().keys } });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('must start with https://');
  });
});
