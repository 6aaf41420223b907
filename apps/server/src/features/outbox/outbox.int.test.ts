import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '../../test/databases.ts';
import { createPatientUser, createTestApp, type TestApp } from '../../test/app.ts';
import { enqueueMail } from '../../platform/mail/outbox.ts';
import { createStaffUser, sessionCookie } from '../staff/staff-fixtures.ts';

describe.each(testDrivers)('demo mail outbox on $name', (driver) => {
  let demo: TestApp;
  let smtp: TestApp;
  beforeAll(async () => {
    demo = await createTestApp(driver, { SMTP_URL: '' }); // no mail server: development / demo
    smtp = await createTestApp(driver);
  });
  afterAll(async () => {
    await demo?.close();
    await smtp?.close();
  });

  it('shows front desk and admins every queued email, newest first, decrypted, paged, and audits each read', async () => {
    const h = demo;
    const frontDesk = await createStaffUser(h.ctx, { role: 'staff', organizationId: null });
    const admin = await createStaffUser(h.ctx, { role: 'admin', organizationId: null });
    for (let i = 1; i <= 23; i++) {
      await enqueueMail(h.ctx.db, h.ctx.keyring, { to: `reader${i}@example.test`, subject: `Note ${i}`, text: `Body number ${i}` });
      await new Promise((r) => setTimeout(r, 2)); // distinct queued times, so "newest first" is checkable
    }
    const cookie = await sessionCookie(h.ctx, frontDesk.userId);
    const first = await h.app.inject({ url: '/api/staff/outbox', headers: { cookie } });
    expect(first.statusCode).toBe(200);
    const page1 = first.json();
    expect(page1).toMatchObject({ page: 1, pageSize: 20, total: 23 });
    expect(page1.emails).toHaveLength(20);
    expect(page1.emails[0]).toMatchObject({ to: 'reader23@example.test', subject: 'Note 23', text: 'Body number 23', queuedAt: expect.any(String) });
    const page2 = (await h.app.inject({ url: '/api/staff/outbox?page=2', headers: { cookie: await sessionCookie(h.ctx, admin.userId) } })).json();
    expect(page2.emails.map((e: { subject: string }) => e.subject)).toEqual(['Note 3', 'Note 2', 'Note 1']);

    const audit = await h.ctx.db.query<{ actor_id: string; action: string; query: string; entity_id: string }>(
      "SELECT actor_id, action, query, entity_id FROM audit_events WHERE entity_type = 'Mail' ORDER BY seq");
    expect(audit.map((a) => [a.actor_id, a.action, a.query])).toEqual([[frontDesk.userId, 'read', 'page=1'], [admin.userId, 'read', 'page=2']]);
    expect(audit[1]!.entity_id.split(',')).toEqual(page2.emails.map((e: { id: string }) => e.id));

    const bad = await h.app.inject({ url: '/api/staff/outbox?page=0', headers: { cookie } });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Pages start at 1.');

    const me = (await h.app.inject({ url: '/api/me', headers: { cookie } })).json();
    expect(me.mailOutbox).toBe(true);
  });

  it('is not there for patients (404) and not for clinicians or nurses (403); signed out is 401', async () => {
    const h = demo;
    const patient = await createPatientUser(h.ctx);
    expect((await h.app.inject({ url: '/api/staff/outbox', headers: { cookie: await sessionCookie(h.ctx, patient.userId) } })).statusCode).toBe(404);
    for (const role of ['clinician', 'nurse'] as const) {
      const u = await createStaffUser(h.ctx, { role, organizationId: null });
      const cookie = await sessionCookie(h.ctx, u.userId);
      expect((await h.app.inject({ url: '/api/staff/outbox', headers: { cookie } })).statusCode).toBe(403);
      expect((await h.app.inject({ url: '/api/me', headers: { cookie } })).json().mailOutbox).toBe(false);
    }
    expect((await h.app.inject({ url: '/api/staff/outbox' })).statusCode).toBe(401);
  });

  it('answers 404 with a sentence when a mail server is configured (real mail is for its recipients only)', async () => {
    const h = smtp;
    const admin = await createStaffUser(h.ctx, { role: 'admin', organizationId: null });
    const cookie = await sessionCookie(h.ctx, admin.userId);
    await enqueueMail(h.ctx.db, h.ctx.keyring, { to: 'someone@example.test', subject: 'Private', text: 'Private body' });
    const res = await h.app.inject({ url: '/api/staff/outbox', headers: { cookie } });
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('Email goes through the mail server');
    expect(res.body).not.toContain('Private body');
    expect((await h.app.inject({ url: '/api/me', headers: { cookie } })).json().mailOutbox).toBe(false);
  });
});
