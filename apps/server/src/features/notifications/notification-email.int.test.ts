import { readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerJobs } from '../../jobs.ts';
import { runDueJobs } from '../../platform/jobs/queue.ts';
import { deliverDueMail } from '../../platform/mail/outbox.ts';
import { notifyUser } from '../../platform/notifications/notifications.ts';
import { readMail, startMailbox } from '../../test/mailbox.ts';
import { createPatientUser, createTestApp, CSRF, type TestApp } from '../../test/app.ts';
import { testDrivers } from '../../test/databases.ts';
import { createStaffUser, sessionCookie } from '../staff/staff-fixtures.ts';

/** A TCP port nothing listens on (yet): the SMTP server starts there later in the test. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const mailsIn = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.eml')).length;

describe.each(testDrivers)('notification emails on $name', (driver) => {
  let h: TestApp;
  let smtpPort: number;

  beforeAll(async () => {
    registerJobs();
    smtpPort = await freePort();
    // The app's mailer points at a port where no SMTP server listens yet: SMTP is down.
    h = await createTestApp(driver, { SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, APP_ENV: 'development' });
  });
  afterAll(() => h?.close());

  const emailRows = (userId: string) =>
    h.ctx.db.query<{ subject: string; sent_at: Date | null; attempts: number }>(
      'SELECT o.subject, o.sent_at, o.attempts FROM mail_outbox o JOIN users u ON u.email = o.to_address WHERE u.id = $1', [userId]);

  it('queues the emails while SMTP is down and delivers each exactly once when it is back', { timeout: 90_000 }, async () => {
    const users = [await createPatientUser(h.ctx), await createPatientUser(h.ctx), await createPatientUser(h.ctx)];
    for (const u of users) await notifyUser(h.ctx.db, u.userId, u.patientId, { kind: 'message-received', entityType: 'MessageThread', entityId: randomUUID() });
    await runDueJobs(h.ctx);
    // Delivery runs (the app's worker every 200 ms, and this pass) and fails: nothing is lost, all wait.
    await deliverDueMail(h.ctx.db, h.ctx.keyring, h.ctx.mailer);
    for (const u of users) {
      const rows = await emailRows(u.userId);
      expect(rows).toHaveLength(1);
      expect(rows[0]!.sent_at).toBeNull();
      expect(rows[0]!.attempts).toBeGreaterThanOrEqual(1);
    }
    const dir = `${h.mailDir}/late`;
    const mailbox = await startMailbox(dir, smtpPort);
    try {
      for (const u of users) {
        const mail = await readMail(dir, u.email, /New message in OurChart/, { timeoutMs: 45_000 });
        expect(mail.text).toContain('You have a new message in OurChart. Sign in to read it.');
        expect(mail.text).toContain('http://localhost:3000/messages');
      }
      // More delivery passes (and the worker's) send nothing again.
      for (let i = 0; i < 3; i++) await deliverDueMail(h.ctx.db, h.ctx.keyring, h.ctx.mailer);
      await new Promise((r) => setTimeout(r, 1000));
      expect(mailsIn(dir)).toBe(users.length);
      for (const u of users) expect((await emailRows(u.userId))[0]!.sent_at).not.toBeNull();
    } finally {
      await mailbox.close();
    }
  });

  it('coalesces: several new messages within 10 minutes make one email, the next one waits for the window', async () => {
    const u = await createPatientUser(h.ctx);
    for (let i = 0; i < 3; i++) await notifyUser(h.ctx.db, u.userId, u.patientId, { kind: 'message-received', entityType: 'MessageThread', entityId: randomUUID() });
    await runDueJobs(h.ctx);
    expect(await emailRows(u.userId)).toHaveLength(1);
    await notifyUser(h.ctx.db, u.userId, u.patientId, { kind: 'message-received', entityType: 'MessageThread', entityId: randomUUID() });
    await runDueJobs(h.ctx);
    expect(await emailRows(u.userId)).toHaveLength(1);
    const [next] = await h.ctx.db.query<{ wait: number }>(
      `SELECT extract(epoch FROM run_at - now())::int AS wait FROM jobs WHERE kind = 'notification-email' AND done_at IS NULL AND payload->>'userId' = $1`, [u.userId]);
    expect(next!.wait).toBeGreaterThan(9 * 60);
    // Another kind is not held back by the message window.
    await notifyUser(h.ctx.db, u.userId, u.patientId, { kind: 'result-available', entityType: 'DiagnosticReport', entityId: randomUUID() });
    await runDueJobs(h.ctx);
    expect((await emailRows(u.userId)).map((r) => r.subject).sort()).toEqual(['New message in OurChart', 'New test result in OurChart']);
  });

  it('follows the settings: email off sends nothing; in-app-only kinds, reminders and offers are not emailed', async () => {
    const u = await createPatientUser(h.ctx);
    const cookie = await sessionCookie(h.ctx, u.userId);
    const saved = await h.app.inject({ method: 'PUT', url: '/api/notifications/preferences', headers: { ...CSRF, cookie }, payload: { groups: [{ group: 'messages', email: false, push: false }] } });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().groups).toContainEqual({ group: 'messages', email: false, push: false });
    await notifyUser(h.ctx.db, u.userId, u.patientId, { kind: 'message-received', entityType: 'MessageThread', entityId: randomUUID() });
    await notifyUser(h.ctx.db, u.userId, u.patientId, { kind: 'result-reviewed', entityType: 'DiagnosticReport', entityId: randomUUID() });
    // Reminders and earlier-time offers send their own email: never a second one.
    await notifyUser(h.ctx.db, u.userId, u.patientId, { kind: 'appointment-reminder', entityType: 'Appointment', entityId: randomUUID() });
    await notifyUser(h.ctx.db, u.userId, u.patientId, { kind: 'waitlist-offer', entityType: 'WaitlistOffer', entityId: randomUUID() });
    await runDueJobs(h.ctx);
    expect(await emailRows(u.userId)).toEqual([]);
    // The notifications themselves are there, in the app.
    const list = await h.app.inject({ url: '/api/notifications', headers: { cookie } });
    expect(list.json().unread).toBe(4);
    // Turned on, a later message is emailed; one already read in the app is not.
    await h.app.inject({ method: 'PUT', url: '/api/notifications/preferences', headers: { ...CSRF, cookie }, payload: { groups: [{ group: 'messages', email: true, push: false }] } });
    await notifyUser(h.ctx.db, u.userId, u.patientId, { kind: 'message-received', entityType: 'MessageThread', entityId: randomUUID() });
    await runDueJobs(h.ctx);
    expect((await emailRows(u.userId)).map((r) => r.subject)).toEqual(['New message in OurChart']);
  });

  it('staff get care alerts by email by default, not other kinds; the account language is used', async () => {
    const nurse = await createStaffUser(h.ctx, { role: 'nurse', organizationId: null });
    await h.ctx.db.query(`UPDATE users SET locale = 'es' WHERE id = $1`, [nurse.userId]);
    await notifyUser(h.ctx.db, nurse.userId, 'some-patient', { kind: 'message-waiting', entityType: 'MessageThread', entityId: randomUUID() });
    await notifyUser(h.ctx.db, nurse.userId, 'some-patient', { kind: 'care-alert', entityType: 'QuestionnaireResponse', entityId: randomUUID() });
    await runDueJobs(h.ctx);
    expect((await emailRows(nurse.userId)).map((r) => r.subject)).toEqual(['Alerta de atención nueva']);
    const prefs = await h.app.inject({ url: '/api/notifications/preferences', headers: { cookie: nurse.cookie } });
    expect(prefs.json().groups).toContainEqual({ group: 'care-alerts', email: true, push: true });
    expect(prefs.json().groups).toContainEqual({ group: 'messages', email: false, push: false });
  });

  it('a notification rolled back with its action plans no email', async () => {
    const u = await createPatientUser(h.ctx);
    await expect(h.ctx.db.transaction(async (tx) => {
      await notifyUser(tx, u.userId, u.patientId, { kind: 'message-received', entityType: 'MessageThread', entityId: randomUUID() });
      throw new Error('the action failed');
    })).rejects.toThrow('the action failed');
    expect(await h.ctx.db.query(`SELECT 1 FROM jobs WHERE payload->>'userId' = $1`, [u.userId])).toEqual([]);
    expect(await h.ctx.db.query('SELECT 1 FROM notifications WHERE user_id = $1', [u.userId])).toEqual([]);
  });
});
