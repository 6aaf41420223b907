import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QuestionnaireResponse } from '@medplum/fhirtypes';
import type { ItemAnswer } from '@ourchart/contracts';
import { testDrivers } from '../../test/databases.ts';
import { createPatientUser, createTestApp, CSRF, type TestApp } from '../../test/app.ts';
import { assertValidResource } from '../../platform/fhir-store/validate.ts';
import { createManagedPatient, createStaffUser, sessionCookie } from '../staff/staff-fixtures.ts';
import { addPoolMember } from '../messaging/messaging.queries.ts';
import { hashPassword } from '../../platform/auth/passwords.ts';
import { upsertUser } from '../../platform/auth/users.ts';

const ORG = 'org-assistance';
const SYSTEM = 'https://ourchart.example/fhir/CodeSystem/financial-assistance';
const ANSWERS: ItemAnswer[] = [
  { linkId: 'household-size', answer: [{ valueInteger: 3 }] },
  { linkId: 'monthly-income', answer: [{ valueDecimal: 2100 }] },
  { linkId: 'insurance-status', answer: [{ valueCoding: { system: SYSTEM, code: 'uninsured' } }] },
  { linkId: 'hardship', answer: [{ valueString: 'I lost my job in March.' }] },
  { linkId: 'consent', answer: [{ valueCoding: { system: SYSTEM, code: 'agree' } }] },
];

describe.each(testDrivers)('financial assistance on $name', (driver) => {
  let h: TestApp;
  let office: Awaited<ReturnType<typeof createStaffUser>>;

  beforeAll(async () => {
    h = await createTestApp(driver);
    office = await createStaffUser(h.ctx, { role: 'admin', organizationId: ORG, name: 'Bea Billing' });
    await addPoolMember(h.ctx.db, 'billing-office', office.userId);
  }, 120_000);
  afterAll(() => h?.close());

  async function patientUser() {
    const p = await createManagedPatient(h.ctx, ORG, { name: [{ use: 'official', given: ['Hope'], family: `Helped${randomUUID().slice(0, 4)}` }] });
    const userId = await upsertUser(h.ctx.db, { email: `hope-${p.id!.slice(0, 8)}@example.test`, role: 'patient', displayName: 'Hope Helped', patientId: p.id!, practitionerId: null, passwordHash: await hashPassword('correct horse battery staple') });
    return { patientId: p.id!, userId, cookie: await sessionCookie(h.ctx, userId) };
  }
  const get = (cookie: string, url: string, language = 'en') => h.app.inject({ url, headers: { cookie, 'accept-language': language } });
  const send = (cookie: string, method: 'POST' | 'PUT', url: string, payload: object = {}) => h.app.inject({ method, url, headers: { cookie, ...CSRF }, payload });
  const told = (userId: string, kind: string, id: string) => h.ctx.db.query("SELECT 1 FROM notifications WHERE user_id = $1 AND kind = $2 AND entity_id = $3", [userId, kind, id]);

  it('offers the questionnaire in English and Spanish', async () => {
    const p = await patientUser();
    const en = (await get(p.cookie, '/api/billing/assistance')).json();
    expect(en.questionnaire).toMatchObject({ id: 'financial-assistance', title: 'Apply for help paying your bill' });
    expect(en.questionnaire.item.map((i: { linkId: string }) => i.linkId)).toEqual(['household-size', 'monthly-income', 'insurance-status', 'hardship', 'consent']);
    expect(en).toMatchObject({ draft: null, applications: [] });
    const es = (await get(p.cookie, '/api/billing/assistance', 'es')).json();
    expect(es.questionnaire.title).toBe('Pida ayuda para pagar su factura');
    expect(es.questionnaire.item[2].answerOption[1].valueCoding.display).toBe('No, no tengo seguro médico');
  });

  it('submit → billing office notified → decision → patient notified and sees the status', async () => {
    const p = await patientUser();
    // A draft first: it is kept and becomes the completed response.
    const draft = await send(p.cookie, 'PUT', '/api/billing/assistance/draft', { answers: ANSWERS.slice(0, 2) });
    expect(draft.statusCode).toBe(200);
    expect((await get(p.cookie, '/api/billing/assistance')).json().draft).toMatchObject({ id: draft.json().id, status: 'in-progress' });

    const res = await send(p.cookie, 'POST', '/api/billing/assistance', { answers: ANSWERS });
    expect(res.statusCode).toBe(201);
    const application = res.json();
    expect(application).toMatchObject({ state: 'submitted', discountPercent: null, reason: null, decidedAt: null });
    expect(await told(office.userId, 'assistance-waiting', application.id)).toHaveLength(1);
    const qr = await h.ctx.store.read('QuestionnaireResponse', draft.json().id) as QuestionnaireResponse;
    assertValidResource(qr);
    expect(qr).toMatchObject({ status: 'completed', subject: { reference: `Patient/${p.patientId}` }, questionnaire: 'https://ourchart.example/fhir/Questionnaire/financial-assistance|1' });
    expect((await send(p.cookie, 'POST', '/api/billing/assistance', { answers: ANSWERS })).statusCode).toBe(409);

    const staff = await sessionCookie(h.ctx, office.userId);
    const list = (await get(staff, '/api/staff/billing/assistance')).json();
    const mine = list.applications.find((a: { id: string }) => a.id === application.id);
    expect(mine.answers).toEqual([
      { question: 'How many people live in your home, counting you?', answer: '3' },
      { question: 'About how much money does your home get each month, before taxes? (in dollars)', answer: '2100' },
      { question: 'Do you have health insurance?', answer: 'No, I do not have health insurance' },
      { question: 'Is there anything else that makes it hard to pay? For example, losing a job, being sick, or other bills.', answer: 'I lost my job in March.' },
      { question: 'Your permission', answer: 'What I wrote is true. The billing office may check it and contact me about it.' },
    ]);
    expect((await send(staff, 'POST', `/api/staff/billing/assistance/${application.id}/decision`, { decision: 'approve', discountPercent: 0 })).statusCode).toBe(400);
    const decided = await send(staff, 'POST', `/api/staff/billing/assistance/${application.id}/decision`, { decision: 'approve', discountPercent: 50 });
    expect(decided.statusCode).toBe(200);
    expect(decided.json()).toMatchObject({ state: 'approved', discountPercent: 50 });
    expect(await told(p.userId, 'assistance-decided', application.id)).toHaveLength(1);
    expect((await get(p.cookie, '/api/billing/assistance')).json().applications).toEqual([expect.objectContaining({ id: application.id, state: 'approved', discountPercent: 50 })]);
    expect((await send(staff, 'POST', `/api/staff/billing/assistance/${application.id}/decision`, { decision: 'deny', reason: 'Changed my mind again' })).statusCode).toBe(409);
  });

  it('denies with a reason the patient reads', async () => {
    const p = await patientUser();
    const application = (await send(p.cookie, 'POST', '/api/billing/assistance', { answers: ANSWERS })).json();
    const staff = await sessionCookie(h.ctx, office.userId);
    await send(staff, 'POST', `/api/staff/billing/assistance/${application.id}/decision`, { decision: 'deny', reason: 'Your income is above the limit for your household size.' });
    expect((await get(p.cookie, '/api/billing/assistance')).json().applications[0]).toMatchObject({ state: 'denied', reason: 'Your income is above the limit for your household size.' });
  });

  it('refuses missing answers and stores nothing', async () => {
    const p = await patientUser();
    const res = await send(p.cookie, 'POST', '/api/billing/assistance', { answers: ANSWERS.filter((a) => a.linkId !== 'consent') });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ path: 'consent', message: 'This question needs an answer.' }]);
    expect(await h.ctx.db.query('SELECT 1 FROM assistance_applications WHERE patient_id = $1', [p.patientId])).toEqual([]);
  });

  it('only the billing office decides; another patient\'s application is 404; a proxy needs the billing scope', async () => {
    const p = await patientUser();
    const application = (await send(p.cookie, 'POST', '/api/billing/assistance', { answers: ANSWERS })).json();
    const notInPool = await createStaffUser(h.ctx, { role: 'staff', organizationId: ORG });
    const outsider = await sessionCookie(h.ctx, notInPool.userId);
    expect((await send(outsider, 'POST', `/api/staff/billing/assistance/${application.id}/decision`, { decision: 'approve', discountPercent: 100 })).statusCode).toBe(404);
    expect((await get(outsider, '/api/staff/billing/assistance')).json().applications).toEqual([]);
    const other = await patientUser();
    expect((await send(other.cookie, 'POST', `/api/staff/billing/assistance/${application.id}/decision`, { decision: 'approve', discountPercent: 100 })).statusCode).toBe(404);
    const narrow = await createPatientUser(h.ctx, { given: 'Carer', proxyFor: [{ patientId: p.patientId, relationship: 'caregiver', scopes: ['record'] }] });
    expect((await send(await sessionCookie(h.ctx, narrow.userId), 'POST', `/api/billing/assistance?patient=${p.patientId}`, { answers: ANSWERS })).statusCode).toBe(403);
    const [row] = await h.ctx.db.query<{ state: string }>('SELECT state FROM assistance_applications WHERE id = $1', [application.id]);
    expect(row!.state).toBe('submitted');
  });
});
