import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '../../test/databases.ts';
import { createPatientUser, createTestApp, CSRF, type TestApp } from '../../test/app.ts';
import { readMail } from '../../test/mailbox.ts';
import { runDueJobs, registerJob } from '../../platform/jobs/queue.ts';
import { reminderJob } from './reminder-job.ts';
import { planReminders } from './plan.ts';
import { DAY_MS, insertAppointment, queuedMail, seedReminderClinic, TEST_PRACTITIONER, VISIT_TYPE_NAME } from './reminder-fixtures.ts';
import { sessionCookie } from '../staff/staff-fixtures.ts';

const silent = { info() {}, warn() {} };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(testDrivers)('appointment reminders on $name', (driver) => {
  let h: TestApp;
  beforeAll(async () => {
    h = await createTestApp(driver);
    registerJob(reminderJob);
    await seedReminderClinic(h.ctx.db);
  });
  afterAll(() => h?.close());

  /** Books (inserts + plans, as booking does, in one transaction) a visit `aheadMs` from now. */
  async function book(patientId: string, aheadMs: number, o: { video?: boolean } = {}) {
    const startsAt = new Date(Date.now() + aheadMs);
    const id = await h.ctx.db.transaction(async (tx) => {
      const apptId = await insertAppointment(tx, { patientId, startsAt, video: o.video });
      await planReminders(tx, { id: apptId, startsAt });
      return apptId;
    });
    return { id, startsAt };
  }
  const jobsOf = (apptId: string) =>
    h.ctx.db.query<{ key: string; run_at: Date; done_at: Date | null }>('SELECT key, run_at, done_at FROM jobs WHERE key LIKE $1 ORDER BY run_at', [`reminder:${apptId}:%`]);
  /** A visit 7 days and ~1 s ahead: its week-before reminder is due after a short real wait. */
  const SOON = 7 * DAY_MS + 1000;
  const runWhenDue = async () => {
    await sleep(1300);
    await runDueJobs(h.ctx, silent, 100);
  };

  it('plans a 7-day and a 1-day reminder keyed by start time, once, and skips times already past', async () => {
    const u = await createPatientUser(h.ctx);
    const far = await book(u.patientId, 10 * DAY_MS);
    const iso = far.startsAt.toISOString();
    const jobs = await jobsOf(far.id);
    expect(jobs.map((j) => j.key)).toEqual([`reminder:${far.id}:7d:${iso}`, `reminder:${far.id}:1d:${iso}`]);
    expect(jobs.map((j) => new Date(j.run_at).getTime())).toEqual([far.startsAt.getTime() - 7 * DAY_MS, far.startsAt.getTime() - DAY_MS]);
    await h.ctx.db.transaction((tx) => planReminders(tx, { id: far.id, startsAt: far.startsAt }));
    expect(await jobsOf(far.id)).toHaveLength(2);

    const inThreeDays = await book(u.patientId, 3 * DAY_MS);
    expect((await jobsOf(inThreeDays.id)).map((j) => j.key)).toEqual([`reminder:${inThreeDays.id}:1d:${inThreeDays.startsAt.toISOString()}`]);
    const tonight = await book(u.patientId, 12 * 3600 * 1000);
    expect(await jobsOf(tonight.id)).toEqual([]);
  });

  it('sends the reminder once: email with time, place and clinic only, and an in-app notification for patient and proxy', async () => {
    const u = await createPatientUser(h.ctx, { given: 'Remy' });
    const parent = await createPatientUser(h.ctx, { given: 'Parent', proxyFor: [u.patientId] });
    const since = Date.now() - 1000;
    const appt = await book(u.patientId, SOON);
    await runWhenDue();
    await runDueJobs(h.ctx, silent, 100);

    const mail = await readMail(h.mailDir, u.email, /^Visit reminder/, { since });
    expect(mail.text).toContain('you have a visit in one week');
    expect(mail.text).toContain('Lakeside North Office, 12 Harbor Road, Duluth, MN 55802');
    expect(mail.text).toContain('Clinic: Lakeside Family Clinic');
    expect(mail.text).toMatch(/\(C[SD]T\)/); // clinic time zone (America/Chicago by default)
    expect(mail.text).toContain('http://localhost:3000/appointments');
    for (const secret of [VISIT_TYPE_NAME, 'Oncology', TEST_PRACTITIONER, u.patientId, 'Remy']) expect(mail.text + mail.subject).not.toContain(secret);
    expect(await queuedMail(h.ctx.db, u.email)).toHaveLength(1);
    expect(await queuedMail(h.ctx.db, parent.email)).toHaveLength(0); // email goes to the patient's own account only

    const notes = await h.ctx.db.query<{ user_id: string }>(
      `SELECT user_id FROM notifications WHERE kind = 'appointment-reminder' AND entity_type = 'Appointment' AND entity_id = $1 ORDER BY user_id`, [appt.id]);
    expect(notes.map((n) => n.user_id).sort()).toEqual([u.userId, parent.userId].sort());
    const [job] = await jobsOf(appt.id);
    expect(job!.done_at).not.toBeNull();
  });

  it('writes to a Spanish-speaking account in Spanish, and says "by video" for a video visit', async () => {
    const u = await createPatientUser(h.ctx);
    await h.ctx.db.query("UPDATE users SET locale = 'es' WHERE id = $1", [u.userId]);
    const since = Date.now() - 1000;
    await book(u.patientId, SOON, { video: true });
    await runWhenDue();
    const mail = await readMail(h.mailDir, u.email, /^Recordatorio de cita/, { since });
    expect(mail.text).toContain('tiene una cita en una semana');
    expect(mail.text).toContain('Dónde: por video');
    expect(mail.text).not.toContain('Lakeside North Office');
    expect(mail.text).toContain('Clínica: Lakeside Family Clinic');
  });

  it('sends nothing for a cancelled visit, nor a stale reminder for a moved one (the new time is reminded once)', async () => {
    const u = await createPatientUser(h.ctx);
    const cancelled = await book(u.patientId, SOON);
    await h.ctx.db.query("UPDATE appointments SET status = 'cancelled', cancelled_at = now() WHERE id = $1", [cancelled.id]);
    const moved = await book(u.patientId, SOON);
    // Rescheduled to a day later, in one transaction, as booking does: the new time gets its own jobs.
    const newStart = new Date(moved.startsAt.getTime() + DAY_MS);
    await h.ctx.db.transaction(async (tx) => {
      await tx.query('UPDATE appointments SET starts_at = $2, ends_at = $3 WHERE id = $1', [moved.id, newStart, new Date(newStart.getTime() + 20 * 60_000)]);
      await planReminders(tx, { id: moved.id, startsAt: newStart });
    });
    await runWhenDue();
    expect(await queuedMail(h.ctx.db, u.email)).toEqual([]);
    expect(await h.ctx.db.query(`SELECT 1 FROM notifications WHERE kind = 'appointment-reminder' AND entity_id = ANY($1)`, [[cancelled.id, moved.id]])).toEqual([]);
    // The old time's week-before job ran and sent nothing; its day-before job would too (made due
    // now to prove it); the new time's two reminders wait for their day.
    const oldKey = (which: string) => `reminder:${moved.id}:${which}:${moved.startsAt.toISOString()}`;
    await h.ctx.db.query('UPDATE jobs SET run_at = now() WHERE key = $1', [oldKey('1d')]);
    await runDueJobs(h.ctx, silent, 100);
    expect(await queuedMail(h.ctx.db, u.email)).toEqual([]);
    const movedJobs = await jobsOf(moved.id);
    expect(movedJobs.filter((j) => j.done_at !== null).map((j) => j.key).sort()).toEqual([oldKey('1d'), oldKey('7d')]);
    expect(movedJobs.filter((j) => j.key.endsWith(newStart.toISOString()) && j.done_at === null)).toHaveLength(2);
  });

  it('follows the patient\'s settings: email off sends no email (in-app still), week-before off sends nothing', async () => {
    const u = await createPatientUser(h.ctx);
    const cookie = await sessionCookie(h.ctx, u.userId);
    const put = (body: object) => h.app.inject({ method: 'PUT', url: '/api/appointments/reminder-preferences', headers: { cookie, ...CSRF }, payload: body });
    expect((await put({ email: false, inApp: true, weekBefore: true, dayBefore: true })).statusCode).toBe(200);
    const first = await book(u.patientId, SOON);
    await runWhenDue();
    expect(await queuedMail(h.ctx.db, u.email)).toEqual([]);
    expect(await h.ctx.db.query(`SELECT 1 FROM notifications WHERE kind = 'appointment-reminder' AND entity_id = $1`, [first.id])).toHaveLength(1);

    expect((await put({ email: true, inApp: true, weekBefore: false, dayBefore: true })).statusCode).toBe(200);
    const second = await book(u.patientId, SOON);
    await runWhenDue();
    expect(await queuedMail(h.ctx.db, u.email)).toEqual([]);
    expect(await h.ctx.db.query(`SELECT 1 FROM notifications WHERE kind = 'appointment-reminder' AND entity_id = $1`, [second.id])).toEqual([]);
  });

  it('reminder settings API: defaults, save, proxies with ?patient=, 404 for another patient, 400 with a sentence, audited', async () => {
    const child = await createPatientUser(h.ctx, { given: 'Kid' });
    const parent = await createPatientUser(h.ctx, { given: 'Parent', proxyFor: [child.patientId] });
    const stranger = await createPatientUser(h.ctx, { given: 'Stranger' });
    const cookie = await sessionCookie(h.ctx, parent.userId);
    const url = `/api/appointments/reminder-preferences?patient=${child.patientId}`;

    const initial = await h.app.inject({ url, headers: { cookie } });
    expect(initial.statusCode).toBe(200);
    expect(initial.json()).toEqual({ email: true, inApp: true, weekBefore: true, dayBefore: true, updatedAt: null });
    const saved = await h.app.inject({ method: 'PUT', url, headers: { cookie, ...CSRF }, payload: { email: true, inApp: false, weekBefore: false, dayBefore: true } });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ email: true, inApp: false, weekBefore: false, dayBefore: true, updatedAt: expect.any(String) });
    expect((await h.app.inject({ url, headers: { cookie } })).json()).toMatchObject({ inApp: false, weekBefore: false });
    // The parent's own settings are separate from the child's.
    expect((await h.app.inject({ url: '/api/appointments/reminder-preferences', headers: { cookie } })).json()).toMatchObject({ inApp: true, updatedAt: null });

    const strangerCookie = await sessionCookie(h.ctx, stranger.userId);
    expect((await h.app.inject({ url, headers: { cookie: strangerCookie } })).statusCode).toBe(404);
    expect((await h.app.inject({ method: 'PUT', url, headers: { cookie: strangerCookie, ...CSRF }, payload: { email: false, inApp: false, weekBefore: false, dayBefore: false } })).statusCode).toBe(404);
    expect((await h.app.inject({ url, headers: { cookie } })).json()).toMatchObject({ email: true, dayBefore: true });

    const bad = await h.app.inject({ method: 'PUT', url, headers: { cookie, ...CSRF }, payload: { email: 'yes', inApp: true, weekBefore: true, dayBefore: true } });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Say whether to send reminders by email');
    const badEs = await h.app.inject({ method: 'PUT', url, headers: { cookie, ...CSRF, 'accept-language': 'es' }, payload: { email: true, inApp: true, weekBefore: 1, dayBefore: true } });
    expect(badEs.statusCode).toBe(400);
    expect(badEs.body).toContain('Indique si quiere un recordatorio 7 días antes');
    expect((await h.app.inject({ url })).statusCode).toBe(401);

    const audit = await h.ctx.db.query<{ action: string; actor_id: string }>(
      "SELECT action, actor_id FROM audit_events WHERE entity_type = 'ReminderPreferences' AND patient_id = $1 ORDER BY seq", [child.patientId]);
    expect(audit.map((a) => a.action)).toEqual(['read', 'update', 'read', 'read']);
    expect(audit.every((a) => a.actor_id === parent.userId)).toBe(true);
  });
});
