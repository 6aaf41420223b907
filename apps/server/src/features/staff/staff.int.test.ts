import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '../../test/databases.ts';
import { createPatientUser, createTestApp, CSRF, signInCookie, type TestApp } from '../../test/app.ts';
import { readMail } from '../../test/mailbox.ts';
import { buildCondition } from '../../test/factories.ts';
import { tokenDigest } from '../../platform/auth/sessions.ts';
import { upsertUser } from '../../platform/auth/users.ts';
import { createCareTeam, createManagedPatient, createStaffUser } from './staff-fixtures.ts';

const ORG = 'org-riverside';
const OTHER_ORG = 'org-lakeside';

describe.each(testDrivers)('staff access to patient records on $name', (driver) => {
  let h: TestApp;
  beforeAll(async () => {
    h = await createTestApp(driver);
  });
  afterAll(() => h?.close());

  const summary = (cookie: string, id: string) => h.app.inject({ url: `/api/staff/patients/${id}/summary`, headers: { cookie } });
  const breakGlass = (cookie: string, id: string, reason: string) =>
    h.app.inject({ method: 'POST', url: `/api/staff/patients/${id}/break-glass`, headers: { cookie, ...CSRF }, payload: { reason } });
  const accessEvents = (userId: string, patientId: string) =>
    h.ctx.db.query<{ outcome: string; query: string | null }>("SELECT outcome, query FROM audit_events WHERE actor_id = $1 AND patient_id = $2 AND action = 'access' ORDER BY seq", [userId, patientId]);

  it('opens records of patients on the care team: managed by the organization, or on an active CareTeam with it or the practitioner', async () => {
    const nurse = await createStaffUser(h.ctx, { role: 'nurse', organizationId: ORG, practitionerId: 'pract-nurse-1' });
    const managed = await createManagedPatient(h.ctx, ORG);
    await h.ctx.store.create(buildCondition(managed.id!));
    const viaPractitioner = await createManagedPatient(h.ctx, OTHER_ORG);
    await createCareTeam(h.ctx, viaPractitioner.id!, ['Practitioner/pract-nurse-1']);
    const viaOrganization = await createManagedPatient(h.ctx, OTHER_ORG);
    await createCareTeam(h.ctx, viaOrganization.id!, [`Organization/${ORG}`]);
    const inactiveTeam = await createManagedPatient(h.ctx, OTHER_ORG);
    await createCareTeam(h.ctx, inactiveTeam.id!, [`Organization/${ORG}`], 'inactive');
    const outside = await createManagedPatient(h.ctx, OTHER_ORG);

    const res = await summary(nurse.cookie, managed.id!);
    expect(res.statusCode).toBe(200);
    expect(res.json().patient.id).toBe(managed.id);
    expect(res.json().conditions[0].name).toBe('Type 2 diabetes');
    expect((await summary(nurse.cookie, viaPractitioner.id!)).statusCode).toBe(200);
    expect((await summary(nurse.cookie, viaOrganization.id!)).statusCode).toBe(200);

    for (const p of [inactiveTeam, outside]) {
      const refused = await summary(nurse.cookie, p.id!);
      expect(refused.statusCode).toBe(403);
      expect(refused.json().code).toBe('BREAK_GLASS_REQUIRED');
      expect(refused.body).not.toContain(p.name![0]!.family!);
      expect(await accessEvents(nurse.userId, p.id!)).toEqual([{ outcome: 'denied', query: 'break-glass-required' }]);
    }
    expect(await accessEvents(nurse.userId, managed.id!)).toEqual([{ outcome: 'success', query: 'relationship=care-team' }]);
    // The reads themselves go through PatientAccess and are audited under the nurse's name.
    const reads = await h.ctx.db.query<{ actor_role: string }>("SELECT DISTINCT actor_role FROM audit_events WHERE patient_id = $1 AND action IN ('read', 'search')", [managed.id]);
    expect(reads).toEqual([{ actor_role: 'nurse' }]);
  });

  it('answers 404 for an unknown patient, to patients and to signed-out callers; requires a second factor', async () => {
    const clinician = await createStaffUser(h.ctx, { role: 'clinician', organizationId: ORG });
    expect((await summary(clinician.cookie, 'no-such-patient')).statusCode).toBe(404);

    const patient = await createPatientUser(h.ctx);
    const patientCookie = await signInCookie(h.app, patient.email, patient.password);
    const own = await summary(patientCookie, patient.patientId);
    expect(own.statusCode).toBe(404);
    expect((await h.app.inject({ url: '/api/staff/patients?q=Ana', headers: { cookie: patientCookie } })).statusCode).toBe(404);
    expect((await summary('', patient.patientId)).statusCode).toBe(401);

    const managed = await createManagedPatient(h.ctx, ORG);
    const noMfa = await createStaffUser(h.ctx, { role: 'clinician', organizationId: ORG, mfa: false });
    const refused = await summary(noMfa.cookie, managed.id!);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('MFA_ENROLLMENT_REQUIRED');
    expect(await accessEvents(noMfa.userId, managed.id!)).toEqual([{ outcome: 'denied', query: 'mfa-enrollment-required' }]);
    // Demo accounts are exempt only while the server runs in demo mode (it does in tests).
    expect(h.ctx.config.demoMode).toBe(true);
    const demo = await createStaffUser(h.ctx, { role: 'clinician', organizationId: ORG, mfa: false, isDemo: true });
    expect((await summary(demo.cookie, managed.id!)).statusCode).toBe(200);
  });

  it('breaks the glass: 4 hours of access, a reason kept out of logs and email, an alert and an email to the administrators', async () => {
    const clinician = await createStaffUser(h.ctx, { role: 'clinician', organizationId: ORG, name: 'Dr Rosa Quinn' });
    const adminHere = await createStaffUser(h.ctx, { role: 'admin', organizationId: ORG });
    const adminThere = await createStaffUser(h.ctx, { role: 'admin', organizationId: OTHER_ORG });
    const adminElsewhere = await createStaffUser(h.ctx, { role: 'admin', organizationId: 'org-unrelated' });
    const patient = await createManagedPatient(h.ctx, OTHER_ORG, { name: [{ family: 'Zephyrine', given: ['Odalys'] }] });
    const reason = 'Unconscious in the emergency room, needs allergy list';
    const since = Date.now() - 1000;

    expect((await summary(clinician.cookie, patient.id!)).statusCode).toBe(403);
    const tooShort = await breakGlass(clinician.cookie, patient.id!, 'because');
    expect(tooShort.statusCode).toBe(400);
    const granted = await breakGlass(clinician.cookie, patient.id!, reason);
    expect(granted.statusCode).toBe(200);
    const hours = (Date.parse(granted.json().expiresAt) - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(3.9);
    expect(hours).toBeLessThanOrEqual(4);

    const opened = await summary(clinician.cookie, patient.id!);
    expect(opened.statusCode).toBe(200);
    expect(opened.json().patient.name).toBe('Odalys Zephyrine');
    expect((await accessEvents(clinician.userId, patient.id!)).at(-1)).toEqual({ outcome: 'success', query: 'relationship=break-glass' });

    // Audited as 'break-glass'; the reason is in the grant (encrypted), nowhere in the audit trail.
    const events = await h.ctx.db.query<{ action: string; outcome: string }>("SELECT action, outcome FROM audit_events WHERE patient_id = $1 AND action = 'break-glass'", [patient.id]);
    expect(events).toEqual([{ action: 'break-glass', outcome: 'success' }]);
    const everywhere = await h.ctx.db.query("SELECT 1 FROM audit_events WHERE row_to_json(audit_events)::text LIKE '%Unconscious%'");
    expect(everywhere).toEqual([]);
    const [grant] = await h.ctx.db.query<{ reason_enc: string }>('SELECT reason_enc FROM break_glass_grants WHERE user_id = $1', [clinician.userId]);
    expect(grant!.reason_enc).not.toContain('Unconscious');

    // Administrators of both organizations are emailed through the real SMTP server; no patient data.
    for (const admin of [adminHere, adminThere]) {
      const mail = await readMail(h.mailDir, admin.email, /^Emergency access to a patient record$/, { since });
      expect(mail.text).toContain('Dr Rosa Quinn');
      expect(mail.text).toContain(clinician.email);
      expect(mail.text).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/);
      for (const secret of ['Zephyrine', 'Odalys', patient.id!, 'Unconscious', 'allergy']) expect(mail.text).not.toContain(secret);
    }
    await expect(readMail(h.mailDir, adminElsewhere.email, /Emergency access/, { since, timeoutMs: 500 })).rejects.toThrow(/no email/);

    // The alert, with the reason, is for those administrators only.
    const alerts = await h.app.inject({ url: '/api/admin/alerts', headers: { cookie: adminHere.cookie } });
    expect(alerts.statusCode).toBe(200);
    expect(alerts.json().alerts[0]).toMatchObject({ kind: 'break-glass', actorEmail: clinician.email, patientId: patient.id });
    expect(alerts.json().alerts[0].message).toContain(`Reason given: ${reason}`);
    expect((await h.app.inject({ url: '/api/admin/alerts', headers: { cookie: adminThere.cookie } })).json().alerts).toHaveLength(1);
    expect((await h.app.inject({ url: '/api/admin/alerts', headers: { cookie: adminElsewhere.cookie } })).json().alerts).toEqual([]);
    expect((await h.app.inject({ url: '/api/admin/alerts', headers: { cookie: clinician.cookie } })).statusCode).toBe(403);

    // When the 4 hours are over, the door closes again.
    await h.ctx.db.query("UPDATE break_glass_grants SET expires_at = now() - interval '1 minute' WHERE user_id = $1", [clinician.userId]);
    expect((await summary(clinician.cookie, patient.id!)).json().code).toBe('BREAK_GLASS_REQUIRED');
  });

  it('does not break the glass for a care-team patient or an unknown id', async () => {
    const clinician = await createStaffUser(h.ctx, { role: 'clinician', organizationId: ORG });
    const own = await createManagedPatient(h.ctx, ORG);
    expect((await breakGlass(clinician.cookie, own.id!, 'Emergency, need to check medications')).statusCode).toBe(400);
    expect((await breakGlass(clinician.cookie, 'no-such-patient', 'Emergency, need to check medications')).statusCode).toBe(404);
    const [{ n }] = (await h.ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM break_glass_grants WHERE user_id = $1', [clinician.userId])) as [{ n: number }];
    expect(n).toBe(0);
  });

  it('finds patients by name, MRN or birth date, only within the organization\'s care teams', async () => {
    const staff = await createStaffUser(h.ctx, { role: 'staff', organizationId: ORG });
    const family = `Searchable${Date.now() % 100000}`;
    const mine = await createManagedPatient(h.ctx, ORG, { name: [{ use: 'official', family, given: ['Marisol'] }], birthDate: '1971-02-03' });
    const onTeam = await createManagedPatient(h.ctx, OTHER_ORG, { name: [{ use: 'official', family, given: ['Teo'] }] });
    await createCareTeam(h.ctx, onTeam.id!, [`Organization/${ORG}`]);
    const notMine = await createManagedPatient(h.ctx, OTHER_ORG, { name: [{ use: 'official', family, given: ['Hidden'] }], birthDate: '1971-02-03' });

    const search = async (q: string) => {
      const res = await h.app.inject({ url: `/api/staff/patients?q=${encodeURIComponent(q)}`, headers: { cookie: staff.cookie } });
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toContain(notMine.id!);
      return res.json().patients as { id: string; name: string; mrn: string | null; birthDate: string | null; inCareTeam: boolean; emergencyAccessUntil: string | null }[];
    };
    expect((await search(family)).map((p) => p.name)).toEqual([`Marisol ${family}`, `Teo ${family}`]);
    expect((await search(`mari ${family.toLowerCase()}`)).map((p) => p.id)).toEqual([mine.id]);
    const byMrn = await search(mine.identifier![0]!.value!);
    expect(byMrn).toEqual([{ id: mine.id, name: `Marisol ${family}`, birthDate: '1971-02-03', mrn: mine.identifier![0]!.value, inCareTeam: true, emergencyAccessUntil: null }]);
    expect((await search('1971-02-03')).map((p) => p.id)).toEqual([mine.id]);
    expect(await search(notMine.identifier![0]!.value!)).toEqual([]);
    expect((await h.app.inject({ url: '/api/staff/patients?q=a', headers: { cookie: staff.cookie } })).statusCode).toBe(400);

    // After breaking the glass, the patient can be found, flagged as outside the care team.
    expect((await breakGlass(staff.cookie, notMine.id!, 'Patient at front desk, transferring from Lakeside')).statusCode).toBe(200);
    const after = (await h.app.inject({ url: `/api/staff/patients?q=Hidden`, headers: { cookie: staff.cookie } })).json().patients;
    expect(after).toEqual([expect.objectContaining({ id: notMine.id, inCareTeam: false, emergencyAccessUntil: expect.any(String) })]);

    const audited = await h.ctx.db.query<{ query: string }>("SELECT query FROM audit_events WHERE actor_id = $1 AND action = 'search' AND entity_type = 'Patient' ORDER BY seq", [staff.userId]);
    expect(audited[0]!.query).toBe(`q=${family}&results=2`);
  });

  it('issues activation codes that replace earlier ones and work for activation, only for the care team and only without an account', async () => {
    const clerk = await createStaffUser(h.ctx, { role: 'staff', organizationId: ORG });
    const patient = await createManagedPatient(h.ctx, ORG, { birthDate: '1990-05-06' });
    const issue = (cookie: string, id: string) => h.app.inject({ method: 'POST', url: `/api/staff/patients/${id}/activation-code`, headers: { cookie, ...CSRF } });

    const first = await issue(clerk.cookie, patient.id!);
    expect(first.statusCode).toBe(200);
    const { code, expiresAt } = first.json();
    expect(code).toMatch(/^[ABCDEFGHJKLMNPQRSTUVWXYZ23456789]{4}-[ABCDEFGHJKLMNPQRSTUVWXYZ23456789]{4}-[ABCDEFGHJKLMNPQRSTUVWXYZ23456789]{4}$/);
    expect(Math.round((Date.parse(expiresAt) - Date.now()) / 86_400_000)).toBe(30);
    const [stored] = await h.ctx.db.query<{ token_hash: string; created_by: string; patient_id: string }>("SELECT token_hash, created_by, patient_id FROM one_time_tokens WHERE kind = 'activation' AND patient_id = $1", [patient.id]);
    expect(stored).toEqual({ token_hash: tokenDigest(code.replaceAll('-', '')), created_by: clerk.userId, patient_id: patient.id });

    const second = (await issue(clerk.cookie, patient.id!)).json().code;
    const live = await h.ctx.db.query<{ token_hash: string }>("SELECT token_hash FROM one_time_tokens WHERE kind = 'activation' AND patient_id = $1 AND used_at IS NULL", [patient.id]);
    expect(live.map((r) => r.token_hash)).toEqual([tokenDigest(second.replaceAll('-', ''))]);

    const activate = (c: string) => h.app.inject({
      method: 'POST', url: '/api/auth/activate', headers: CSRF, remoteAddress: '10.9.9.9',
      payload: { code: c, birthDate: '1990-05-06', email: `activated-${patient.id!.slice(0, 6)}@example.test`, password: 'lantern orchard quietly 42' },
    });
    expect((await activate(code)).statusCode).not.toBe(200);
    expect((await activate(second.toLowerCase())).statusCode).toBe(200);

    const again = await issue(clerk.cookie, patient.id!);
    expect(again.statusCode).toBe(400);
    expect(again.json().detail).toMatch(/already has an OurChart account/);

    // Emergency access is for reading; it does not let anyone hand out account codes.
    const outsider = await createStaffUser(h.ctx, { role: 'clinician', organizationId: OTHER_ORG });
    const other = await createManagedPatient(h.ctx, ORG);
    expect((await issue(outsider.cookie, other.id!)).statusCode).toBe(403);
    expect((await breakGlass(outsider.cookie, other.id!, 'Emergency transfer, need the record now')).statusCode).toBe(200);
    const refused = await issue(outsider.cookie, other.id!);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('FORBIDDEN');
  });

  it('lists pending sign-ups and links one to its record', async () => {
    const clerk = await createStaffUser(h.ctx, { role: 'staff', organizationId: ORG });
    const patient = await createManagedPatient(h.ctx, ORG, { birthDate: '1985-07-08' });
    const pending = async (birthDate: string) => {
      const email = `pending-${Math.random().toString(36).slice(2, 8)}@example.test`;
      const userId = await upsertUser(h.ctx.db, { email, role: 'patient', displayName: 'Pending Person', patientId: null, practitionerId: null, passwordHash: null, status: 'pending-verification' });
      await h.ctx.db.query('UPDATE users SET signup_details = $2 WHERE id = $1', [userId, JSON.stringify({ givenName: 'Pending', familyName: 'Person', birthDate })]);
      return { userId, email };
    };
    const right = await pending('1985-07-08');
    const wrongDate = await pending('1985-07-09');

    const list = await h.app.inject({ url: '/api/staff/enrollments', headers: { cookie: clerk.cookie } });
    expect(list.statusCode).toBe(200);
    expect(list.json().enrollments).toContainEqual({ userId: right.userId, email: right.email, givenName: 'Pending', familyName: 'Person', birthDate: '1985-07-08', createdAt: expect.any(String) });

    const link = (cookie: string, userId: string, patientId: string) =>
      h.app.inject({ method: 'POST', url: `/api/staff/enrollments/${userId}/link`, headers: { cookie, ...CSRF }, payload: { patientId } });
    const mismatch = await link(clerk.cookie, wrongDate.userId, patient.id!);
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.json().detail).toMatch(/date of birth/);

    const outsider = await createStaffUser(h.ctx, { role: 'staff', organizationId: OTHER_ORG });
    expect((await link(outsider.cookie, right.userId, patient.id!)).statusCode).toBe(403);

    expect((await link(clerk.cookie, right.userId, patient.id!)).statusCode).toBe(204);
    const [linked] = await h.ctx.db.query('SELECT patient_id, status FROM users WHERE id = $1', [right.userId]);
    expect(linked).toEqual({ patient_id: patient.id, status: 'active' });
    expect((await link(clerk.cookie, right.userId, patient.id!)).statusCode).toBe(404);
    await h.ctx.db.query('UPDATE users SET signup_details = $2 WHERE id = $1', [wrongDate.userId, JSON.stringify({ givenName: 'P', familyName: 'P', birthDate: '1985-07-08' })]);
    const taken = await link(clerk.cookie, wrongDate.userId, patient.id!);
    expect(taken.statusCode).toBe(400);
    expect(taken.json().detail).toMatch(/already has an OurChart account/);
    const audited = await h.ctx.db.query<{ outcome: string }>("SELECT outcome FROM audit_events WHERE action = 'link-account' AND actor_id = $1 ORDER BY seq", [clerk.userId]);
    expect(audited.map((a) => a.outcome)).toEqual(['denied', 'success', 'not-found', 'denied']);
  });
});
