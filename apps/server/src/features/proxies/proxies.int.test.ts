import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '../../test/databases.ts';
import { createPatientUser, createTestApp, CSRF, nextIp, type TestApp } from '../../test/app.ts';
import { buildCondition } from '../../test/factories.ts';
import { grantProxy } from '../../platform/auth/users.ts';
import { decryptMailBody } from '../../platform/mail/outbox.ts';
import { notifyPatient } from '../../platform/notifications/notifications.ts';
import { createManagedPatient, createStaffUser, sessionCookie } from '../staff/staff-fixtures.ts';
import { endParentAccessAtMajority } from './majority.ts';

const birthDateAt = (years: number, extraDays = 40) => {
  const d = new Date();
  d.setUTCFullYear(d.getUTCFullYear() - years);
  d.setUTCDate(d.getUTCDate() - extraDays);
  return d.toISOString().slice(0, 10);
};

describe.each(testDrivers)('proxy access on $name', (driver) => {
  let h: TestApp;
  beforeAll(async () => {
    h = await createTestApp(driver);
  }, 60_000);
  afterAll(() => h?.close());

  const call = (cookie: string, method: string, url: string, payload?: object) =>
    h.app.inject({ method: method as 'GET', url, remoteAddress: nextIp(), headers: { ...CSRF, cookie }, ...(payload ? { payload } : {}) });

  /** The newest queued email to an address, decrypted. */
  async function lastMailTo(address: string) {
    const [row] = await h.ctx.db.query<{ id: string; subject: string; body_enc: string }>(
      'SELECT id, subject, body_enc FROM mail_outbox WHERE lower(to_address) = lower($1) ORDER BY created_at DESC LIMIT 1', [address],
    );
    return row ? { subject: row.subject, ...decryptMailBody(h.ctx.keyring, row.id, row.body_enc) } : undefined;
  }

  it('an adult invites by email; only the invited account accepts; the grant works, changes and ends at once', async () => {
    const ana = await createPatientUser(h.ctx, { given: 'Inviter' });
    const condition = await h.ctx.store.create(buildCondition(ana.patientId, { code: { text: 'Invite test condition' } }));
    const anaCookie = await sessionCookie(h.ctx, ana.userId);
    const helper = await createPatientUser(h.ctx, { given: 'Invitee' });
    const stranger = await createPatientUser(h.ctx, { given: 'Stranger' });

    const bad = await call(anaCookie, 'POST', '/api/proxies/invitations', { email: ana.email, relationship: 'caregiver', scopes: ['record'] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('email');
    const noScopes = await call(anaCookie, 'POST', '/api/proxies/invitations', { email: helper.email, relationship: 'caregiver', scopes: [] });
    expect(noScopes.statusCode).toBe(400);

    const invited = await call(anaCookie, 'POST', '/api/proxies/invitations', { email: helper.email, relationship: 'caregiver', scopes: ['record', 'appointments'] });
    expect(invited.statusCode).toBe(201);
    const mail = await lastMailTo(helper.email);
    expect(mail?.text).toContain('/proxy-invite#');
    expect(mail?.text).not.toContain('Inviter'); // no names, no health information
    const token = /proxy-invite#([\w-]+)/.exec(mail!.text)![1]!;

    // A forwarded link is useless to another account.
    const strangerCookie = await sessionCookie(h.ctx, stranger.userId);
    expect((await call(strangerCookie, 'POST', '/api/proxy-invitations/preview', { token })).json()).toMatchObject({ emailMatches: false });
    expect((await call(strangerCookie, 'POST', '/api/proxy-invitations/accept', { token })).statusCode).toBe(403);

    const helperCookie = await sessionCookie(h.ctx, helper.userId);
    const preview = await call(helperCookie, 'POST', '/api/proxy-invitations/preview', { token });
    expect(preview.json()).toMatchObject({ patientName: 'Inviter Tester', relationship: 'caregiver', scopes: ['record', 'appointments'], emailMatches: true });
    const accepted = await call(helperCookie, 'POST', '/api/proxy-invitations/accept', { token });
    expect(accepted.statusCode).toBe(200);
    const grantId = accepted.json().id as string;
    expect(accepted.json()).toMatchObject({ status: 'active', features: ['record', 'immunizations', 'appointments'] });
    expect((await call(helperCookie, 'POST', '/api/proxy-invitations/accept', { token })).statusCode).toBe(404); // used once

    // The helper now sees Ana's record (header or parameter) and the switcher lists it.
    const me = (await call(helperCookie, 'GET', '/api/me')).json();
    expect(me.patients.map((p: { id: string }) => p.id)).toContain(ana.patientId);
    const viaHeader = await h.app.inject({ url: '/api/records/conditions', remoteAddress: nextIp(), headers: { cookie: helperCookie, 'x-ourchart-patient': ana.patientId } });
    expect(viaHeader.body).toContain(condition.id);
    expect((await call(helperCookie, 'GET', `/api/messages/threads?patient=${ana.patientId}`)).statusCode).toBe(403);

    // Both sides see the grant; the patient narrows it, then removes it.
    const overview = (await call(anaCookie, 'GET', '/api/proxies')).json();
    expect(overview.myProxies).toEqual([expect.objectContaining({ id: grantId, name: 'Invitee Tester', status: 'active', approvedBy: 'Inviter Tester' })]);
    expect((await call(helperCookie, 'GET', '/api/proxies')).json().iAmProxyFor).toEqual([expect.objectContaining({ id: grantId, name: 'Inviter Tester' })]);
    expect((await call(strangerCookie, 'PATCH', `/api/proxies/grants/${grantId}`, { scopes: ['record'] })).statusCode).toBe(404);
    expect((await call(helperCookie, 'PATCH', `/api/proxies/grants/${grantId}`, { scopes: ['record', 'billing'] })).statusCode).toBe(404);
    const narrowed = await call(anaCookie, 'PATCH', `/api/proxies/grants/${grantId}`, { scopes: ['appointments'] });
    expect(narrowed.json()).toMatchObject({ scopes: ['appointments'], features: ['appointments'] });
    expect((await call(helperCookie, 'GET', `/api/records/conditions?patient=${ana.patientId}`)).statusCode).toBe(403);

    expect((await call(anaCookie, 'DELETE', `/api/proxies/grants/${grantId}`)).statusCode).toBe(204);
    // The helper's open session is cut off from Ana's record at its next request, and keeps its own.
    expect((await call(helperCookie, 'GET', `/api/appointments?patient=${ana.patientId}`)).statusCode).toBe(404);
    expect((await call(helperCookie, 'GET', '/api/records/conditions')).statusCode).toBe(200);
    const ended = (await call(anaCookie, 'GET', '/api/proxies')).json().myProxies[0];
    expect(ended).toMatchObject({ status: 'ended', endedReason: 'revoked' });
    const [event] = await h.ctx.db.query<{ action: string }>(
      `SELECT action FROM audit_events WHERE patient_id = $1 AND entity_type = 'ProxyGrant' AND action = 'delete'`, [ana.patientId],
    );
    expect(event).toBeDefined();
  });

  it('a proxy can give up their access; an invitation can be cancelled', async () => {
    const patient = await createPatientUser(h.ctx, { given: 'Giver' });
    const proxy = await createPatientUser(h.ctx, { given: 'Quitter', proxyFor: [patient.patientId] });
    const proxyCookie = await sessionCookie(h.ctx, proxy.userId);
    const [grant] = (await call(proxyCookie, 'GET', '/api/proxies')).json().iAmProxyFor;
    expect((await call(proxyCookie, 'DELETE', `/api/proxies/grants/${grant.id}`)).statusCode).toBe(204);
    expect((await call(proxyCookie, 'GET', `/api/records/summary?patient=${patient.patientId}`)).statusCode).toBe(404);
    const patientCookie = await sessionCookie(h.ctx, patient.userId);
    expect((await call(patientCookie, 'GET', '/api/proxies')).json().myProxies[0]).toMatchObject({ endedReason: 'declined-by-proxy' });

    const inv = await call(patientCookie, 'POST', '/api/proxies/invitations', { email: 'someone@example.test', relationship: 'caregiver', scopes: ['billing'] });
    const id = inv.json().id as string;
    expect((await call(patientCookie, 'GET', '/api/proxies')).json().invitations).toHaveLength(1);
    expect((await call(proxyCookie, 'DELETE', `/api/proxies/invitations/${id}`)).statusCode).toBe(404);
    expect((await call(patientCookie, 'DELETE', `/api/proxies/invitations/${id}`)).statusCode).toBe(204);
    expect((await call(patientCookie, 'GET', '/api/proxies')).json().invitations).toEqual([]);
  });

  it('teens cannot invite; children under 12 cannot get their own account; parents of teens are not told of new results', async () => {
    const teen = await createPatientUser(h.ctx, { given: 'Teen', birthDate: birthDateAt(15) });
    const teenCookie = await sessionCookie(h.ctx, teen.userId);
    const refused = await call(teenCookie, 'POST', '/api/proxies/invitations', { email: 'mom@example.test', relationship: 'parent', scopes: ['record'] });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().detail).toContain('from age 18');
    expect((await call(teenCookie, 'GET', '/api/proxies')).json()).toMatchObject({ canInvite: false, rules: { ownAccountMinAge: 12, adolescentAge: 12, adultAge: 18 } });

    const org = 'org-proxy-test';
    const child = await createManagedPatient(h.ctx, org, { birthDate: birthDateAt(8) });
    const desk = await createStaffUser(h.ctx, { role: 'staff', organizationId: org });
    const code = await call(desk.cookie, 'POST', `/api/staff/patients/${child.id}/activation-code`);
    expect(code.statusCode).toBe(400);
    expect(code.json().detail).toContain('from age 12');

    const parent = await createPatientUser(h.ctx, { given: 'TeenParent', proxyFor: [{ patientId: teen.patientId, relationship: 'parent' }] });
    expect(await notifyPatient(h.ctx.db, teen.patientId, { kind: 'result-available', entityType: 'Observation', entityId: 'obs-teen-1' })).toBe(1);
    expect(await notifyPatient(h.ctx.db, teen.patientId, { kind: 'appointment-reminder', entityType: 'Appointment', entityId: 'appt-teen-1' })).toBe(2);
    // Billing stays with parents of teens: insurance and financial-help news reach them too.
    expect(await notifyPatient(h.ctx.db, teen.patientId, { kind: 'insurance-reviewed', entityType: 'InsuranceUpdate', entityId: 'ins-teen-1' })).toBe(2);
    const told = await h.ctx.db.query<{ kind: string }>('SELECT kind FROM notifications WHERE user_id = $1 ORDER BY kind', [parent.userId]);
    expect(told.map((r) => r.kind)).toEqual(['appointment-reminder', 'insurance-reviewed']);
  });

  it('staff grant access with a documented reason and end it; only staff and admins may', async () => {
    const org = 'org-proxy-staff';
    const patient = await createManagedPatient(h.ctx, org, { birthDate: birthDateAt(80) });
    const guardian = await createPatientUser(h.ctx, { given: 'Guardian' });
    const desk = await createStaffUser(h.ctx, { role: 'staff', organizationId: org });
    const nurse = await createStaffUser(h.ctx, { role: 'nurse', organizationId: org });
    const body = { email: guardian.email, relationship: 'guardian', scopes: ['record', 'billing'], reason: 'Court-appointed guardian, order scanned on file' };
    expect((await call(nurse.cookie, 'POST', `/api/staff/patients/${patient.id}/proxies`, body)).statusCode).toBe(403);
    expect((await call(desk.cookie, 'POST', `/api/staff/patients/${patient.id}/proxies`, { ...body, reason: '' })).statusCode).toBe(400);
    const unknown = await call(desk.cookie, 'POST', `/api/staff/patients/${patient.id}/proxies`, { ...body, email: 'nobody@example.test' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().detail).toContain('create an OurChart account');
    const made = await call(desk.cookie, 'POST', `/api/staff/patients/${patient.id}/proxies`, body);
    expect(made.statusCode).toBe(201);
    expect(made.json()).toMatchObject({ relationship: 'guardian', approvalReason: body.reason, approvedBy: desk.displayName, status: 'active' });
    const guardianCookie = await sessionCookie(h.ctx, guardian.userId);
    expect((await call(guardianCookie, 'GET', `/api/records/summary?patient=${patient.id}`)).statusCode).toBe(200);
    expect((await call(nurse.cookie, 'GET', `/api/staff/patients/${patient.id}/proxies`)).json()).toHaveLength(1);
    expect((await call(desk.cookie, 'DELETE', `/api/staff/patients/${patient.id}/proxies/${made.json().id}`)).statusCode).toBe(204);
    expect((await call(guardianCookie, 'GET', `/api/records/summary?patient=${patient.id}`)).statusCode).toBe(404);
  });

  it('a parent\'s access ends at 18: refused at once, then recorded, with the new adult told how to give it back', async () => {
    const adult = await createPatientUser(h.ctx, { given: 'NewAdult', birthDate: birthDateAt(18, 1) });
    const parent = await createPatientUser(h.ctx, { given: 'OldParent' });
    await grantProxy(h.ctx.db, parent.userId, { patientId: adult.patientId, relationship: 'parent', scopes: [] });
    const parentCookie = await sessionCookie(h.ctx, parent.userId);
    expect((await call(parentCookie, 'GET', `/api/records/summary?patient=${adult.patientId}`)).statusCode).toBe(404);
    expect((await call(parentCookie, 'GET', '/api/me')).json().patients.map((p: { id: string }) => p.id)).not.toContain(adult.patientId);

    expect(await endParentAccessAtMajority(h.ctx)).toBeGreaterThanOrEqual(1);
    expect(await endParentAccessAtMajority(h.ctx)).toBe(0); // once only
    const [grant] = await h.ctx.db.query<{ ended_reason: string }>('SELECT ended_reason FROM proxy_grants WHERE grantee_user_id = $1', [parent.userId]);
    expect(grant!.ended_reason).toBe('age-of-majority');
    const mail = await lastMailTo(adult.email);
    expect(mail?.subject).toBe('You now decide who sees your health record');
    expect(mail?.text).toContain('/sharing');
    for (const userId of [parent.userId, adult.userId]) {
      expect(await h.ctx.db.query("SELECT 1 FROM notifications WHERE user_id = $1 AND kind = 'proxy-ended'", [userId])).toHaveLength(1);
    }
  });

  it('admins change the age rules of their organization; the rules apply at once', async () => {
    const org = 'org-proxy-rules';
    const admin = await createStaffUser(h.ctx, { role: 'admin', organizationId: org });
    const desk = await createStaffUser(h.ctx, { role: 'staff', organizationId: org });
    const teen = await createManagedPatient(h.ctx, org, { birthDate: birthDateAt(13) });
    const parent = await createPatientUser(h.ctx, { given: 'RulesParent', proxyFor: [{ patientId: teen.id!, relationship: 'parent' }] });
    const parentCookie = await sessionCookie(h.ctx, parent.userId);
    expect((await call(parentCookie, 'GET', `/api/records/conditions?patient=${teen.id}`)).statusCode).toBe(403);

    const rules = { ownAccountMinAge: 12, adolescentAge: 14, adultAge: 18, adolescentParentFeatures: ['appointments'] };
    expect((await call(desk.cookie, 'PUT', '/api/admin/proxy-rules', rules)).statusCode).toBe(403);
    expect((await call(admin.cookie, 'PUT', '/api/admin/proxy-rules', { ...rules, adolescentAge: 19 })).statusCode).toBe(400);
    expect((await call(admin.cookie, 'PUT', '/api/admin/proxy-rules', rules)).json()).toEqual(rules);
    // At 13 the teen is now a "child" under this organization's rules: the parent sees the record.
    expect((await call(parentCookie, 'GET', `/api/records/conditions?patient=${teen.id}`)).statusCode).toBe(200);
    // Other organizations keep the defaults.
    expect((await call((await createStaffUser(h.ctx, { role: 'admin', organizationId: 'org-other' })).cookie, 'GET', '/api/admin/proxy-rules')).json()).toMatchObject({ adolescentAge: 12 });
  });
});
