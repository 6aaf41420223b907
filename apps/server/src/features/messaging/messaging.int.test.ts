import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Communication } from '@medplum/fhirtypes';
import { testDrivers } from '../../test/databases.ts';
import { createTestApp, CSRF, type TestApp } from '../../test/app.ts';
import { hashPassword } from '../../platform/auth/passwords.ts';
import { grantProxy, upsertUser } from '../../platform/auth/users.ts';
import { assertValidResource } from '../../platform/fhir-store/validate.ts';
import { createManagedPatient, createStaffUser, sessionCookie } from '../staff/staff-fixtures.ts';
import { addPoolMember, upsertPool } from './messaging.queries.ts';
import { messageForm, PDF, PNG } from './messaging-fixtures.ts';

const ORG = 'org-messaging';
const OTHER_ORG = 'org-messaging-elsewhere';

describe.each(testDrivers)('secure messaging on $name', (driver) => {
  let h: TestApp;
  let poolId: string;
  let practitionerId: string;
  let nurse: Awaited<ReturnType<typeof createStaffUser>>;
  let clinician: Awaited<ReturnType<typeof createStaffUser>>;

  beforeAll(async () => {
    h = await createTestApp(driver);
    practitionerId = `pract-${randomUUID().slice(0, 8)}`;
    poolId = `care-${practitionerId}`;
    await upsertPool(h.ctx.db, { id: poolId, kind: 'care-team', practitionerId, nameEn: "Dr. Test's care team", nameEs: 'Equipo de la Dra. Test', replyTimeEn: '2 business days', replyTimeEs: '2 días hábiles' });
    nurse = await createStaffUser(h.ctx, { role: 'nurse', organizationId: ORG, name: 'Nora Nurse' });
    clinician = await createStaffUser(h.ctx, { role: 'clinician', organizationId: ORG, practitionerId, name: 'Dr. Test' });
    await addPoolMember(h.ctx.db, poolId, nurse.userId);
    await addPoolMember(h.ctx.db, poolId, clinician.userId);
  }, 120_000);
  afterAll(() => h?.close());

  /** A patient of ORG whose clinician is the test pool's practitioner (or none), with an account. */
  async function patientUser(o: { withClinician?: boolean } = {}) {
    const p = await createManagedPatient(h.ctx, ORG, {
      name: [{ use: 'official', given: ['Mia'], family: `Message${randomUUID().slice(0, 4)}` }],
      ...(o.withClinician === false ? {} : { generalPractitioner: [{ reference: `Practitioner/${practitionerId}` }] }),
    });
    const userId = await upsertUser(h.ctx.db, { email: `mia-${p.id!.slice(0, 8)}@example.test`, role: 'patient', displayName: 'Mia Message', patientId: p.id!, practitionerId: null, passwordHash: await hashPassword('correct horse battery staple') });
    return { patientId: p.id!, userId, cookie: await sessionCookie(h.ctx, userId) };
  }

  const get = (cookie: string, url: string) => h.app.inject({ url, headers: { cookie } });
  const send = (method: 'POST' | 'PUT' | 'DELETE', cookie: string, url: string, payload?: object) =>
    h.app.inject({ method, url, headers: { cookie, ...CSRF }, ...(payload ? { payload } : {}) });
  const start = (cookie: string, fields: Record<string, string>, files: Parameters<typeof messageForm>[1] = [], query = '') =>
    h.app.inject({ method: 'POST', url: `/api/messages/threads${query}`, headers: { cookie, ...CSRF }, payload: messageForm(fields, files) });
  const count = async (table: string) => (await h.ctx.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n;
  const question = { topic: 'medical-question', subject: 'Rash on my arm', body: 'I have had a red rash on my arm for three days.' };

  it('routes each topic to a pool: the clinician\'s care team, the front desk or the billing office', async () => {
    const mine = await patientUser();
    const routing = (await get(mine.cookie, '/api/messages/topics')).json<{ topics: { topic: string; pool: { id: string; replyTime: { en: string } } }[] }>();
    const poolOf = (topic: string) => routing.topics.find((t) => t.topic === topic)!.pool.id;
    expect(['medical-question', 'prescription', 'test-result'].map(poolOf)).toEqual([poolId, poolId, poolId]);
    expect([poolOf('scheduling'), poolOf('other'), poolOf('billing')]).toEqual(['front-desk', 'front-desk', 'billing-office']);
    expect(routing.topics.find((t) => t.topic === 'billing')!.pool.replyTime.en).toBe('3 business days');

    // Without a clinician of their own, clinical topics go to the default care-team pool; the thread remembers its pool.
    const other = await patientUser({ withClinician: false });
    const res = await send('POST', other.cookie, '/api/messages/threads', { ...question, topic: 'prescription' });
    expect(res.statusCode).toBe(201);
    const thread = (await get(other.cookie, `/api/messages/threads/${res.json().threadId}`)).json();
    expect(thread).toMatchObject({ topic: 'prescription', status: 'open', pool: { id: 'care-team', replyTime: { en: '2 business days', es: '2 días hábiles' } } });
    const billing = await send('POST', other.cookie, '/api/messages/threads', { ...question, topic: 'billing', subject: 'My bill' });
    expect((await get(other.cookie, `/api/messages/threads/${billing.json().threadId}`)).json().pool.id).toBe('billing-office');
  });

  it('stores attachments encrypted and gives the same bytes back; the text is encrypted too', async () => {
    const p = await patientUser();
    const res = await start(p.cookie, question, [{ name: 'rash.png', type: 'image/png', bytes: PNG }, { name: 'letter.pdf', type: 'application/pdf', bytes: PDF }]);
    expect(res.statusCode).toBe(201);
    const thread = (await get(p.cookie, `/api/messages/threads/${res.json().threadId}`)).json();
    const files = thread.messages[0].attachments as { id: string; fileName: string; contentType: string; size: number }[];
    expect(files.map((f) => [f.fileName, f.contentType, f.size])).toEqual([['rash.png', 'image/png', PNG.length], ['letter.pdf', 'application/pdf', PDF.length]]);

    const png = await get(p.cookie, `/api/messages/attachments/${files[0]!.id}`);
    expect(png.statusCode).toBe(200);
    expect(png.headers['content-type']).toBe('image/png');
    expect(png.headers['content-disposition']).toContain('attachment; filename="rash.png"');
    expect(png.rawPayload.equals(PNG)).toBe(true);
    expect((await get(p.cookie, `/api/messages/attachments/${files[1]!.id}`)).rawPayload.equals(PDF)).toBe(true);

    const [raw] = await h.ctx.db.query<{ data_enc: string }>('SELECT data_enc FROM message_attachments WHERE id = $1', [files[0]!.id]);
    expect(raw!.data_enc.startsWith('v1:')).toBe(true);
    expect(raw!.data_enc).not.toContain(PNG.toString('base64'));
    expect(Buffer.from(raw!.data_enc).includes(PNG.subarray(0, 8))).toBe(false);
    const [msg] = await h.ctx.db.query<{ body_enc: string }>('SELECT body_enc FROM messages WHERE id = $1', [thread.messages[0].id]);
    expect(msg!.body_enc).not.toContain('rash');
    const [t] = await h.ctx.db.query<{ subject_enc: string }>('SELECT subject_enc FROM message_threads WHERE id = $1', [thread.id]);
    expect(t!.subject_enc).not.toContain('Rash');
    // Audited without the text.
    expect(JSON.stringify(await h.ctx.db.query('SELECT * FROM audit_events WHERE patient_id = $1', [p.patientId]))).not.toContain('rash on my arm');
  });

  it('refuses a file whose content is not what its Content-Type or name says (by content), and keeps nothing', async () => {
    const p = await patientUser();
    const before = await Promise.all(['message_threads', 'messages', 'message_attachments'].map(count));
    const lying = await start(p.cookie, question, [{ name: 'photo.png', type: 'image/png', bytes: Buffer.from('#!/bin/sh\necho not a picture\n') }]);
    expect(lying.statusCode).toBe(415);
    expect(lying.json().detail).toContain('You can attach photos (JPEG, PNG or HEIC) and PDF files only.');
    // The same refusal in Spanish for a Spanish page.
    const spanish = await h.app.inject({
      method: 'POST', url: '/api/messages/threads', headers: { cookie: p.cookie, ...CSRF, 'accept-language': 'es' },
      payload: messageForm(question, [{ name: 'photo.png', type: 'image/png', bytes: Buffer.from('not a picture at all') }]),
    });
    expect(spanish.json()).toMatchObject({ status: 415, title: 'No se puede adjuntar este tipo de archivo.', detail: '"photo.png" no es una foto ni un PDF. Solo puede adjuntar fotos (JPEG, PNG o HEIC) y archivos PDF.' });
    const wrongLabel = await start(p.cookie, question, [{ name: 'scan', type: 'application/pdf', bytes: PNG }]);
    expect(wrongLabel.statusCode).toBe(415);
    const wrongName = await start(p.cookie, question, [{ name: 'scan.pdf', type: 'application/octet-stream', bytes: PNG }]);
    expect(wrongName.statusCode).toBe(415);
    // The first file is fine, the second is not: the whole message is refused and nothing is stored.
    const halfway = await start(p.cookie, question, [{ name: 'ok.png', type: 'image/png', bytes: PNG }, { name: 'bad.pdf', type: 'application/pdf', bytes: Buffer.from('MZ fake executable') }]);
    expect(halfway.statusCode).toBe(415);
    const tooMany = await start(p.cookie, question, Array.from({ length: 6 }, (_, i) => ({ name: `p${i}.png`, type: 'image/png', bytes: PNG })));
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().detail).toBe('You can attach up to 5 files to one message.');
    const tooBig = await start(p.cookie, question, [{ name: 'big.png', type: 'image/png', bytes: Buffer.concat([PNG, Buffer.alloc(10 * 1024 * 1024)]) }]);
    expect(tooBig.statusCode).toBe(413);
    expect(await Promise.all(['message_threads', 'messages', 'message_attachments'].map(count))).toEqual(before);
    expect((await get(p.cookie, '/api/messages/threads')).json().threads).toEqual([]);
  });

  it('keeps drafts: a new-message draft and one reply draft per person per thread', async () => {
    const p = await patientUser();
    expect((await get(p.cookie, '/api/messages/draft')).json()).toEqual({ draft: null });
    const saved = await send('PUT', p.cookie, '/api/messages/draft', { topic: 'scheduling', subject: 'Move my visit', body: 'Half written' });
    expect(saved.statusCode).toBe(200);
    expect((await get(p.cookie, '/api/messages/draft')).json().draft).toMatchObject({ topic: 'scheduling', subject: 'Move my visit', body: 'Half written' });
    await send('PUT', p.cookie, '/api/messages/draft', { topic: 'scheduling', subject: 'Move my visit', body: 'Now longer' });
    expect(await h.ctx.db.query('SELECT 1 FROM messages WHERE draft AND thread_id IS NULL AND author_user_id = $1', [p.userId])).toHaveLength(1);
    // Sending the message removes the draft.
    const res = await send('POST', p.cookie, '/api/messages/threads', { topic: 'medical-question', subject: 'Move my visit', body: 'Now longer' });
    expect((await get(p.cookie, '/api/messages/draft')).json()).toEqual({ draft: null });

    const threadUrl = `/api/messages/threads/${res.json().threadId}`;
    expect((await send('PUT', p.cookie, `${threadUrl}/draft`, { body: 'A reply I am still writing' })).statusCode).toBe(200);
    await send('PUT', p.cookie, `${threadUrl}/draft`, { body: 'A reply I am still writing, more' });
    const thread = (await get(p.cookie, threadUrl)).json();
    expect(thread.draft).toMatchObject({ body: 'A reply I am still writing, more' });
    expect(thread.messages).toHaveLength(1); // a draft is not a message anyone else sees
    const staffRes = await get(nurse.cookie, `/api/staff/messages/threads/${thread.id}`);
    expect(staffRes.statusCode, staffRes.body).toBe(200);
    const staffView = staffRes.json();
    expect(staffView.messages).toHaveLength(1);
    expect(staffView.draft).toBeNull();
    expect((await send('DELETE', p.cookie, `${threadUrl}/draft`)).statusCode).toBe(204);
    expect((await get(p.cookie, threadUrl)).json().draft).toBeNull();
  });

  it('shows read receipts both ways and raises notifications for the other side', async () => {
    const p = await patientUser();
    const { threadId } = (await send('POST', p.cookie, '/api/messages/threads', question)).json();
    const url = `/api/messages/threads/${threadId}`;
    expect((await get(p.cookie, url)).json().messages[0].readByOtherSideAt).toBeNull();
    const waiting = await h.ctx.db.query<{ user_id: string }>("SELECT user_id FROM notifications WHERE kind = 'message-waiting' AND entity_id = $1 ORDER BY user_id", [threadId]);
    expect(waiting.map((r) => r.user_id)).toEqual([nurse.userId, clinician.userId].sort());

    const staffRead = (await get(nurse.cookie, `/api/staff/messages/threads/${threadId}`)).json();
    expect(staffRead.patient.id).toBe(p.patientId);
    const seen = (await get(p.cookie, url)).json().messages[0].readByOtherSideAt;
    expect(seen).not.toBeNull();
    expect(Date.parse(seen)).toBeGreaterThan(Date.now() - 60_000);

    const reply = await send('POST', nurse.cookie, `/api/staff/messages/threads/${threadId}/replies`, { body: 'Please send a photo of the rash.', status: 'waiting-on-patient' });
    expect(reply.statusCode).toBe(201);
    const list = (await get(p.cookie, '/api/messages/threads')).json().threads;
    expect(list).toMatchObject([{ id: threadId, status: 'waiting-on-patient', unread: 1, subject: 'Rash on my arm' }]);
    const note = await h.ctx.db.query<{ read_at: Date | null }>("SELECT read_at FROM notifications WHERE kind = 'message-received' AND entity_id = $1 AND user_id = $2", [threadId, p.userId]);
    expect(note).toEqual([{ read_at: null }]);
    expect((await get(nurse.cookie, `/api/staff/messages/threads/${threadId}`)).json().messages[1].readByOtherSideAt).toBeNull();

    const opened = (await get(p.cookie, url)).json();
    expect(opened.messages[1]).toMatchObject({ authorKind: 'staff', authorName: 'Nora Nurse', body: 'Please send a photo of the rash.', mine: false });
    expect((await get(p.cookie, '/api/messages/threads')).json().threads[0].unread).toBe(0);
    expect((await h.ctx.db.query<{ read_at: Date | null }>("SELECT read_at FROM notifications WHERE kind = 'message-received' AND entity_id = $1", [threadId]))[0]!.read_at).not.toBeNull();
    expect((await get(nurse.cookie, `/api/staff/messages/threads/${threadId}`)).json().messages[1].readByOtherSideAt).not.toBeNull();

    // The patient answers: the thread is open again and the assignee (the nurse took it by replying) hears about it.
    expect((await send('POST', p.cookie, `${url}/replies`, { body: 'Photo attached.' })).statusCode).toBe(201);
    expect((await get(p.cookie, url)).json().status).toBe('open');
  });

  it('answers 404 for another patient\'s thread, attachment and draft, and lets a proxy write for their child', async () => {
    const owner = await patientUser();
    const res = await start(owner.cookie, question, [{ name: 'rash.png', type: 'image/png', bytes: PNG }]);
    const { threadId } = res.json();
    const attachmentId = (await get(owner.cookie, `/api/messages/threads/${threadId}`)).json().messages[0].attachments[0].id;
    const stranger = await patientUser();
    for (const r of [
      await get(stranger.cookie, `/api/messages/threads/${threadId}`),
      await get(stranger.cookie, `/api/messages/attachments/${attachmentId}`),
      await send('POST', stranger.cookie, `/api/messages/threads/${threadId}/replies`, { body: 'Hi' }),
      await send('PUT', stranger.cookie, `/api/messages/threads/${threadId}/draft`, { body: 'Hi' }),
      await get(stranger.cookie, `/api/messages/threads?patient=${owner.patientId}`),
    ]) expect(r.statusCode).toBe(404);

    const parentId = await upsertUser(h.ctx.db, { email: `parent-${randomUUID().slice(0, 8)}@example.test`, role: 'patient', displayName: 'Pat Parent', patientId: null, practitionerId: null, passwordHash: null });
    await grantProxy(h.ctx.db, parentId, { patientId: owner.patientId, relationship: 'caregiver', scopes: ['messaging'] });
    const parent = await sessionCookie(h.ctx, parentId);
    const q = `?patient=${owner.patientId}`;
    const proxyList = await get(parent, `/api/messages/threads${q}`);
    expect(proxyList.statusCode, proxyList.body).toBe(200);
    expect(proxyList.json().threads.map((t: { id: string }) => t.id)).toEqual([threadId]);
    expect((await send('POST', parent, `/api/messages/threads/${threadId}/replies${q}`, { body: 'Her father here.' })).statusCode).toBe(201);
    expect((await get(owner.cookie, `/api/messages/threads/${threadId}`)).json().messages[1]).toMatchObject({ authorKind: 'proxy', authorName: 'Pat Parent', mine: false });

    // A proxy whose grant does not include messaging is refused (and it is audited).
    const readerId = await upsertUser(h.ctx.db, { email: `reader-${randomUUID().slice(0, 8)}@example.test`, role: 'patient', displayName: 'Rita Reader', patientId: null, practitionerId: null, passwordHash: null });
    await grantProxy(h.ctx.db, readerId, { patientId: owner.patientId, relationship: 'caregiver', scopes: ['record'] });
    const reader = await sessionCookie(h.ctx, readerId);
    expect((await get(reader, `/api/messages/threads${q}`)).statusCode).toBe(403);
    expect((await get(reader, `/api/messages/threads/${threadId}${q}`)).statusCode).toBe(403);
    expect((await send('POST', reader, `/api/messages/threads/${threadId}/replies${q}`, { body: 'Hello' })).statusCode).toBe(403);
  });

  it('gives staff an inbox with filters and counts; claim, assign, reply and close write Communications to the record', async () => {
    const p = await patientUser();
    const a = (await send('POST', p.cookie, '/api/messages/threads', { ...question, subject: 'Inbox A' })).json().threadId;
    const b = (await start(p.cookie, { ...question, subject: 'Inbox B' }, [{ name: 'scan.pdf', type: 'application/pdf', bytes: PDF }])).json().threadId;
    const inbox = (filter: string) => get(nurse.cookie, `/api/staff/messages/inbox?pool=${poolId}&filter=${filter}`).then((r) => r.json().threads.map((t: { id: string }) => t.id));

    expect(await inbox('unread')).toEqual(expect.arrayContaining([a, b]));
    const pools = (await get(nurse.cookie, '/api/staff/messages/pools')).json().pools;
    expect(pools.map((x: { id: string }) => x.id)).toEqual([poolId]);
    const before = pools[0].counts;

    const claimed = await send('POST', nurse.cookie, `/api/staff/messages/threads/${a}/claim`);
    expect(claimed.json().assignedTo).toEqual({ id: nurse.userId, name: 'Nora Nurse' });
    expect(await inbox('mine')).toContain(a);
    expect(await inbox('unread')).toContain(a); // claiming does not read it; opening does
    await get(nurse.cookie, `/api/staff/messages/threads/${a}`);
    expect(await inbox('unread')).not.toContain(a);

    // Assign B to the clinician: it leaves the nurse's "mine" and joins the clinician's.
    const assigned = await send('POST', nurse.cookie, `/api/staff/messages/threads/${b}/assign`, { userId: clinician.userId });
    expect(assigned.json().assignedTo.id).toBe(clinician.userId);
    expect(await inbox('mine')).not.toContain(b);
    expect((await get(clinician.cookie, `/api/staff/messages/inbox?pool=${poolId}&filter=mine`)).json().threads.map((t: { id: string }) => t.id)).toContain(b);
    const outsiderOfPool = await send('POST', nurse.cookie, `/api/staff/messages/threads/${b}/assign`, { userId: randomUUID() });
    expect(outsiderOfPool.statusCode).toBe(400);

    // Reply with a template's text and mark it waiting on the patient.
    const templates = (await get(nurse.cookie, '/api/staff/messages/templates')).json().templates;
    const created = await send('POST', nurse.cookie, '/api/staff/messages/templates', { poolId, title: 'Send a photo', body: 'Please send a clear photo of the area.' });
    expect(created.statusCode).toBe(201);
    expect((await get(nurse.cookie, '/api/staff/messages/templates')).json().templates).toHaveLength(templates.length + 1);
    const template = created.json();
    expect((await send('PUT', nurse.cookie, `/api/staff/messages/templates/${template.id}`, { ...template, title: 'Photo please' })).json().title).toBe('Photo please');
    expect((await send('POST', nurse.cookie, `/api/staff/messages/threads/${a}/replies`, { body: template.body, status: 'waiting-on-patient' })).statusCode).toBe(201);
    expect(await inbox('waiting')).toEqual([a]);
    expect((await send('DELETE', nurse.cookie, `/api/staff/messages/templates/${template.id}`)).statusCode).toBe(204);
    expect((await send('DELETE', nurse.cookie, `/api/staff/messages/templates/${template.id}`)).statusCode).toBe(404);

    // Close A: its messages become Communications in the patient's record, in one chain.
    const closed = await send('POST', nurse.cookie, `/api/staff/messages/threads/${a}/close`);
    expect(closed.statusCode).toBe(200);
    expect(closed.json().status).toBe('closed');
    expect(await inbox('done')).toEqual([a]);
    expect(await inbox('open')).not.toContain(a);
    const messages = closed.json().messages as { id: string; body: string }[];
    const comms: Communication[] = [];
    for (const m of messages) comms.push((await h.ctx.store.read('Communication', m.id)) as Communication);
    for (const c of comms) expect(() => assertValidResource(c)).not.toThrow();
    expect(comms[0]).toMatchObject({
      status: 'completed', subject: { reference: `Patient/${p.patientId}` }, sender: { reference: `Patient/${p.patientId}` },
      recipient: [{ display: "Dr. Test's care team" }], payload: [{ contentString: question.body }], topic: { text: 'Inbox A' },
    });
    expect(comms[1]).toMatchObject({
      sender: { display: 'Nora Nurse' }, recipient: [{ reference: `Patient/${p.patientId}` }], payload: [{ contentString: 'Please send a clear photo of the area.' }],
      inResponseTo: [{ reference: `Communication/${comms[0]!.id}` }], partOf: [{ reference: `Communication/${comms[0]!.id}` }],
    });
    const [row] = await h.ctx.db.query<{ patient_id: string }>("SELECT patient_id FROM resources WHERE resource_type = 'Communication' AND id = $1", [comms[0]!.id]);
    expect(row!.patient_id).toBe(p.patientId);
    expect((await send('POST', nurse.cookie, `/api/staff/messages/threads/${a}/close`)).statusCode).toBe(409);
    expect((await send('POST', p.cookie, `/api/messages/threads/${a}/replies`, { body: 'One more thing' })).statusCode).toBe(409);
    const after = (await get(nurse.cookie, '/api/staff/messages/pools')).json().pools[0].counts;
    expect(after.done).toBe(before.done + 1);

    // Closing B documents the attachment's name and type (the bytes stay in the portal).
    const closedB = (await send('POST', clinician.cookie, `/api/staff/messages/threads/${b}/close`)).json();
    const commB = (await h.ctx.store.read('Communication', closedB.messages[0].id)) as Communication;
    expect(commB.payload![1]).toEqual({ contentAttachment: { contentType: 'application/pdf', title: 'scan.pdf', size: PDF.length } });
    // Staff can download attachments of their pool's threads.
    const file = await get(nurse.cookie, `/api/staff/messages/attachments/${closedB.messages[0].attachments[0].id}`);
    expect(file.rawPayload.equals(PDF)).toBe(true);
  });

  it('keeps a thread from staff outside its pool, and from pool members outside the patient\'s care team', async () => {
    const p = await patientUser();
    const { threadId } = (await start(p.cookie, question, [{ name: 'rash.png', type: 'image/png', bytes: PNG }])).json();
    const attachmentId = (await get(p.cookie, `/api/messages/threads/${threadId}`)).json().messages[0].attachments[0].id;
    const notInPool = await createStaffUser(h.ctx, { role: 'clinician', organizationId: ORG, practitionerId: `pract-${randomUUID().slice(0, 6)}` });
    const elsewhere = await createStaffUser(h.ctx, { role: 'nurse', organizationId: OTHER_ORG });
    await addPoolMember(h.ctx.db, poolId, elsewhere.userId);
    for (const cookie of [notInPool.cookie, elsewhere.cookie]) {
      expect((await get(cookie, `/api/staff/messages/threads/${threadId}`)).statusCode).toBe(404);
      expect((await send('POST', cookie, `/api/staff/messages/threads/${threadId}/replies`, { body: 'Hello' })).statusCode).toBe(404);
      expect((await send('POST', cookie, `/api/staff/messages/threads/${threadId}/claim`)).statusCode).toBe(404);
      expect((await get(cookie, `/api/staff/messages/attachments/${attachmentId}`)).statusCode).toBe(404);
    }
    // The other organization's pool member does not see the thread in the shared pool's inbox either.
    expect((await get(elsewhere.cookie, `/api/staff/messages/inbox?pool=${poolId}`)).json().threads.map((t: { id: string }) => t.id)).not.toContain(threadId);
    expect((await get(notInPool.cookie, `/api/staff/messages/inbox?pool=${poolId}`)).statusCode).toBe(404);
    // Patients have no staff inbox.
    expect((await get(p.cookie, '/api/staff/messages/pools')).statusCode).toBe(404);
    const denied = await h.ctx.db.query("SELECT 1 FROM audit_events WHERE actor_id = $1 AND entity_id = $2 AND outcome = 'denied'", [notInPool.userId, threadId]);
    expect(denied.length).toBeGreaterThan(0);
  });
});
