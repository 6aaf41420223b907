import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '../../test/databases.ts';
import { createPatientUser, createTestApp, CSRF, nextIp, signInCookie, type TestApp } from '../../test/app.ts';
import { readMail } from '../../test/mailbox.ts';
import { buildCondition } from '../../test/factories.ts';
import { pdfText, RANGE_2024, seedRangedRecord } from '../exports/export-fixtures.ts';

type Headers = Record<string, string>;

describe.each(testDrivers)('share links and transmit on $name', (driver) => {
  let h: TestApp;
  let cookie: string;
  let patient: Awaited<ReturnType<typeof createPatientUser>>;
  const post = (url: string, payload: unknown, headers: Headers = {}) =>
    h.app.inject({ method: 'POST', url, headers: { ...CSRF, ...headers }, payload: payload as object, remoteAddress: nextIp() });
  const tokenOf = (url: string) => url.split('#')[1]!;

  beforeAll(async () => {
    h = await createTestApp(driver);
    patient = await createPatientUser(h.ctx, { given: 'Beatriz' });
    await seedRangedRecord(h.ctx, patient.patientId);
    cookie = await signInCookie(h.app, patient.email, patient.password);
  });
  afterAll(() => h?.close());

  it('opens a link signed out, shows the range only, counts views and lists them in the activity', async () => {
    // A clinician-restricted item: the patient sees it, a share recipient (an outsider) does not.
    await h.ctx.store.create(buildCondition(patient.patientId, {
      code: { text: 'Restricted inside' }, meta: { security: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality', code: 'R' }] },
    }));
    const own = await h.app.inject({ url: `/api/records/export?format=fhir&from=${RANGE_2024.from}&to=${RANGE_2024.to}`, headers: { cookie } });
    expect(own.body).toContain('Restricted inside');
    const created = await post('/api/shares', { ...RANGE_2024, label: 'Dr. Lee', expiresInHours: 24 }, { cookie });
    expect(created.statusCode).toBe(200);
    const { url, code, share } = created.json();
    expect(url).toMatch(/^http:\/\/localhost:3000\/shared#[A-Za-z0-9_-]{43}$/);
    expect(code).toBeNull();
    expect(share).toMatchObject({ status: 'active', label: 'Dr. Lee', views: 0, hasCode: false });

    const view = await post('/api/shared/view', { token: tokenOf(url) });
    expect(view.statusCode).toBe(200);
    const record = view.json();
    expect(record).toMatchObject({ patientName: 'Beatriz Tester', birthDate: '1980-04-12', sharedBy: 'Beatriz Tester', from: '2024-01-01', to: '2024-12-31' });
    const names = record.sections.flatMap((s: { items: { name: string }[] }) => s.items.map((i) => i.name));
    expect(names).toEqual(expect.arrayContaining(['Glucose inside', 'Diabetes inside', 'Metformin inside']));
    expect(names).not.toContain('Sodium outside');
    expect(names).not.toContain('Restricted inside');

    const pdf = await post('/api/shared/download', { token: tokenOf(url), format: 'pdf' });
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdfText(pdf.rawPayload)).toContain('Beatriz Tester');

    const list = (await h.app.inject({ url: '/api/shares', headers: { cookie } })).json().shares;
    expect(list.find((s: { id: string }) => s.id === share.id)).toMatchObject({ views: 1, lastViewedAt: expect.any(String) });
    const activity = (await h.app.inject({ url: '/api/account/activity', headers: { cookie } })).json().entries;
    expect(activity).toEqual(expect.arrayContaining([
      expect.objectContaining({ action: 'share-view', actorName: 'Dr. Lee', actorRole: 'share-recipient', outcome: 'success' }),
      expect.objectContaining({ action: 'share-download', actorName: 'Dr. Lee', details: expect.objectContaining({ format: 'pdf' }) }),
      expect.objectContaining({ action: 'share-create', actorRole: 'patient', details: expect.objectContaining({ recipient: 'Dr. Lee', from: '2024-01-01' }) }),
      expect.objectContaining({ action: 'search', actorName: 'Dr. Lee', what: 'Observation' }),
    ]));
  });

  it('answers 410 once the link has expired or been revoked', async () => {
    const a = (await post('/api/shares', { ...RANGE_2024, expiresInHours: 1 }, { cookie })).json();
    expect((await post('/api/shared/view', { token: tokenOf(a.url) })).statusCode).toBe(200);
    // Expire it the way time would: the database clock decides.
    await h.ctx.db.query("UPDATE record_shares SET created_at = now() - interval '2 hours', expires_at = now() - interval '1 second' WHERE id = $1", [a.share.id]);
    const expired = await post('/api/shared/view', { token: tokenOf(a.url) });
    expect(expired.statusCode).toBe(410);
    expect(expired.json()).toMatchObject({ code: 'SHARE_EXPIRED', detail: expect.stringContaining('expired') });
    expect((await post('/api/shared/download', { token: tokenOf(a.url), format: 'fhir' })).statusCode).toBe(410);

    const b = (await post('/api/shares', RANGE_2024, { cookie })).json();
    expect(b.share.expiresAt > new Date(Date.now() + 6.9 * 86_400_000).toISOString()).toBe(true);
    const revoked = await post(`/api/shares/${b.share.id}/revoke`, {}, { cookie });
    expect(revoked.json()).toMatchObject({ status: 'revoked', revokedAt: expect.any(String) });
    const gone = await post('/api/shared/view', { token: tokenOf(b.url) }, { 'accept-language': 'es' });
    expect(gone.statusCode).toBe(410);
    expect(gone.json()).toMatchObject({ code: 'SHARE_REVOKED', detail: expect.stringContaining('desactivó') });
    const statuses = (await h.app.inject({ url: '/api/shares', headers: { cookie } })).json().shares.map((s: { id: string; status: string }) => [s.id, s.status]);
    expect(statuses).toEqual(expect.arrayContaining([[a.share.id, 'expired'], [b.share.id, 'revoked']]));
    expect((await post('/api/shared/view', { token: 'x'.repeat(43) })).statusCode).toBe(404);
  });

  it('asks for the access code and locks the link after five wrong ones', async () => {
    const c = (await post('/api/shares', { ...RANGE_2024, withCode: true }, { cookie })).json();
    expect(c.code).toMatch(/^\d{6}$/);
    expect((await post('/api/shared/view', { token: tokenOf(c.url) })).json().code).toBe('SHARE_CODE_REQUIRED');
    const wrong = c.code === '000000' ? '111111' : '000000';
    const first = await post('/api/shared/view', { token: tokenOf(c.url), code: wrong });
    expect(first.statusCode).toBe(403);
    expect(first.json()).toMatchObject({ code: 'SHARE_CODE_WRONG', detail: expect.stringContaining('4 tries left') });
    for (let i = 0; i < 3; i++) await post('/api/shared/view', { token: tokenOf(c.url), code: wrong });
    const fifth = await post('/api/shared/view', { token: tokenOf(c.url), code: wrong });
    expect(fifth.statusCode).toBe(410);
    expect(fifth.json().code).toBe('SHARE_LOCKED');
    // Locked for good: even the right code no longer opens it.
    expect((await post('/api/shared/view', { token: tokenOf(c.url), code: c.code })).statusCode).toBe(410);

    const d = (await post('/api/shares', { ...RANGE_2024, withCode: true }, { cookie })).json();
    expect((await post('/api/shared/view', { token: tokenOf(d.url), code: d.code })).statusCode).toBe(200);
  });

  it('keeps shares to their owner and validates what it is given', async () => {
    const other = await createPatientUser(h.ctx);
    const otherCookie = await signInCookie(h.app, other.email, other.password);
    const mine = (await post('/api/shares', RANGE_2024, { cookie })).json();
    expect((await post(`/api/shares/${mine.share.id}/revoke`, {}, { cookie: otherCookie })).statusCode).toBe(404);
    expect((await post('/api/shares/not-a-share/revoke', {}, { cookie })).statusCode).toBe(404);
    expect((await h.app.inject({ url: '/api/shares', headers: { cookie: otherCookie } })).json().shares).toEqual([]);
    expect((await post(`/api/shares?patient=${other.patientId}`, RANGE_2024, { cookie })).statusCode).toBe(404);
    const tooLong = await post('/api/shares', { ...RANGE_2024, expiresInHours: 24 * 31 }, { cookie });
    expect(tooLong.json().detail).toContain('30 days at most');
    const backwards = await post('/api/shares', { from: '2024-05-01', to: '2024-01-01' }, { cookie });
    expect(backwards.statusCode).toBe(400);
    expect((await post('/api/shares', RANGE_2024)).statusCode).toBe(401);
  });

  it('emails one link, with no health information, that opens the record', async () => {
    const since = Date.now();
    const to = `records-${since}@clinic.example`;
    const res = await post('/api/records/transmit', { email: to, format: 'ccda', ...RANGE_2024, message: 'For my new doctor' }, { cookie });
    expect(res.statusCode).toBe(200);
    expect(res.json().share).toMatchObject({ kind: 'email', recipientEmail: to, status: 'active' });
    const mail = await readMail(h.mailDir, to, /shared health records/, { since });
    const link = mail.text.match(/http:\/\/localhost:3000\/shared#([A-Za-z0-9_-]{43})/);
    expect(link).not.toBeNull();
    expect(mail.text).toContain('Someone has shared health records with you using OurChart');
    expect(mail.text).toMatch(/works until/);
    for (const phi of ['Beatriz', 'Tester', '1980', 'Glucose', 'Diabetes', 'For my new doctor']) expect(mail.text + mail.html + mail.subject).not.toContain(phi);
    const outbox = await h.ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM mail_outbox WHERE to_address = $1', [to]);
    expect(outbox[0]!.n).toBe(1);

    const opened = (await post('/api/shared/view', { token: link![1] })).json();
    expect(opened).toMatchObject({ patientName: 'Beatriz Tester', message: 'For my new doctor' });
    const activity = (await h.app.inject({ url: '/api/account/activity', headers: { cookie } })).json().entries;
    expect(activity).toEqual(expect.arrayContaining([
      expect.objectContaining({ action: 'transmit', details: { format: 'ccda', from: '2024-01-01', to: '2024-12-31', recipient: to } }),
      expect.objectContaining({ action: 'share-view', actorName: to }),
    ]));
    const bad = await post('/api/records/transmit', { email: 'not-an-email', ...RANGE_2024 }, { cookie });
    expect(bad.json().detail).toContain('Enter an email address');
  });
});
