import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '../../test/databases.ts';
import { createPatientUser, createTestApp, signInCookie, type TestApp } from '../../test/app.ts';
import { createManagedPatient, createStaffUser } from '../staff/staff-fixtures.ts';
import { verifyAuditTrail } from './audit-verify.ts';

const ORG = 'org-audit-home';
const OTHER_ORG = 'org-audit-away';

describe.each(testDrivers)('activity page, audit report and audit-verify on $name', (driver) => {
  let h: TestApp;
  beforeAll(async () => {
    h = await createTestApp(driver);
  });
  afterAll(() => h?.close());

  const get = (url: string, cookie: string) => h.app.inject({ url, headers: { cookie } });

  it('shows a patient who opened their record, newest first, including their own sign-ins', async () => {
    const me = await createPatientUser(h.ctx, { given: 'Selma' });
    await h.ctx.db.query('UPDATE users SET organization_id = NULL WHERE id = $1', [me.userId]);
    const cookie = await signInCookie(h.app, me.email, me.password);
    await get('/api/records/summary', cookie);
    // A clinician whose organization manages this patient opens the record too.
    const patient = (await h.ctx.store.read('Patient', me.patientId)) as { managingOrganization?: unknown };
    await h.ctx.store.update({ ...(patient as object), resourceType: 'Patient', id: me.patientId, managingOrganization: { reference: `Organization/${ORG}` } });
    const clinician = await createStaffUser(h.ctx, { role: 'clinician', organizationId: ORG, name: 'Dr Ines Vidal' });
    expect((await get(`/api/staff/patients/${me.patientId}/summary`, clinician.cookie)).statusCode).toBe(200);

    const res = await get('/api/account/activity', cookie);
    expect(res.statusCode).toBe(200);
    const entries = res.json().entries as { at: string; actorName: string; actorRole: string; action: string; what: string | null; outcome: string }[];
    expect(entries.length).toBeGreaterThan(10);
    expect(entries.map((e) => e.at)).toEqual([...entries.map((e) => e.at)].sort().reverse());
    expect(entries).toContainEqual(expect.objectContaining({ actorName: 'Dr Ines Vidal', actorRole: 'clinician', action: 'read', what: 'Patient', outcome: 'success' }));
    expect(entries).toContainEqual(expect.objectContaining({ actorName: 'Selma Tester', actorRole: 'patient', action: 'search', what: 'Condition' }));
    expect(entries.at(-1)).toMatchObject({ actorName: 'Selma Tester', action: 'sign-in', outcome: 'success' });
    expect(Object.keys(entries[0]!).sort()).toEqual(['action', 'actorName', 'actorRole', 'at', 'outcome', 'what']);
  });

  it('shows a proxy as proxy, leaves out the proxy\'s own sign-ins, and answers 404 for anyone else\'s record', async () => {
    const child = await createPatientUser(h.ctx, { given: 'Kiko' });
    const parent = await createPatientUser(h.ctx, { given: 'Mama', proxyFor: [child.patientId] });
    const stranger = await createPatientUser(h.ctx, { given: 'Stranger' });
    const cookie = await signInCookie(h.app, parent.email, parent.password);
    expect((await get(`/api/records/summary?patient=${child.patientId}`, cookie)).statusCode).toBe(200);

    const res = await get(`/api/account/activity?patient=${child.patientId}`, cookie);
    expect(res.statusCode).toBe(200);
    const entries = res.json().entries as { actorName: string; actorRole: string; action: string }[];
    expect(entries.filter((e) => e.action === 'read')).not.toHaveLength(0);
    expect(new Set(entries.map((e) => `${e.actorName}/${e.actorRole}`))).toEqual(new Set(['Mama Tester/proxy']));
    expect(entries.some((e) => e.action === 'sign-in')).toBe(false);

    const denied = await get(`/api/account/activity?patient=${stranger.patientId}`, cookie);
    expect(denied.statusCode).toBe(404);
    expect(denied.body).not.toContain('Stranger');
    expect((await h.app.inject({ url: '/api/account/activity' })).statusCode).toBe(401);
  });

  it('gives administrators a filtered report of their organization only, as JSON or spreadsheet-safe CSV, and audits it', async () => {
    const admin = await createStaffUser(h.ctx, { role: 'admin', organizationId: ORG });
    const clinician = await createStaffUser(h.ctx, { role: 'clinician', organizationId: ORG });
    const ours = await createManagedPatient(h.ctx, ORG);
    const theirs = await createManagedPatient(h.ctx, OTHER_ORG);
    expect((await get(`/api/staff/patients/${ours.id}/summary`, clinician.cookie)).statusCode).toBe(200);
    await h.ctx.audit.record({ actorId: null, actorRole: null, patientId: theirs.id!, action: 'read', outcome: 'success' });
    // A hostile value that a spreadsheet would run as a formula.
    await h.ctx.audit.record({ actorId: clinician.userId, actorRole: 'clinician', patientId: ours.id!, action: 'export', entityType: '=HYPERLINK("http://evil.test","x")', outcome: 'success', ip: '10.1.1.1' });

    const res = await get(`/api/admin/audit?patientId=${ours.id}`, admin.cookie);
    expect(res.statusCode).toBe(200);
    const report = res.json();
    expect(report.truncated).toBe(false);
    expect(report.rows.length).toBeGreaterThan(5);
    expect(new Set(report.rows.map((r: { patientId: string }) => r.patientId))).toEqual(new Set([ours.id]));
    expect(report.rows).toContainEqual(expect.objectContaining({ actorEmail: clinician.email, actorRole: 'clinician', action: 'read', entityType: 'Patient', outcome: 'success' }));
    const seqs = report.rows.map((r: { seq: number }) => r.seq);
    expect(seqs).toEqual([...seqs].sort((a: number, b: number) => b - a));

    const all = (await get('/api/admin/audit', admin.cookie)).json();
    expect(JSON.stringify(all)).not.toContain(theirs.id!);
    const reads = (await get(`/api/admin/audit?action=read&userId=${clinician.userId}&from=2000-01-01&to=${new Date().toISOString().slice(0, 10)}`, admin.cookie)).json();
    expect(reads.rows.length).toBeGreaterThan(0);
    expect(reads.rows.every((r: { action: string; actorId: string }) => r.action === 'read' && r.actorId === clinician.userId)).toBe(true);
    const byEmail = (await get(`/api/admin/audit?action=read&userId=${encodeURIComponent(clinician.email.toUpperCase())}`, admin.cookie)).json();
    expect(byEmail.rows.map((r: { seq: number }) => r.seq)).toEqual(reads.rows.map((r: { seq: number }) => r.seq));
    expect((await get('/api/admin/audit?from=2999-01-01', admin.cookie)).json().rows).toEqual([]);
    expect((await get('/api/admin/audit?from=yesterday', admin.cookie)).statusCode).toBe(400);

    const csv = await get(`/api/admin/audit?patientId=${ours.id}&format=csv`, admin.cookie);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toMatch(/^attachment; filename="ourchart-audit-\d{8}-\d{6}\.csv"$/);
    const lines = csv.body.split('\r\n');
    expect(lines[0]).toBe('seq,at,actorId,actorEmail,actorRole,patientId,action,entityType,entityId,outcome,ip,requestId');
    // Header, the rows above, the JSON report's own 'audit-report' event (it names the patient), and the final CRLF.
    expect(lines).toHaveLength(1 + report.rows.length + 1 + 1);
    expect(csv.body).toContain(`,${clinician.email},clinician,${ours.id},export,"'=HYPERLINK(""http://evil.test"",""x"")",,success,10.1.1.1,`);

    const audited = await h.ctx.db.query<{ query: string; patient_id: string | null }>("SELECT query, patient_id FROM audit_events WHERE actor_id = $1 AND action = 'audit-report' ORDER BY seq", [admin.userId]);
    expect(audited[0]).toEqual({ query: `patientId=${ours.id}`, patient_id: ours.id });

    // Only administrators: other staff are refused, patients do not see the route exist.
    expect((await get('/api/admin/audit', clinician.cookie)).statusCode).toBe(403);
    const patient = await createPatientUser(h.ctx);
    expect((await get('/api/admin/audit', await signInCookie(h.app, patient.email, patient.password))).statusCode).toBe(404);
    const noMfa = await createStaffUser(h.ctx, { role: 'admin', organizationId: ORG, mfa: false });
    expect((await get('/api/admin/audit', noMfa.cookie)).json().code).toBe('MFA_ENROLLMENT_REQUIRED');
  });

  it('audit-verify reports an intact chain, and the first altered event when someone edits history', async () => {
    const intact = await verifyAuditTrail(h.ctx.audit);
    expect(intact.exitCode).toBe(0);
    expect(intact.message).toMatch(/^Audit trail intact: \d+ events checked\.$/);
    const total = Number(/(\d+) events/.exec(intact.message)![1]);
    expect(total).toBeGreaterThan(20);

    await h.t.db.exec('ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_or_delete');
    const [victim] = await h.t.db.query<{ seq: number; recorded_at: Date }>('SELECT seq, recorded_at FROM audit_events ORDER BY seq OFFSET 5 LIMIT 1');
    await h.t.db.query("UPDATE audit_events SET outcome = 'success', action = 'nothing-to-see' WHERE seq = $1", [victim!.seq]);
    await h.t.db.exec('ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update_or_delete');

    const broken = await verifyAuditTrail(h.ctx.audit);
    expect(broken.exitCode).toBe(1);
    expect(broken.message).toContain(`Audit trail BROKEN at event #${victim!.seq} (recorded ${new Date(victim!.recorded_at).toISOString()}): its contents no longer match its hash`);
  });
});
