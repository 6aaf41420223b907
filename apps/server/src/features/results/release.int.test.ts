import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiagnosticReport, Observation } from '@medplum/fhirtypes';
import { testDrivers } from '../../test/databases.ts';
import { createPatientUser, createTestApp, CSRF, signInCookie, type TestApp } from '../../test/app.ts';
import { buildObservation } from '../../test/factories.ts';
import { createCareTeam, createStaffUser } from '../staff/staff-fixtures.ts';

const ORG = 'org-results-home';
const OTHER_ORG = 'org-results-away';
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();
const LAB = [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0074', code: 'LAB' }] }];
const RAD = [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0074', code: 'RAD' }] }];

describe.each(testDrivers)('result release holds on $name', (driver) => {
  let h: TestApp;
  beforeAll(async () => {
    h = await createTestApp(driver);
  });
  afterAll(() => h?.close());

  /** A report with one value, dated `when`. */
  async function addReport(patientId: string, o: { name: string; when: string; category?: typeof LAB; status?: DiagnosticReport['status']; loinc?: string; value?: number }) {
    const obs = await h.ctx.store.create(buildObservation(patientId, {
      code: { coding: [{ system: 'http://loinc.org', code: o.loinc ?? '2345-7', display: o.name }], text: o.name },
      effectiveDateTime: o.when, issued: o.when, valueQuantity: { value: o.value ?? 101, unit: 'mg/dL' },
    }));
    const report = await h.ctx.store.create<DiagnosticReport>({
      resourceType: 'DiagnosticReport', status: o.status ?? 'final', category: o.category ?? LAB, code: { text: o.name },
      subject: { reference: `Patient/${patientId}` }, effectiveDateTime: o.when, issued: o.when, result: [{ reference: `Observation/${obs.id}` }],
    });
    return { report, obs };
  }
  const get = (cookie: string, url: string) => h.app.inject({ url, headers: { cookie } });
  const send = (cookie: string, method: 'PUT' | 'POST', url: string, payload: unknown) => h.app.inject({ method, url, headers: { cookie, ...CSRF }, payload: payload as object });
  const names = (res: { json: () => { reports: { name: string }[] } }) => res.json().reports.map((r) => r.name);
  const notifications = (userId: string) =>
    h.ctx.db.query<{ kind: string; entity_type: string; entity_id: string; read_at: Date | null }>('SELECT kind, entity_type, entity_id, read_at FROM notifications WHERE user_id = $1 ORDER BY created_at', [userId]);

  it('holds a chosen category until a clinician on the care team reviews it; other categories and earlier results stay visible', async () => {
    const u = await createPatientUser(h.ctx);
    await createCareTeam(h.ctx, u.patientId, [`Organization/${ORG}`]);
    const clinician = await createStaffUser(h.ctx, { role: 'clinician', organizationId: ORG });
    const cookie = await signInCookie(h.app, u.email, u.password);
    await addReport(u.patientId, { name: 'Earlier lipid panel', when: '2024-02-01T09:00:00Z', loinc: '2093-3', value: 180 });

    expect((await get(cookie, '/api/records/results/release-preferences')).json()).toEqual({ hold: { laboratory: false, imaging: false, pathology: false, other: false } });
    const bad = await send(cookie, 'PUT', '/api/records/results/release-preferences', { hold: { laboratory: 'yes' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Say whether to hold laboratory results');
    expect((await send(cookie, 'PUT', '/api/records/results/release-preferences', { hold: { laboratory: true, imaging: false, pathology: false, other: false, x: true } })).statusCode).toBe(400);
    const saved = await send(cookie, 'PUT', '/api/records/results/release-preferences', { hold: { laboratory: true, imaging: false, pathology: false, other: false } });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().hold.laboratory).toBe(true);

    // Dated after the hold began, in a fixed order however slow the machine is.
    const base = Date.now();
    const held = await addReport(u.patientId, { name: 'New glucose', when: new Date(base + 60_000).toISOString(), value: 250 });
    await addReport(u.patientId, { name: 'Chest X-ray', when: new Date(base + 30_000).toISOString(), category: RAD, loinc: '36643-5' });

    const before = await get(cookie, '/api/records/results');
    expect(names(before)).toEqual(['Chest X-ray', 'Earlier lipid panel']);
    expect(before.json().waitingForReview).toBe(1);
    const trend = (await get(cookie, `/api/records/results/trend?code=${encodeURIComponent('http://loinc.org|2345-7')}`)).json();
    expect(trend.points).toEqual([]);

    const item = `DiagnosticReport/${held.report.id}`;
    const review = (c: string, patientId = u.patientId) => send(c, 'POST', `/api/staff/patients/${patientId}/results/review`, { item });
    // The patient cannot review; staff outside the care team do not find the patient; front desk may not review.
    expect((await review(cookie)).statusCode).toBe(404);
    const outsider = await createStaffUser(h.ctx, { role: 'clinician', organizationId: OTHER_ORG });
    expect((await review(outsider.cookie)).statusCode).toBe(404);
    const frontDesk = await createStaffUser(h.ctx, { role: 'staff', organizationId: ORG });
    expect((await review(frontDesk.cookie)).statusCode).toBe(403);
    expect((await get(outsider.cookie, `/api/staff/patients/${u.patientId}/results/held`)).statusCode).toBe(403);
    expect(names(await get(cookie, '/api/records/results'))).not.toContain('New glucose');

    const list = await get(clinician.cookie, `/api/staff/patients/${u.patientId}/results/held`);
    expect(list.json().results).toEqual([expect.objectContaining({ entityType: 'DiagnosticReport', id: held.report.id, name: 'New glucose', category: 'laboratory' })]);
    const other = await createPatientUser(h.ctx);
    const foreign = await addReport(other.patientId, { name: 'Not theirs', when: daysAgo(1) });
    const wrong = await send(clinician.cookie, 'POST', `/api/staff/patients/${u.patientId}/results/review`, { item: `DiagnosticReport/${foreign.report.id}` });
    expect(wrong.statusCode).toBe(404);
    expect((await send(clinician.cookie, 'POST', `/api/staff/patients/${u.patientId}/results/review`, { item: 'Patient/x' })).statusCode).toBe(400);

    const done = await review(clinician.cookie);
    expect(done.statusCode).toBe(200);
    expect(done.json().results).toEqual([]);
    const after = await get(cookie, '/api/records/results');
    expect(names(after)).toEqual(['New glucose', 'Chest X-ray', 'Earlier lipid panel']);
    expect(after.json().waitingForReview).toBe(0);
    const [row] = await h.ctx.db.query<{ reviewed_by: string; patient_id: string }>('SELECT reviewed_by, patient_id FROM result_reviews WHERE entity_id = $1', [held.report.id]);
    expect(row).toEqual({ reviewed_by: clinician.userId, patient_id: u.patientId });
    // Released at review: the patient is told once, even if it is reviewed again.
    expect((await review(clinician.cookie)).statusCode).toBe(200);
    expect((await notifications(u.userId)).filter((n) => n.entity_id === held.report.id)).toEqual([
      expect.objectContaining({ kind: 'result-available', entity_type: 'DiagnosticReport', read_at: null }),
    ]);
  });

  it('notifies new final results once, leaves out old history, preliminary and held results, and reads the notification when opened', async () => {
    const { announceNewResults } = await import('./announce.ts');
    const u = await createPatientUser(h.ctx);
    const parent = await createPatientUser(h.ctx, { given: 'Parent', proxyFor: [u.patientId] });
    const recent = await addReport(u.patientId, { name: 'Recent panel', when: daysAgo(3) });
    await addReport(u.patientId, { name: 'Old panel', when: '2019-05-01T09:00:00Z' });
    const pending = await addReport(u.patientId, { name: 'Pending culture', when: daysAgo(2), status: 'preliminary' });
    const alone = await h.ctx.store.create(buildObservation(u.patientId, { effectiveDateTime: daysAgo(1) }));

    await announceNewResults(h.ctx.db);
    await announceNewResults(h.ctx.db);
    const told = (await notifications(u.userId)).map((n) => `${n.entity_type}/${n.entity_id}`);
    expect(told.sort()).toEqual([`DiagnosticReport/${recent.report.id}`, `Observation/${alone.id}`].sort());
    expect((await notifications(parent.userId)).length).toBe(2);

    await h.ctx.store.update<DiagnosticReport>({ ...pending.report, status: 'final' });
    await announceNewResults(h.ctx.db);
    expect((await notifications(u.userId)).map((n) => n.entity_id)).toContain(pending.report.id);

    const cookie = await signInCookie(h.app, u.email, u.password);
    const unread = async () => (await get(cookie, '/api/notifications')).json().unread as number;
    expect(await unread()).toBe(3);
    const opened = await send(cookie, 'POST', '/api/records/results/read', { item: `DiagnosticReport/${recent.report.id}` });
    expect(opened.statusCode).toBe(204);
    expect(await unread()).toBe(2);
    expect((await send(cookie, 'POST', '/api/records/results/read', { item: 'nonsense' })).statusCode).toBe(400);
    // The proxy's own notification stays unread: each person reads their own.
    expect((await notifications(parent.userId)).filter((n) => n.read_at === null).length).toBe(3);

    // A held category is announced at review, not on arrival.
    await send(cookie, 'PUT', '/api/records/results/release-preferences', { hold: { laboratory: true, imaging: false, pathology: false, other: false } });
    const heldOne = await addReport(u.patientId, { name: 'Held panel', when: new Date(Date.now() + 1000).toISOString() });
    await announceNewResults(h.ctx.db);
    expect((await notifications(u.userId)).map((n) => n.entity_id)).not.toContain(heldOne.report.id);
  });

  it('notifies after a FHIR import', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { importFiles } = await import('../import/importer.ts');
    const u = await createPatientUser(h.ctx);
    const obs: Observation = buildObservation(u.patientId, { id: `imp-${u.patientId.slice(0, 8)}`, effectiveDateTime: daysAgo(2) });
    const file = join(mkdtempSync(join(tmpdir(), 'results-import-')), 'one.json');
    writeFileSync(file, JSON.stringify(obs));
    const [result] = await importFiles(h.ctx.store, [file]);
    expect(result?.error).toBeUndefined();
    expect((await notifications(u.userId)).map((n) => `${n.kind} ${n.entity_type}/${n.entity_id}`)).toEqual([`result-available Observation/${obs.id}`]);
  });
});
