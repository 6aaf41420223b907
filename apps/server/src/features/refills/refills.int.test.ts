import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MedicationRequest, Task } from '@medplum/fhirtypes';
import { testDrivers } from '../../test/databases.ts';
import { createPatientUser, createTestApp, CSRF, type TestApp } from '../../test/app.ts';
import { buildAllergy } from '../../test/factories.ts';
import { hashPassword } from '../../platform/auth/passwords.ts';
import { upsertUser } from '../../platform/auth/users.ts';
import { assertValidResource } from '../../platform/fhir-store/validate.ts';
import { createManagedPatient, createStaffUser, sessionCookie } from '../staff/staff-fixtures.ts';
import { addPoolMember, upsertPool } from '../messaging/messaging.queries.ts';
import { seedPharmacies } from './pharmacies.ts';
import { createPrescription, PHARMACY_ID } from './refills-fixtures.ts';

const ORG = 'org-refills';

describe.each(testDrivers)('refill requests on $name', (driver) => {
  let h: TestApp;
  let poolId: string;
  let practitionerId: string;
  let nurse: Awaited<ReturnType<typeof createStaffUser>>;
  let clinician: Awaited<ReturnType<typeof createStaffUser>>;
  let outsider: Awaited<ReturnType<typeof createStaffUser>>;

  beforeAll(async () => {
    h = await createTestApp(driver);
    await seedPharmacies(h.ctx.store);
    practitionerId = `pract-${randomUUID().slice(0, 8)}`;
    poolId = `care-${practitionerId}`;
    await upsertPool(h.ctx.db, { id: poolId, kind: 'care-team', practitionerId, nameEn: "Dr. Test's care team", nameEs: 'Equipo de la Dra. Test', replyTimeEn: '2 business days', replyTimeEs: '2 días hábiles' });
    nurse = await createStaffUser(h.ctx, { role: 'nurse', organizationId: ORG, name: 'Nora Nurse' });
    clinician = await createStaffUser(h.ctx, { role: 'clinician', organizationId: ORG, practitionerId, name: 'Dr. Test' });
    // Same organization, not in the prescriber's pool: the request is not theirs to answer.
    outsider = await createStaffUser(h.ctx, { role: 'clinician', organizationId: ORG, name: 'Dr. Elsewhere' });
    await addPoolMember(h.ctx.db, poolId, nurse.userId);
    await addPoolMember(h.ctx.db, poolId, clinician.userId);
  }, 120_000);
  afterAll(() => h?.close());

  async function patientUser() {
    const p = await createManagedPatient(h.ctx, ORG, { name: [{ use: 'official', given: ['Rita'], family: `Refill${randomUUID().slice(0, 4)}` }] });
    const userId = await upsertUser(h.ctx.db, { email: `rita-${p.id!.slice(0, 8)}@example.test`, role: 'patient', displayName: 'Rita Refill', patientId: p.id!, practitionerId: null, passwordHash: await hashPassword('correct horse battery staple') });
    return { patientId: p.id!, userId, cookie: await sessionCookie(h.ctx, userId) };
  }

  const get = (cookie: string, url: string) => h.app.inject({ url, headers: { cookie } });
  const post = (cookie: string, url: string, payload: object = {}, headers: Record<string, string> = {}) =>
    h.app.inject({ method: 'POST', url, headers: { cookie, ...CSRF, ...headers }, payload });
  const ask = (cookie: string, medicationRequestId: string, extra: object = {}, query = '') =>
    post(cookie, `/api/refills${query}`, { medicationRequestId, pharmacyId: PHARMACY_ID, ...extra });
  const rowOf = async (id: string) => (await h.ctx.db.query<{ state: string; pool_id: string; renewed_medication_id: string | null }>('SELECT state, pool_id, renewed_medication_id FROM refill_requests WHERE id = $1', [id]))[0];
  const notifications = async (userId: string) => h.ctx.db.query<{ kind: string; entity_id: string }>("SELECT kind, entity_id FROM notifications WHERE user_id = $1 AND kind = 'refill-decided'", [userId]);

  it('stores a request as a Task routed to the prescriber\'s pool, remembers the pharmacy and lists it', async () => {
    const p = await patientUser();
    const med = await createPrescription(h.ctx, p.patientId, { practitionerId });
    const choices = (await get(p.cookie, '/api/refills/pharmacies')).json();
    expect(choices.pharmacies.map((x: { name: string }) => x.name)).toEqual(['Main Street Pharmacy', 'OurChart Mail-Order Pharmacy', 'Westside Drug Store']);
    expect(choices.preferredPharmacyId).toBeNull();

    const res = await ask(p.cookie, med.id!, { note: 'I have 5 tablets left.' });
    expect(res.statusCode).toBe(201);
    const request = res.json();
    expect(request).toMatchObject({ medication: { id: med.id, name: 'lisinopril 20 MG Oral Tablet' }, pharmacy: { id: PHARMACY_ID, name: 'Main Street Pharmacy' }, note: 'I have 5 tablets left.', status: 'requested', decidedAt: null });
    expect((await rowOf(request.id))).toMatchObject({ state: 'open', pool_id: poolId });
    // Every member of the prescriber's pool is told a request is waiting (in-app; no medicine named).
    const told = await h.ctx.db.query<{ user_id: string }>("SELECT user_id FROM notifications WHERE kind = 'refill-waiting' AND entity_id = $1", [request.id]);
    const members = await h.ctx.db.query<{ user_id: string }>('SELECT user_id FROM message_pool_members WHERE pool_id = $1', [poolId]);
    expect(members.length).toBeGreaterThan(0);
    expect(told.map((r) => r.user_id).sort()).toEqual(members.map((r) => r.user_id).sort());
    const task = await h.ctx.store.read('Task', request.id) as Task;
    assertValidResource(task);
    expect(task).toMatchObject({ status: 'requested', intent: 'order', focus: { reference: `MedicationRequest/${med.id}` }, for: { reference: `Patient/${p.patientId}` }, owner: { reference: `Practitioner/${practitionerId}` } });

    expect((await get(p.cookie, '/api/refills/pharmacies')).json().preferredPharmacyId).toBe(PHARMACY_ID);
    const list = (await get(p.cookie, '/api/refills')).json();
    expect(list.requests.map((r: { id: string; status: string }) => [r.id, r.status])).toEqual([[request.id, 'requested']]);
  });

  it('routes to the default care-team pool when the prescriber has no pool', async () => {
    const p = await patientUser();
    const med = await createPrescription(h.ctx, p.patientId, { practitionerId: 'pract-without-pool' });
    const res = await ask(p.cookie, med.id!);
    expect(res.statusCode).toBe(201);
    expect((await rowOf(res.json().id))!.pool_id).toBe('care-team');
  });

  it('refuses a second request while one is open, and exactly one of two racing requests wins', async () => {
    const p = await patientUser();
    const med = await createPrescription(h.ctx, p.patientId, { practitionerId });
    expect((await ask(p.cookie, med.id!)).statusCode).toBe(201);
    const again = await ask(p.cookie, med.id!);
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toBe('You already asked for a refill of lisinopril 20 MG Oral Tablet. We will tell you when the care team answers.');
    const es = await post(p.cookie, '/api/refills', { medicationRequestId: med.id, pharmacyId: PHARMACY_ID }, { 'accept-language': 'es' });
    expect(es.json().detail).toBe('Usted ya pidió un resurtido de lisinopril 20 MG Oral Tablet. Le avisaremos cuando el equipo de atención responda.');

    const other = await createPrescription(h.ctx, p.patientId, { practitionerId, name: 'metformin 1000 MG Oral Tablet' });
    const raced = await Promise.all([ask(p.cookie, other.id!), ask(p.cookie, other.id!), ask(p.cookie, other.id!)]);
    expect(raced.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
    const rows = await h.ctx.db.query('SELECT id FROM refill_requests WHERE medication_request_id = $1', [other.id]);
    expect(rows).toHaveLength(1);
    const tasks = await h.ctx.store.search('Task', [['focus', `MedicationRequest/${other.id}`]]);
    expect(tasks.resources).toHaveLength(1);
  });

  it('refuses a stopped prescription with a sentence, another patient\'s prescription with 404, an unknown pharmacy with 400', async () => {
    const p = await patientUser();
    const stopped = await createPrescription(h.ctx, p.patientId, { status: 'stopped' });
    const res = await ask(p.cookie, stopped.id!);
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toBe('lisinopril 20 MG Oral Tablet is not a current prescription, so it cannot be refilled. Ask your care team in a message if you still need it.');
    const completed = await createPrescription(h.ctx, p.patientId, { status: 'completed' });
    expect((await ask(p.cookie, completed.id!)).statusCode).toBe(400);

    const someoneElse = await patientUser();
    const theirs = await createPrescription(h.ctx, someoneElse.patientId);
    const leak = await ask(p.cookie, theirs.id!);
    expect(leak.statusCode).toBe(404);
    expect(leak.body).not.toContain('lisinopril');
    expect(await h.ctx.db.query('SELECT 1 FROM refill_requests WHERE medication_request_id = $1', [theirs.id])).toEqual([]);

    const mine = await createPrescription(h.ctx, p.patientId);
    expect((await post(p.cookie, '/api/refills', { medicationRequestId: mine.id, pharmacyId: 'no-such-pharmacy' })).json().detail).toBe('We could not find that pharmacy. Choose one from the list.');
    expect((await post(p.cookie, '/api/refills', { medicationRequestId: mine.id })).statusCode).toBe(400);
  });

  it('a clinician approves: a valid renewed prescription, the old one completed, the Task completed, the patient notified', async () => {
    const p = await patientUser();
    await h.ctx.store.create(buildAllergy(p.patientId));
    const med = await createPrescription(h.ctx, p.patientId, { practitionerId });
    const request = (await ask(p.cookie, med.id!)).json();

    const queue = (await get(clinician.cookie, '/api/staff/refills')).json();
    const item = queue.requests.find((r: { id: string }) => r.id === request.id);
    expect(item).toMatchObject({ patient: { id: p.patientId }, medication: { name: 'lisinopril 20 MG Oral Tablet' }, prescription: { authoredOn: '2026-01-15', refills: 3 }, canApprove: true });
    expect(item.allergies.length).toBe(1);
    expect(item.activeMedications).toContain('lisinopril 20 MG Oral Tablet');
    // Not in the prescriber's pool: not in their queue, and the request does not exist for them.
    expect((await get(outsider.cookie, '/api/staff/refills')).json().requests.map((r: { id: string }) => r.id)).not.toContain(request.id);
    expect((await post(outsider.cookie, `/api/staff/refills/${request.id}/approve`)).statusCode).toBe(404);

    const res = await post(clinician.cookie, `/api/staff/refills/${request.id}/approve`);
    expect(res.statusCode).toBe(200);
    const approved = res.json();
    expect(approved).toMatchObject({ status: 'approved', reason: null });
    const renewed = await h.ctx.store.read('MedicationRequest', approved.renewedMedicationId) as MedicationRequest;
    assertValidResource(renewed);
    expect(renewed).toMatchObject({
      status: 'active', intent: 'order', subject: { reference: `Patient/${p.patientId}` }, priorPrescription: { reference: `MedicationRequest/${med.id}` },
      requester: { reference: `Practitioner/${practitionerId}` }, medicationCodeableConcept: med.medicationCodeableConcept, dosageInstruction: med.dosageInstruction,
    });
    expect(renewed.authoredOn! > '2026-01-15').toBe(true);
    expect((await h.ctx.store.read('MedicationRequest', med.id!) as MedicationRequest).status).toBe('completed');
    expect((await h.ctx.store.read('Task', request.id) as Task).status).toBe('completed');
    expect(await rowOf(request.id)).toMatchObject({ state: 'approved', renewed_medication_id: renewed.id });
    expect(await notifications(p.userId)).toEqual([{ kind: 'refill-decided', entity_id: request.id }]);

    const list = (await get(p.cookie, '/api/refills')).json();
    expect(list.requests[0]).toMatchObject({ id: request.id, status: 'approved' });
    // The renewed prescription is what the Medications page now lists as current.
    const meds = (await get(p.cookie, '/api/records/medications')).json();
    expect(meds.active.map((m: { id: string }) => m.id)).toEqual([renewed.id]);
    // Answered once: a second decision is refused.
    expect((await post(clinician.cookie, `/api/staff/refills/${request.id}/deny`, { reason: 'Changed my mind' })).statusCode).toBe(409);
    // A new request for the renewed prescription is allowed (the old one is closed).
    expect((await ask(p.cookie, renewed.id!)).statusCode).toBe(201);
  });

  it('a nurse cannot approve but may leave a note and deny with a reason, which the patient reads', async () => {
    const p = await patientUser();
    const med = await createPrescription(h.ctx, p.patientId, { practitionerId });
    const request = (await ask(p.cookie, med.id!)).json();
    const queued = (await get(nurse.cookie, '/api/staff/refills')).json().requests.find((r: { id: string }) => r.id === request.id);
    expect(queued.canApprove).toBe(false);

    const refused = await post(nurse.cookie, `/api/staff/refills/${request.id}/approve`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().detail).toBe('Only a clinician can approve a refill. You can deny it with a reason or leave a note for the prescriber.');
    expect((await rowOf(request.id))!.state).toBe('open');

    const noted = await post(nurse.cookie, `/api/staff/refills/${request.id}/notes`, { note: 'Blood pressure log looks good.' });
    expect(noted.statusCode).toBe(200);
    expect(noted.json().staffNotes).toMatchObject([{ author: 'Nora Nurse', text: 'Blood pressure log looks good.' }]);

    const noReason = await post(nurse.cookie, `/api/staff/refills/${request.id}/deny`, {});
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('Write the reason the patient will read');
    const denied = await post(nurse.cookie, `/api/staff/refills/${request.id}/deny`, { reason: 'Please book a visit first: it has been a year.' });
    expect(denied.statusCode).toBe(200);
    expect((await h.ctx.store.read('Task', request.id) as Task)).toMatchObject({ status: 'rejected', statusReason: { text: 'Please book a visit first: it has been a year.' } });
    expect((await h.ctx.store.read('MedicationRequest', med.id!) as MedicationRequest).status).toBe('active');
    expect(await notifications(p.userId)).toEqual([{ kind: 'refill-decided', entity_id: request.id }]);
    const list = (await get(p.cookie, '/api/refills')).json();
    expect(list.requests[0]).toMatchObject({ status: 'denied', reason: 'Please book a visit first: it has been a year.' });
    // Denied requests close: the patient may ask again.
    expect((await ask(p.cookie, med.id!)).statusCode).toBe(201);
    const decided = (await get(nurse.cookie, '/api/staff/refills?status=decided')).json().requests.map((r: { id: string }) => r.id);
    expect(decided).toContain(request.id);
  });

  it('a proxy asks for a refill only with the refills scope', async () => {
    const p = await patientUser();
    const med = await createPrescription(h.ctx, p.patientId, { practitionerId });
    const narrow = await createPatientUser(h.ctx, { given: 'Narrow', proxyFor: [{ patientId: p.patientId, relationship: 'caregiver', scopes: ['record'] }] });
    const narrowCookie = await sessionCookie(h.ctx, narrow.userId);
    const refused = await ask(narrowCookie, med.id!, {}, `?patient=${p.patientId}`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().detail).toContain('prescription refills');
    expect((await get(narrowCookie, `/api/refills?patient=${p.patientId}`)).statusCode).toBe(403);

    const helper = await createPatientUser(h.ctx, { given: 'Helper', proxyFor: [{ patientId: p.patientId, relationship: 'caregiver', scopes: ['record', 'refills'] }] });
    const helperCookie = await sessionCookie(h.ctx, helper.userId);
    const res = await ask(helperCookie, med.id!, {}, `?patient=${p.patientId}`);
    expect(res.statusCode).toBe(201);
    const task = await h.ctx.store.read('Task', res.json().id) as Task;
    expect(task.requester).toMatchObject({ type: 'RelatedPerson', display: 'Proxy (caregiver)' });
    expect((await get(p.cookie, '/api/refills')).json().requests.map((r: { id: string }) => r.id)).toEqual([res.json().id]);
  });

  it('staff of other roles have no refill queue', async () => {
    const frontDesk = await createStaffUser(h.ctx, { role: 'staff', organizationId: ORG });
    expect((await get(frontDesk.cookie, '/api/staff/refills')).statusCode).toBe(403);
    const p = await patientUser();
    expect((await get(p.cookie, '/api/staff/refills')).statusCode).toBe(404);
  });
});
