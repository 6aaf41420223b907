import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Task } from '@medplum/fhirtypes';
import { testDrivers } from '../../test/databases.ts';
import { createPatientUser, createTestApp, CSRF, signInCookie, type TestApp } from '../../test/app.ts';
import { buildCondition } from '../../test/factories.ts';
import { createManagedPatient, createStaffUser, sessionCookie } from '../staff/staff-fixtures.ts';
import { upsertUser } from '../../platform/auth/users.ts';
import { hashPassword } from '../../platform/auth/passwords.ts';
import { insertBreakGlassGrant } from '../../platform/access/staff-break-glass.ts';

const ORG = 'org-corrections';
const OTHER_ORG = 'org-elsewhere';

describe.each(testDrivers)('correction requests on $name', (driver) => {
  let h: TestApp;
  beforeAll(async () => {
    h = await createTestApp(driver);
  });
  afterAll(() => h?.close());

  const post = (cookie: string, url: string, payload: unknown) => h.app.inject({ method: 'POST', url, headers: { cookie, ...CSRF }, payload: payload as object });
  const get = (cookie: string, url: string) => h.app.inject({ url, headers: { cookie } });
  const ask = (cookie: string, item: string, whatIsWrong = 'I never had diabetes.', shouldSay = 'Remove this problem.') =>
    post(cookie, '/api/records/corrections', { item, whatIsWrong, shouldSay });
  const taskCount = async () => (await h.ctx.db.query<{ n: number }>("SELECT count(*)::int AS n FROM resources WHERE resource_type = 'Task'"))[0]!.n;

  /** A patient of ORG with a user account and one Condition. */
  async function managedPatientUser() {
    const p = await createManagedPatient(h.ctx, ORG, { name: [{ use: 'official', given: ['Rosa'], family: 'Marquez' }] });
    const condition = await h.ctx.store.create(buildCondition(p.id!));
    const email = `rosa-${p.id!.slice(0, 8)}@example.test`;
    const userId = await upsertUser(h.ctx.db, { email, role: 'patient', displayName: 'Rosa Marquez', patientId: p.id!, practitionerId: null, passwordHash: await hashPassword('correct horse battery staple') });
    return { patientId: p.id!, item: `Condition/${condition.id}`, userId, cookie: await sessionCookie(h.ctx, userId) };
  }

  it('takes a request on the patient\'s own item, stores it as a Task attached to the item, and lists it', async () => {
    const u = await createPatientUser(h.ctx);
    const condition = await h.ctx.store.create(buildCondition(u.patientId));
    const cookie = await signInCookie(h.app, u.email, u.password);
    const item = `Condition/${condition.id}`;

    const res = await ask(cookie, item);
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({ status: 'open', item: { reference: item, resourceType: 'Condition', name: 'Type 2 diabetes' }, whatIsWrong: 'I never had diabetes.', decidedAt: null });

    const task = (await h.ctx.store.read('Task', created.id)) as Task;
    expect(task).toMatchObject({ status: 'requested', intent: 'order', focus: { reference: item }, for: { reference: `Patient/${u.patientId}` }, requester: { reference: `Patient/${u.patientId}` } });

    const forItem = (await get(cookie, `/api/records/corrections?item=${item}`)).json();
    expect(forItem.item).toEqual({ reference: item, resourceType: 'Condition', name: 'Type 2 diabetes' });
    expect(forItem.requests.map((r: { id: string }) => r.id)).toEqual([created.id]);
    const all = (await get(cookie, '/api/records/corrections')).json();
    expect(all).toMatchObject({ item: null, requests: [{ id: created.id, status: 'open' }] });

    // Audited without the text (PHI).
    const events = await h.ctx.db.query<{ query: string }>("SELECT query FROM audit_events WHERE action = 'create' AND entity_type = 'Task' AND entity_id = $1", [created.id]);
    expect(events).toEqual([{ query: `item=${item}` }]);
    expect(JSON.stringify(await h.ctx.db.query('SELECT * FROM audit_events WHERE patient_id = $1', [u.patientId]))).not.toContain('never had diabetes');
  });

  it('answers 404 for another patient\'s item, 409 for a second open request, 400 for bad input with nothing stored', async () => {
    const u = await createPatientUser(h.ctx);
    const other = await createPatientUser(h.ctx);
    const mine = await h.ctx.store.create(buildCondition(u.patientId));
    const theirs = await h.ctx.store.create(buildCondition(other.patientId));
    const cookie = await signInCookie(h.app, u.email, u.password);
    const before = await taskCount();

    const denied = await ask(cookie, `Condition/${theirs.id}`);
    expect(denied.statusCode).toBe(404);
    expect((await get(cookie, `/api/records/corrections?item=Condition/${theirs.id}`)).statusCode).toBe(404);
    expect((await ask(cookie, 'Practitioner/anyone')).statusCode).toBe(404);

    const empty = await ask(cookie, `Condition/${mine.id}`, '  ', '');
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors.map((e: { path: string; message: string }) => e.message)).toEqual([
      'Tell us what is wrong (at least 5 characters).', 'Tell us what it should say (at least 2 characters).',
    ]);
    expect((await ask(cookie, 'not-a-reference')).json().errors[0].message).toBe('Name the item as Type/id, for example Condition/abc.');
    expect(await taskCount()).toBe(before);

    expect((await ask(cookie, `Condition/${mine.id}`)).statusCode).toBe(201);
    const again = await ask(cookie, `Condition/${mine.id}`, 'Another try at it.');
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toMatch(/^You already asked to correct this item\./);
    expect(await taskCount()).toBe(before + 1);

    // Two requests at the same moment: the unique index lets exactly one through.
    const fresh = await h.ctx.store.create(buildCondition(u.patientId));
    const raced = await Promise.all([ask(cookie, `Condition/${fresh.id}`), ask(cookie, `Condition/${fresh.id}`)]);
    expect(raced.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(await taskCount()).toBe(before + 2);
  });

  it('lets the care team deny with a reason; the patient sees it, is notified once, and can attach a statement of disagreement', async () => {
    const p = await managedPatientUser();
    const nurse = await createStaffUser(h.ctx, { role: 'nurse', organizationId: ORG, practitionerId: 'pract-corr-nurse' });
    const outsider = await createStaffUser(h.ctx, { role: 'clinician', organizationId: OTHER_ORG });
    const { id } = (await ask(p.cookie, p.item, 'The start date is wrong.', 'It started in 2021.')).json();

    // The queue of the care team shows it with the patient's name; outsiders see nothing and cannot decide.
    const queue = (await get(nurse.cookie, '/api/staff/corrections?status=open')).json();
    expect(queue.requests.find((r: { id: string }) => r.id === id)).toMatchObject({ patient: { id: p.patientId, name: 'Rosa Marquez' }, whatIsWrong: 'The start date is wrong.', shouldSay: 'It started in 2021.' });
    expect((await get(outsider.cookie, '/api/staff/corrections?status=open')).json().requests.map((r: { id: string }) => r.id)).not.toContain(id);
    const outsiderDecision = await post(outsider.cookie, `/api/staff/corrections/${id}/decision`, { decision: 'deny', reason: 'Not on my team.' });
    expect(outsiderDecision.statusCode).toBe(404);
    expect(outsiderDecision.body).not.toContain('Rosa');
    const refusals = await h.ctx.db.query("SELECT outcome FROM audit_events WHERE actor_id = $1 AND entity_type = 'Task' AND entity_id = $2", [outsider.userId, id]);
    expect(refusals).toEqual([{ outcome: 'denied' }]);
    expect((await get(p.cookie, '/api/staff/corrections')).statusCode).toBe(404);

    const noReason = await post(nurse.cookie, `/api/staff/corrections/${id}/decision`, { decision: 'deny' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors).toEqual([{ path: 'reason', message: 'Give the patient a reason for the denial (at least 5 characters).' }]);
    expect((await get(p.cookie, '/api/records/corrections')).json().requests[0].status).toBe('open');

    const denied = await post(nurse.cookie, `/api/staff/corrections/${id}/decision`, { decision: 'deny', reason: 'The clinic notes show it began in 2019.' });
    expect(denied.statusCode).toBe(200);
    expect(denied.json()).toMatchObject({ status: 'denied', reason: 'The clinic notes show it began in 2019.' });
    expect((await post(nurse.cookie, `/api/staff/corrections/${id}/decision`, { decision: 'accept', changeNote: 'Changed it anyway.' })).statusCode).toBe(409);

    const seen = (await get(p.cookie, `/api/records/corrections?item=${p.item}`)).json().requests[0];
    expect(seen).toMatchObject({ status: 'denied', reason: 'The clinic notes show it began in 2019.', decidedAt: expect.any(String), disagreement: null });
    const task = (await h.ctx.store.read('Task', id)) as Task;
    expect(task).toMatchObject({ status: 'rejected', statusReason: { text: 'The clinic notes show it began in 2019.' }, owner: { reference: 'Practitioner/pract-corr-nurse' } });

    const notes = await h.ctx.db.query("SELECT kind, entity_type, entity_id FROM notifications WHERE user_id = $1", [p.userId]);
    expect(notes).toEqual([{ kind: 'amendment-decided', entity_type: 'Task', entity_id: id }]);

    const tooShort = await post(p.cookie, `/api/records/corrections/${id}/disagreement`, { statement: 'No.' });
    expect(tooShort.statusCode).toBe(400);
    const statement = 'My old doctor diagnosed it in 2021; I have the letter.';
    const added = await post(p.cookie, `/api/records/corrections/${id}/disagreement`, { statement });
    expect(added.statusCode).toBe(200);
    expect(added.json().disagreement).toMatchObject({ statement, at: expect.any(String) });
    expect((await post(p.cookie, `/api/records/corrections/${id}/disagreement`, { statement })).statusCode).toBe(409);
    const attached = (await get(p.cookie, `/api/records/corrections?item=${p.item}`)).json().requests[0];
    expect(attached.disagreement.statement).toBe(statement);
    expect((await h.ctx.store.history('Task', id)).length).toBe(3);

    // The item is free for a new request once the first was decided.
    expect((await ask(p.cookie, p.item)).statusCode).toBe(201);
  });

  it('records an acceptance with what was changed, and refuses a statement of disagreement on it', async () => {
    const p = await managedPatientUser();
    const clinician = await createStaffUser(h.ctx, { role: 'clinician', organizationId: ORG });
    const { id } = (await ask(p.cookie, p.item)).json();
    const noNote = await post(clinician.cookie, `/api/staff/corrections/${id}/decision`, { decision: 'accept' });
    expect(noNote.json().errors).toEqual([{ path: 'changeNote', message: 'Say what was changed in the record (at least 5 characters).' }]);
    const accepted = await post(clinician.cookie, `/api/staff/corrections/${id}/decision`, { decision: 'accept', changeNote: 'Marked the problem as entered in error in the EHR.' });
    expect(accepted.json()).toMatchObject({ status: 'accepted', changeNote: 'Marked the problem as entered in error in the EHR.' });
    expect(((await h.ctx.store.read('Task', id)) as Task).status).toBe('completed');
    const decided = (await get(clinician.cookie, '/api/staff/corrections?status=decided')).json();
    expect(decided.requests.map((r: { id: string }) => r.id)).toContain(id);
    expect((await get(clinician.cookie, '/api/staff/corrections?status=open')).json().requests.map((r: { id: string }) => r.id)).not.toContain(id);
    expect((await post(p.cookie, `/api/records/corrections/${id}/disagreement`, { statement: 'I disagree with this somehow.' })).statusCode).toBe(409);
    // Another patient cannot add to it at all.
    const other = await createPatientUser(h.ctx);
    const otherCookie = await signInCookie(h.app, other.email, other.password);
    expect((await post(otherCookie, `/api/records/corrections/${id}/disagreement`, { statement: 'Not my request at all.' })).statusCode).toBe(404);
  });

  it('lets a proxy ask for the child they hold a grant for; emergency access shows the request but cannot decide it', async () => {
    const p = await managedPatientUser();
    const parent = await createPatientUser(h.ctx, { given: 'Parent', proxyFor: [p.patientId] });
    const parentCookie = await signInCookie(h.app, parent.email, parent.password);
    const created = await h.app.inject({ method: 'POST', url: `/api/records/corrections?patient=${p.patientId}`, headers: { cookie: parentCookie, ...CSRF }, payload: { item: p.item, whatIsWrong: 'This problem is not hers.', shouldSay: 'Please remove it.' } });
    expect(created.statusCode).toBe(201);
    const task = (await h.ctx.store.read('Task', created.json().id)) as Task;
    expect(task.requester).toMatchObject({ type: 'RelatedPerson', identifier: { value: parent.userId } });
    // Without ?patient= the item is not in the parent's own record.
    expect((await ask(parentCookie, p.item)).statusCode).toBe(404);

    const outsider = await createStaffUser(h.ctx, { role: 'clinician', organizationId: OTHER_ORG });
    await insertBreakGlassGrant(h.ctx.db, h.ctx.keyring, { userId: outsider.userId, patientId: p.patientId, reason: 'Seen in the emergency room.' });
    const queue = (await get(outsider.cookie, '/api/staff/corrections')).json();
    expect(queue.requests.map((r: { id: string }) => r.id)).toContain(created.json().id);
    const refused = await post(outsider.cookie, `/api/staff/corrections/${created.json().id}/decision`, { decision: 'deny', reason: 'Emergency only.' });
    expect(refused.statusCode).toBe(403);
    expect(((await h.ctx.store.read('Task', created.json().id)) as Task).status).toBe('requested');

    // The decision notifies the patient and the proxy, once each.
    const nurse = await createStaffUser(h.ctx, { role: 'nurse', organizationId: ORG });
    expect((await post(nurse.cookie, `/api/staff/corrections/${created.json().id}/decision`, { decision: 'deny', reason: 'The problem was confirmed by testing.' })).statusCode).toBe(200);
    const told = await h.ctx.db.query<{ user_id: string }>("SELECT user_id FROM notifications WHERE kind = 'amendment-decided' AND entity_id = $1 ORDER BY user_id", [created.json().id]);
    expect(told.map((r) => r.user_id).sort()).toEqual([p.userId, parent.userId].sort());
  });
});
