import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import PDFDocument from 'pdfkit';
import type { Composition, DocumentReference, Encounter } from '@medplum/fhirtypes';
import { testDrivers } from '../../test/databases.ts';
import { createPatientUser, createTestApp, signInCookie, type TestApp } from '../../test/app.ts';
import { buildCondition } from '../../test/factories.ts';

const RESTRICTED = { security: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality', code: 'R' }] };
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

function encounter(patientId: string, start: string, overrides: Partial<Encounter> = {}): Encounter {
  return {
    resourceType: 'Encounter', status: 'finished', class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB' },
    type: [{ text: 'Follow-up visit' }], subject: { reference: `Patient/${patientId}` }, period: { start, end: start },
    participant: [{ individual: { reference: 'Practitioner/p1', display: 'Dr. Maya Chen' } }],
    location: [{ location: { reference: 'Location/l1', display: 'Riverbend Clinic' } }], reasonCode: [{ text: 'Blood pressure check' }],
    ...overrides,
  };
}

function note(patientId: string, encounterId: string, contentType: string, data: string, overrides: Partial<DocumentReference> = {}): DocumentReference {
  return {
    resourceType: 'DocumentReference', status: 'current', type: { text: 'Visit note' }, subject: { reference: `Patient/${patientId}` },
    date: '2025-02-01T10:00:00Z', author: [{ display: 'Dr. Maya Chen' }], description: 'Visit note',
    content: [{ attachment: { contentType, data, title: 'Visit note' } }], context: { encounter: [{ reference: `Encounter/${encounterId}` }] },
    ...overrides,
  };
}

async function pdfBase64(): Promise<string> {
  const doc = new PDFDocument();
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', resolve));
  doc.text('Discharge letter');
  doc.end();
  await done;
  return Buffer.concat(chunks).toString('base64');
}

describe.each(testDrivers)('visits and clinical documents on $name', (driver) => {
  let h: TestApp;
  beforeAll(async () => {
    h = await createTestApp(driver);
  });
  afterAll(() => h?.close());

  it('lists past visits newest first with clinician, place, diagnoses and notes; never planned ones', async () => {
    const u = await createPatientUser(h.ctx);
    const older = await h.ctx.store.create(encounter(u.patientId, '2024-01-05T09:00:00Z'));
    const htn = await h.ctx.store.create(buildCondition(u.patientId, { code: { text: 'High blood pressure' } }));
    const newer = await h.ctx.store.create(encounter(u.patientId, '2025-02-01T09:00:00Z', { type: [{ text: 'Yearly checkup' }], diagnosis: [{ condition: { reference: `Condition/${htn.id}` } }] }));
    await h.ctx.store.create(buildCondition(u.patientId, { code: { text: 'Sinus infection' }, encounter: { reference: `Encounter/${newer.id}` } }));
    await h.ctx.store.create(encounter(u.patientId, '2099-01-01T09:00:00Z', { status: 'planned' }));
    await h.ctx.store.create(note(u.patientId, newer.id!, 'text/plain', b64('SUBJECTIVE\nFeels well.')));
    await h.ctx.store.create(note(u.patientId, newer.id!, 'text/html', b64('<h1>Plan</h1>'), { date: '2025-02-02T10:00:00Z', description: 'Care plan' }));

    const cookie = await signInCookie(h.app, u.email, u.password);
    const res = await h.app.inject({ url: '/api/records/visits', headers: { cookie } });
    expect(res.statusCode).toBe(200);
    const { visits } = res.json();
    expect(visits.map((v: { id: string }) => v.id)).toEqual([newer.id, older.id]);
    expect(visits[0]).toMatchObject({
      type: 'Yearly checkup', start: '2025-02-01T09:00:00Z', clinicians: ['Dr. Maya Chen'], location: 'Riverbend Clinic', reasons: ['Blood pressure check'],
      diagnoses: [{ name: 'High blood pressure', conditionId: htn.id }, { name: 'Sinus infection', conditionId: expect.any(String) }],
    });
    expect(visits[0].notes.map((n: { title: string }) => n.title)).toEqual(['Care plan', 'Visit note']);
    expect(visits[0].notes[1]).toMatchObject({ author: 'Dr. Maya Chen', encounterId: newer.id, confidential: false, attachments: [{ index: 0, contentType: 'text/plain', title: 'Visit note', size: 22 }] });
    expect(visits[1].notes).toEqual([]);

    const byVisit = (await h.app.inject({ url: `/api/records/documents?encounter=${older.id}`, headers: { cookie } })).json();
    expect(byVisit.documents).toEqual([]);
    const all = (await h.app.inject({ url: '/api/records/documents', headers: { cookie } })).json();
    expect(all.documents.map((d: { title: string }) => d.title)).toEqual(['Care plan', 'Visit note']);
  });

  it('serves plain text as text, HTML sanitized, PDF as bytes inline or as a download; other patients get 404', async () => {
    const u = await createPatientUser(h.ctx);
    const other = await createPatientUser(h.ctx);
    const visit = await h.ctx.store.create(encounter(u.patientId, '2025-03-01T09:00:00Z'));
    const plain = await h.ctx.store.create(note(u.patientId, visit.id!, 'text/plain; charset=utf-8', b64('Line one\nLínea dos')));
    const attack = [
      '<h2>Plan</h2><script>alert(1)</script><p onclick="steal()" style="background:url(javascript:alert(2))">Walk daily</p>',
      '<img src=x onerror="alert(3)"><a href="javascript:alert(4)">click</a><a href="https://medlineplus.gov/">MedlinePlus</a>',
      '<style>body{display:none}</style><iframe src="https://evil.example"></iframe><svg onload="alert(5)"></svg>',
    ].join('');
    const html = await h.ctx.store.create(note(u.patientId, visit.id!, 'text/html', b64(attack)));
    const pdf = await h.ctx.store.create(note(u.patientId, visit.id!, 'application/pdf', await pdfBase64()));
    const theirs = await h.ctx.store.create(note(other.patientId, visit.id!, 'text/plain', b64('Private')));
    const cookie = await signInCookie(h.app, u.email, u.password);
    const get = (path: string) => h.app.inject({ url: path, headers: { cookie } });

    const text = await get(`/api/records/documents/${plain.id}/content?index=0`);
    expect(text.statusCode).toBe(200);
    expect(text.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(text.body).toBe('Line one\nLínea dos');
    // Without an index, the first attachment.
    expect((await get(`/api/records/documents/${plain.id}/content`)).body).toBe('Line one\nLínea dos');

    const cleaned = await get(`/api/records/documents/${html.id}/content?index=0`);
    expect(cleaned.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(cleaned.headers['content-security-policy']).toContain('sandbox');
    expect(cleaned.body).toContain('<h2>Plan</h2>');
    expect(cleaned.body).toContain('<p>Walk daily</p>');
    expect(cleaned.body).toContain('<a href="https://medlineplus.gov/" rel="noopener noreferrer">MedlinePlus</a>');
    for (const bad of ['<script', 'alert', 'onclick', 'onerror', 'onload', 'style', 'javascript:', '<img', '<iframe', '<svg', 'display:none']) {
      expect(cleaned.body).not.toContain(bad);
    }

    const inline = await get(`/api/records/documents/${pdf.id}/content?index=0`);
    expect(inline.statusCode).toBe(200);
    expect(inline.headers['content-type']).toBe('application/pdf');
    expect(inline.headers['content-disposition']).toBe('inline; filename="Visit note.pdf"');
    expect(inline.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const saved = await get(`/api/records/documents/${pdf.id}/content?index=0&download=1`);
    expect(saved.headers['content-disposition']).toBe('attachment; filename="Visit note.pdf"');

    expect((await get(`/api/records/documents/${theirs.id}/content?index=0`)).statusCode).toBe(404);
    expect((await get(`/api/records/documents/${plain.id}/content?index=0&patient=${other.patientId}`)).statusCode).toBe(404);
    expect((await get(`/api/records/documents/${plain.id}/content?index=3`)).statusCode).toBe(404);
    const bad = await get(`/api/records/documents/${plain.id}/content?index=first`);
    expect(bad.statusCode).toBe(400);
    expect((await get(`/api/records/documents?patient=${other.patientId}`)).statusCode).toBe(404);
  });

  it('shows a confidential note to the patient but not to a parent, who gets 404 (audited as denied)', async () => {
    const child = await createPatientUser(h.ctx, { given: 'Teen' });
    const parent = await createPatientUser(h.ctx, { given: 'Parent', proxyFor: [child.patientId] });
    const visit = await h.ctx.store.create(encounter(child.patientId, '2025-04-01T09:00:00Z'));
    const open = await h.ctx.store.create(note(child.patientId, visit.id!, 'text/plain', b64('Sports physical')));
    const secret = await h.ctx.store.create(note(child.patientId, visit.id!, 'text/plain', b64('Confidential counselling'), { meta: RESTRICTED, description: 'Counselling note' }));

    const self = await signInCookie(h.app, child.email, child.password);
    const own = (await h.app.inject({ url: '/api/records/visits', headers: { cookie: self } })).json();
    expect(own.visits[0].notes.map((n: { id: string; confidential: boolean }) => [n.id, n.confidential])).toEqual(expect.arrayContaining([[secret.id, true], [open.id, false]]));
    expect((await h.app.inject({ url: `/api/records/documents/${secret.id}/content?index=0`, headers: { cookie: self } })).body).toBe('Confidential counselling');

    const proxy = await signInCookie(h.app, parent.email, parent.password);
    const q = `patient=${child.patientId}`;
    const visits = (await h.app.inject({ url: `/api/records/visits?${q}`, headers: { cookie: proxy } })).json();
    expect(visits.visits[0].notes.map((n: { id: string }) => n.id)).toEqual([open.id]);
    const docs = (await h.app.inject({ url: `/api/records/documents?${q}`, headers: { cookie: proxy } })).json();
    expect(docs.documents.map((d: { id: string }) => d.id)).toEqual([open.id]);
    const read = await h.app.inject({ url: `/api/records/documents/${secret.id}/content?index=0&${q}`, headers: { cookie: proxy } });
    expect(read.statusCode).toBe(404);
    expect(read.body).not.toContain('Confidential counselling');

    const denied = await h.ctx.db.query<{ action: string; entity_id: string }>(
      "SELECT action, entity_id FROM audit_events WHERE patient_id = $1 AND outcome = 'denied' AND query = 'policy=confidential' ORDER BY seq", [child.patientId]);
    expect(denied.map((d) => d.action)).toEqual(['search', 'search', 'read']);
    expect(denied.every((d) => d.entity_id === secret.id)).toBe(true);
  });

  it('lists Composition notes with their visit, serves their sections as sanitized HTML, and hides restricted ones from a parent', async () => {
    const child = await createPatientUser(h.ctx, { given: 'Kid' });
    const parent = await createPatientUser(h.ctx, { given: 'Mom', proxyFor: [child.patientId] });
    const visit = await h.ctx.store.create(encounter(child.patientId, '2025-05-01T09:00:00Z'));
    const composition = (title: string, confidentiality?: 'R') => h.ctx.store.create<Composition>({
      resourceType: 'Composition', status: 'final', type: { text: 'Progress note' }, subject: { reference: `Patient/${child.patientId}` },
      encounter: { reference: `Encounter/${visit.id}` }, date: '2025-05-01T10:00:00Z', author: [{ display: 'Dr. Maya Chen' }], title,
      ...(confidentiality ? { confidentiality } : {}),
      section: [{ title: 'Plan', text: { status: 'generated', div: '<div xmlns="http://www.w3.org/1999/xhtml"><p>Rest & fluids</p></div>' } }],
    });
    const open = await composition('Ear infection visit');
    const secret = await composition('Private talk', 'R');

    const self = await signInCookie(h.app, child.email, child.password);
    const own = (await h.app.inject({ url: '/api/records/visits', headers: { cookie: self } })).json();
    expect(own.visits[0].notes).toEqual(expect.arrayContaining([
      expect.objectContaining({ id: open.id, title: 'Ear infection visit', author: 'Dr. Maya Chen', confidential: false, attachments: [{ index: 0, contentType: 'text/html', title: 'Ear infection visit', size: null }] }),
      expect.objectContaining({ id: secret.id, confidential: true }),
    ]));
    const html = await h.app.inject({ url: `/api/records/documents/${open.id}/content?index=0`, headers: { cookie: self } });
    expect(html.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(html.body).toBe('<h2>Plan</h2><div><p>Rest &amp; fluids</p></div>');

    const proxy = await signInCookie(h.app, parent.email, parent.password);
    const q = `patient=${child.patientId}`;
    const docs = (await h.app.inject({ url: `/api/records/documents?encounter=${visit.id}&${q}`, headers: { cookie: proxy } })).json();
    expect(docs.documents.map((d: { id: string }) => d.id)).toEqual([open.id]);
    expect((await h.app.inject({ url: `/api/records/documents/${secret.id}/content?${q}`, headers: { cookie: proxy } })).statusCode).toBe(404);
  });
});
