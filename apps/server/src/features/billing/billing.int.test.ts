import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PaymentNotice, PaymentReconciliation } from '@medplum/fhirtypes';
import { testDrivers } from '../../test/databases.ts';
import { createPatientUser, createTestApp, CSRF, type TestApp } from '../../test/app.ts';
import { readMail } from '../../test/mailbox.ts';
import { hashPassword } from '../../platform/auth/passwords.ts';
import { upsertUser } from '../../platform/auth/users.ts';
import { assertValidResource } from '../../platform/fhir-store/validate.ts';
import { runDueJobs } from '../../platform/jobs/queue.ts';
import { registerJobs } from '../../jobs.ts';
import { createManagedPatient, createStaffUser, sessionCookie } from '../staff/staff-fixtures.ts';
import { addVisitBill, LAB, OFFICE_VISIT } from './billing-fixtures.ts';
import { planJobKey } from './plans.service.ts';

const ORG = 'org-billing';

describe.each(testDrivers)('billing on $name', (driver) => {
  let h: TestApp;
  let frontDesk: Awaited<ReturnType<typeof createStaffUser>>;

  beforeAll(async () => {
    registerJobs();
    h = await createTestApp(driver);
    frontDesk = await createStaffUser(h.ctx, { role: 'staff', organizationId: ORG, name: 'Fran Frontdesk' });
  }, 120_000);
  afterAll(() => h?.close());

  /** A patient of the clinic with an account, owing $30 (older visit) + $35.76 (newer visit) = $65.76, and a claim still with insurance. */
  async function owingPatient() {
    const p = await createManagedPatient(h.ctx, ORG, { name: [{ use: 'official', given: ['Bea'], family: `Bill${randomUUID().slice(0, 4)}` }] });
    const email = `bea-${p.id!.slice(0, 8)}@example.test`;
    const userId = await upsertUser(h.ctx.db, { email, role: 'patient', displayName: 'Bea Bill', patientId: p.id!, practitionerId: null, passwordHash: await hashPassword('correct horse battery staple') });
    const older = await addVisitBill(h.ctx, p.id!, { date: '2026-09-01', lines: [OFFICE_VISIT], clinician: 'Dr. Older' });
    const newer = await addVisitBill(h.ctx, p.id!, { date: '2026-10-15', lines: [OFFICE_VISIT, LAB] });
    const paidAlready = await addVisitBill(h.ctx, p.id!, { date: '2026-05-01', lines: [OFFICE_VISIT], paidByPatient: 30 });
    const pending = await addVisitBill(h.ctx, p.id!, { date: '2026-11-20', lines: [LAB], pending: true });
    return { patientId: p.id!, userId, email, cookie: await sessionCookie(h.ctx, userId), older: older.eobId!, newer: newer.eobId!, paidAlready: paidAlready.eobId!, pending: pending.claimId };
  }

  const get = (cookie: string, url: string) => h.app.inject({ url, headers: { cookie } });
  const send = (cookie: string, method: 'POST' | 'PUT' | 'DELETE', url: string, payload?: object, headers: Record<string, string> = {}) =>
    h.app.inject({ method, url, headers: { cookie, ...CSRF, ...headers }, ...(payload ? { payload } : {}) });
  const payAt = (cookie: string, amount: number, key = randomUUID(), headers: Record<string, string> = {}) =>
    send(cookie, 'POST', '/api/billing/payments', { amount, method: 'front-desk' }, { 'idempotency-key': key, ...headers });
  const summary = async (cookie: string) => (await get(cookie, '/api/billing')).json();
  const rows = (patientId: string) => h.ctx.db.query<{ id: string; status: string; amount_cents: number }>('SELECT id, status, amount_cents FROM billing_payments WHERE patient_id = $1', [patientId]);
  const post = (paymentId: string, body: object = { method: 'cash' }) => send(frontDesk.cookie, 'POST', `/api/staff/billing/payments/${paymentId}/post`, body);

  it('builds an itemized statement from EOBs and claims: charges, insurance, adjustments, what the patient owes, due dates', async () => {
    const p = await owingPatient();
    const s = await summary(p.cookie);
    expect(s).toMatchObject({ balanceDue: 65.76, pendingAmount: 0, maxPayment: 65.76, paperless: false, stripe: null, plan: null, payments: [], guarantor: { relationship: 'self' } });
    expect(s.statements.map((v: { id: string; status: string }) => [v.id, v.status])).toEqual([[p.pending, 'pending-insurance'], [p.newer, 'due'], [p.older, 'due'], [p.paidAlready, 'paid']]);
    const newer = s.statements[1];
    expect(newer.items).toEqual([
      { description: 'Office visit, established patient', code: '99213', charge: 150, insurancePaid: 78, adjustment: 42, youOwe: 30 },
      { description: 'Comprehensive metabolic panel', code: '80053', charge: 40, insurancePaid: 23.04, adjustment: 11.2, youOwe: 5.76 },
    ]);
    expect(newer).toMatchObject({ totals: { charge: 190, insurancePaid: 101.04, adjustment: 53.2, youOwe: 35.76 }, youOwe: 35.76, paid: 0, balance: 35.76, dueDate: '2026-11-24', location: 'Main Street Clinic' });
    expect(s.dueDate).toBe('2026-10-11');
    expect(s.statements[3]).toMatchObject({ paid: 30, balance: 0 });
    expect(s.planChoices[0]).toEqual({ months: 2, instalment: 32.88 });

    const pdf = await get(p.cookie, '/api/billing/statement.pdf');
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    expect((await send(p.cookie, 'PUT', '/api/billing/preferences', { paperless: true })).json()).toEqual({ paperless: true });
    expect((await summary(p.cookie)).paperless).toBe(true);
  });

  it('names the plan subscriber as the person responsible when the patient is covered as a dependant', async () => {
    const p = await owingPatient();
    await h.ctx.store.create({
      resourceType: 'Coverage', status: 'active', beneficiary: { reference: `Patient/${p.patientId}` }, subscriber: { display: 'Gail Guarantor' },
      relationship: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/subscriber-relationship', code: 'spouse' }] },
      payor: [{ reference: 'Organization/payer-test' }],
    });
    expect((await summary(p.cookie)).guarantor).toEqual({ name: 'Gail Guarantor', relationship: 'spouse' });
  });

  it('a partial front-desk payment is reserved, then posted by staff: receipt, allocation oldest first, FHIR, notice and email', async () => {
    const p = await owingPatient();
    const res = await payAt(p.cookie, 40);
    expect(res.statusCode).toBe(201);
    const payment = res.json().payment;
    expect(payment).toMatchObject({ amount: 40, method: 'front-desk', status: 'pending', receiptNumber: null });
    expect(await summary(p.cookie)).toMatchObject({ balanceDue: 65.76, pendingAmount: 40, maxPayment: 25.76 });

    const queue = (await get(frontDesk.cookie, '/api/staff/billing/payments')).json();
    expect(queue.pending).toContainEqual(expect.objectContaining({ paymentId: payment.id, patientId: p.patientId, amount: 40, method: 'front-desk', requestedBy: 'Bea Bill' }));

    const since = Date.now() - 1000;
    const posted = await post(payment.id, { method: 'check', reference: 'Check 1042' });
    expect(posted.statusCode).toBe(200);
    expect(posted.json()).toMatchObject({ id: payment.id, status: 'succeeded', method: 'check', reference: 'Check 1042', patientName: expect.stringContaining('Bea') });
    const receiptNumber = posted.json().receiptNumber as string;
    expect(receiptNumber).toMatch(/^R-\d{4}-\d{6}$/);
    expect((await post(payment.id)).statusCode).toBe(409);

    const s = await summary(p.cookie);
    expect(s).toMatchObject({ balanceDue: 25.76, pendingAmount: 0, maxPayment: 25.76 });
    // Oldest visit first: $30 of the September visit, then $10 of October's.
    expect(s.statements.find((v: { id: string }) => v.id === p.older)).toMatchObject({ paid: 30, balance: 0, status: 'paid' });
    expect(s.statements.find((v: { id: string }) => v.id === p.newer)).toMatchObject({ paid: 10, balance: 25.76, status: 'due' });
    expect(s.payments[0]).toMatchObject({ id: payment.id, status: 'succeeded', receiptNumber });

    const reconciliation = await h.ctx.store.read('PaymentReconciliation', payment.id) as PaymentReconciliation;
    const notice = await h.ctx.store.read('PaymentNotice', payment.id) as PaymentNotice;
    assertValidResource(reconciliation);
    assertValidResource(notice);
    expect(reconciliation).toMatchObject({ paymentAmount: { value: 40, currency: 'USD' }, paymentIdentifier: { value: receiptNumber } });
    expect(reconciliation.detail?.map((d) => [d.request?.reference, d.amount?.value])).toEqual([[`ExplanationOfBenefit/${p.older}`, 30], [`ExplanationOfBenefit/${p.newer}`, 10]]);
    expect(notice).toMatchObject({ amount: { value: 40 }, payment: { reference: `PaymentReconciliation/${payment.id}` } });

    const told = await h.ctx.db.query<{ kind: string }>('SELECT kind FROM notifications WHERE user_id = $1', [p.userId]);
    expect(told.map((n) => n.kind)).toEqual(['payment-received']);
    const mail = await readMail(h.mailDir, p.email, /Receipt for your payment/, { since });
    expect(mail.text).toContain('$40.00');
    expect(mail.text).toContain(receiptNumber);
    expect(mail.text).toContain('http://localhost:3000/billing');
    expect(mail.text).not.toMatch(/Office visit|metabolic|99213/);

    const receipt = await get(p.cookie, `/api/billing/payments/${payment.id}/receipt.pdf`);
    expect(receipt.statusCode).toBe(200);
    expect(receipt.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    // Another patient asking for this receipt: 404, as for any id that is not theirs.
    const other = await createPatientUser(h.ctx, { given: 'Otto' });
    const otherCookie = await sessionCookie(h.ctx, other.userId);
    expect((await get(otherCookie, `/api/billing/payments/${payment.id}/receipt.pdf`)).statusCode).toBe(404);
  });

  it('refuses an overpayment with a sentence naming the most the patient can pay, and amounts with more than 2 decimals', async () => {
    const p = await owingPatient();
    const over = await payAt(p.cookie, 65.77);
    expect(over.statusCode).toBe(400);
    expect(over.json().detail).toBe('You can pay at most $65.76 now. Enter $65.76 or less.');
    expect(over.json().errors).toEqual([{ path: 'amount', message: 'You can pay at most $65.76 now. Enter $65.76 or less.' }]);
    const es = await payAt(p.cookie, 100, randomUUID(), { 'accept-language': 'es' });
    expect(es.json().detail).toBe('Puede pagar como máximo $65.76 ahora. Escriba $65.76 o menos.');
    expect((await payAt(p.cookie, 10.005)).statusCode).toBe(400);
    expect((await payAt(p.cookie, 0)).statusCode).toBe(400);
    // A pending payment counts against what can still be paid.
    expect((await payAt(p.cookie, 60)).statusCode).toBe(201);
    expect((await payAt(p.cookie, 6)).json().detail).toBe('You can pay at most $5.76 now. Enter $5.76 or less.');
    expect(await rows(p.patientId)).toHaveLength(1);
  });

  it('an Idempotency-Key is required; a retry with the same key returns the same payment, also when two arrive at once', async () => {
    const p = await owingPatient();
    const missing = await send(p.cookie, 'POST', '/api/billing/payments', { amount: 10, method: 'front-desk' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().detail).toBe('Send an Idempotency-Key header (a new UUID for each payment).');

    const key = randomUUID();
    const first = await payAt(p.cookie, 20, key);
    const again = await payAt(p.cookie, 20, key);
    expect(first.statusCode).toBe(201);
    expect(again.json().payment.id).toBe(first.json().payment.id);
    expect((await payAt(p.cookie, 25, key)).statusCode).toBe(409);

    const raceKey = randomUUID();
    const raced = await Promise.all([payAt(p.cookie, 15, raceKey), payAt(p.cookie, 15, raceKey), payAt(p.cookie, 15, raceKey)]);
    expect(raced.map((r) => r.statusCode)).toEqual([201, 201, 201]);
    expect(new Set(raced.map((r) => r.json().payment.id)).size).toBe(1);
    expect((await rows(p.patientId)).map((r) => r.amount_cents).sort()).toEqual([1500, 2000]);
    expect((await summary(p.cookie)).pendingAmount).toBe(35);
  });

  it('a post whose receipt cannot be written rolls back: the payment stays pending and the balance unchanged', async () => {
    const p = await owingPatient();
    const payment = (await payAt(p.cookie, 30)).json().payment;
    // The receipt email cannot be queued (a real database error inside the posting transaction).
    await h.ctx.db.exec(`CREATE OR REPLACE FUNCTION billing_test_refuse_mail() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.to_address = '${p.email}' THEN RAISE EXCEPTION 'mail refused for the test'; END IF; RETURN NEW; END $$`);
    await h.ctx.db.exec('CREATE TRIGGER billing_test_refuse_mail BEFORE INSERT ON mail_outbox FOR EACH ROW EXECUTE FUNCTION billing_test_refuse_mail()');
    try {
      expect((await post(payment.id)).statusCode).toBe(500);
    } finally {
      await h.ctx.db.exec('DROP TRIGGER billing_test_refuse_mail ON mail_outbox');
    }
    expect(await rows(p.patientId)).toEqual([{ id: payment.id, status: 'pending', amount_cents: 3000 }]);
    expect(await h.ctx.db.query('SELECT 1 FROM billing_allocations WHERE payment_id = $1', [payment.id])).toHaveLength(0);
    expect(await h.ctx.store.readRow('PaymentReconciliation', payment.id)).toBeUndefined();
    expect(await h.ctx.db.query(`SELECT 1 FROM notifications WHERE user_id = $1`, [p.userId])).toHaveLength(0);
    expect(await summary(p.cookie)).toMatchObject({ balanceDue: 65.76, pendingAmount: 30 });
    // Once the fault is gone, the same payment posts.
    expect((await post(payment.id)).statusCode).toBe(200);
    expect((await summary(p.cookie)).balanceDue).toBe(35.76);
  });

  it('staff record walk-in payments and cancel requests with a reason; other roles and outside patients are refused', async () => {
    const p = await owingPatient();
    const walkIn = await send(frontDesk.cookie, 'POST', '/api/staff/billing/payments', { patientId: p.patientId, amount: 5.76, method: 'cash' });
    expect(walkIn.statusCode).toBe(201);
    expect(walkIn.json()).toMatchObject({ status: 'succeeded', method: 'cash', amount: 5.76, requestedBy: 'Fran Frontdesk' });
    expect((await get(frontDesk.cookie, `/api/staff/billing/patients/${p.patientId}`)).json()).toMatchObject({ balanceDue: 60, maxPayment: 60 });
    expect((await send(frontDesk.cookie, 'POST', '/api/staff/billing/payments', { patientId: p.patientId, amount: 61, method: 'cash' })).json().detail).toBe('You can pay at most $60.00 now. Enter $60.00 or less.');

    const request = (await payAt(p.cookie, 20)).json().payment;
    expect((await send(frontDesk.cookie, 'POST', `/api/staff/billing/payments/${request.id}/cancel`, { reason: 'no' })).statusCode).toBe(400);
    const canceled = await send(frontDesk.cookie, 'POST', `/api/staff/billing/payments/${request.id}/cancel`, { reason: 'Patient did not come to the desk.' });
    expect(canceled.json()).toMatchObject({ status: 'canceled', reason: 'Patient did not come to the desk.' });
    expect(await summary(p.cookie)).toMatchObject({ balanceDue: 60, pendingAmount: 0 });

    const clinician = await createStaffUser(h.ctx, { role: 'clinician', organizationId: ORG });
    expect((await get(clinician.cookie, '/api/staff/billing/payments')).statusCode).toBe(403);
    expect((await get(p.cookie, '/api/staff/billing/payments')).statusCode).toBe(404);
    const away = await createStaffUser(h.ctx, { role: 'staff', organizationId: 'org-elsewhere' });
    const next = (await payAt(p.cookie, 10)).json().payment;
    expect((await send(away.cookie, 'POST', `/api/staff/billing/payments/${next.id}/post`, { method: 'cash' })).statusCode).toBe(404);
    expect((await get(away.cookie, '/api/staff/billing/payments')).json().pending).toEqual([]);
  });

  it('without Stripe settings, card payments are refused with a way forward and the webhook does not exist', async () => {
    const p = await owingPatient();
    const card = await send(p.cookie, 'POST', '/api/billing/payments', { amount: 10, method: 'card' }, { 'idempotency-key': randomUUID() });
    expect(card.statusCode).toBe(400);
    expect(card.json().detail).toBe('Card payments are not available. Choose "Pay at the front desk".');
    const hook = await h.app.inject({ method: 'POST', url: '/api/billing/stripe/webhook', payload: '{}', headers: { 'content-type': 'application/json', 'stripe-signature': 't=1,v1=00' } });
    expect(hook.statusCode).toBe(404);
    expect(await rows(p.patientId)).toHaveLength(0);
  });

  it('a proxy without the billing scope is refused with 403; one with it sees the bill', async () => {
    const p = await owingPatient();
    const narrow = await createPatientUser(h.ctx, { given: 'Nora', proxyFor: [{ patientId: p.patientId, relationship: 'caregiver', scopes: ['record'] }] });
    const wide = await createPatientUser(h.ctx, { given: 'Wade', proxyFor: [{ patientId: p.patientId, relationship: 'caregiver', scopes: ['record', 'billing'] }] });
    const refused = await get(await sessionCookie(h.ctx, narrow.userId), `/api/billing?patient=${p.patientId}`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().detail).toContain('their bills');
    expect((await payAt(await sessionCookie(h.ctx, narrow.userId), 10, randomUUID(), { 'x-ourchart-patient': p.patientId })).statusCode).toBe(403);
    expect(await rows(p.patientId)).toHaveLength(0);
    expect((await get(await sessionCookie(h.ctx, wide.userId), `/api/billing?patient=${p.patientId}`)).json().balanceDue).toBe(65.76);
  });

  it('splits the balance into a plan within the rules, queues reminders and due dates, and runs them', async () => {
    const p = await owingPatient();
    const bad = await send(p.cookie, 'POST', '/api/billing/plans', { months: 3 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail).toBe('Each monthly payment must be at least $25.00. For your balance, choose 2 months or fewer.');
    expect((await send(p.cookie, 'POST', '/api/billing/plans', { months: 13 })).statusCode).toBe(400);

    const res = await send(p.cookie, 'POST', '/api/billing/plans', { months: 2 });
    expect(res.statusCode).toBe(201);
    const plan = res.json();
    const today = new Date().toISOString().slice(0, 10);
    const first = new Date(Date.parse(`${today}T00:00:00Z`) + 30 * 86_400_000).toISOString().slice(0, 10);
    expect(plan).toMatchObject({ total: 65.76, months: 2, remaining: 65.76, status: 'active' });
    expect(plan.instalments.map((i: { n: number; amount: number; status: string }) => [i.n, i.amount, i.status])).toEqual([[1, 32.88], [2, 32.88]].map(([n, a]) => [n, a, 'scheduled']));
    expect(plan.instalments[0].dueDate).toBe(first);
    expect((await send(p.cookie, 'POST', '/api/billing/plans', { months: 2 })).statusCode).toBe(409);

    const jobs = await h.ctx.db.query<{ key: string; run_at: Date | string }>('SELECT key, run_at FROM jobs WHERE key LIKE $1 ORDER BY key', [`billing-plan:${plan.id}:%`]);
    expect(jobs.map((j) => j.key)).toEqual([planJobKey('due', plan.id, 1), planJobKey('reminder', plan.id, 1), planJobKey('due', plan.id, 2), planJobKey('reminder', plan.id, 2)]);
    expect(new Date(jobs[1]!.run_at).toISOString()).toBe(new Date(Date.parse(`${first}T14:00:00Z`) - 3 * 86_400_000).toISOString());

    // The reminder: an in-app notice and an email (amount, date; nothing about the visits).
    const since = Date.now() - 1000;
    await h.ctx.db.query('UPDATE jobs SET run_at = now() WHERE key = $1', [planJobKey('reminder', plan.id, 1)]);
    await runDueJobs(h.ctx);
    const told = await h.ctx.db.query<{ kind: string }>('SELECT kind FROM notifications WHERE user_id = $1', [p.userId]);
    expect(told.map((n) => n.kind)).toEqual(['payment-plan-reminder']);
    const mail = await readMail(h.mailDir, p.email, /payment on your plan is due soon/, { since });
    expect(mail.text).toContain('$32.88');

    // The due date: a pending front-desk payment for the instalment, once even when run again.
    await h.ctx.db.query('UPDATE jobs SET run_at = now() WHERE key = $1', [planJobKey('due', plan.id, 1)]);
    await runDueJobs(h.ctx);
    const s = await summary(p.cookie);
    expect(s.payments).toEqual([expect.objectContaining({ amount: 32.88, status: 'pending', planInstalment: 1, method: 'front-desk' })]);
    expect(s.plan.instalments[0].status).toBe('scheduled');
    expect((await post(s.payments[0].id, { method: 'card-on-file' })).statusCode).toBe(200);
    const after = (await summary(p.cookie)).plan;
    expect(after).toMatchObject({ remaining: 32.88 });
    expect(after.instalments.map((i: { status: string }) => i.status)).toEqual(['paid', 'scheduled']);

    const canceled = await send(p.cookie, 'DELETE', `/api/billing/plans/${plan.id}`);
    expect(canceled.json().status).toBe('canceled');
    expect((await send(p.cookie, 'DELETE', `/api/billing/plans/${plan.id}`)).statusCode).toBe(409);
    expect((await summary(p.cookie)).plan).toBeNull();
    const stranger = await createPatientUser(h.ctx, { given: 'Sam' });
    expect((await send(await sessionCookie(h.ctx, stranger.userId), 'DELETE', `/api/billing/plans/${plan.id}`)).statusCode).toBe(404);
  });
});
