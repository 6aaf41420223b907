import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ItemAnswer } from '@ourchart/contracts';
import { testDrivers } from '../../test/databases.ts';
import { createTestApp, CSRF, type TestApp } from '../../test/app.ts';
import { hashPassword } from '../../platform/auth/passwords.ts';
import { upsertUser } from '../../platform/auth/users.ts';
import { createManagedPatient, createStaffUser, sessionCookie } from '../staff/staff-fixtures.ts';
import { addPoolMember } from '../messaging/messaging.queries.ts';
import { addVisitBill, LAB, OFFICE_VISIT } from '../billing/billing-fixtures.ts';
import { pdfText } from '../exports/export-fixtures.ts';

const ORG = 'org-assistance-discount';
const SYSTEM = 'https://ourchart.example/fhir/CodeSystem/financial-assistance';
const ANSWERS: ItemAnswer[] = [
  { linkId: 'household-size', answer: [{ valueInteger: 4 }] },
  { linkId: 'monthly-income', answer: [{ valueDecimal: 1800 }] },
  { linkId: 'insurance-status', answer: [{ valueCoding: { system: SYSTEM, code: 'uninsured' } }] },
  { linkId: 'consent', answer: [{ valueCoding: { system: SYSTEM, code: 'agree' } }] },
];

type Visit = { id: string; youOwe: number; paid: number; financialHelp: number; balance: number; status: string };
const cents = (d: number) => Math.round(d * 100);

describe.each(testDrivers)('financial help on the bill on $name', (driver) => {
  let h: TestApp;
  let office: Awaited<ReturnType<typeof createStaffUser>>;

  beforeAll(async () => {
    h = await createTestApp(driver);
    office = await createStaffUser(h.ctx, { role: 'admin', organizationId: ORG, name: 'Bo Billing' });
    await addPoolMember(h.ctx.db, 'billing-office', office.userId);
  }, 120_000);
  afterAll(() => h?.close());

  /** A patient owing $30 (older visit, 2026-09-01) + $35.76 (newer visit) = $65.76, plus a paid visit and a claim with insurance. */
  async function owingPatient() {
    const p = await createManagedPatient(h.ctx, ORG, { name: [{ use: 'official', given: ['Gus'], family: `Help${randomUUID().slice(0, 4)}` }] });
    const userId = await upsertUser(h.ctx.db, { email: `gus-${p.id!.slice(0, 8)}@example.test`, role: 'patient', displayName: 'Gus Help', patientId: p.id!, practitionerId: null, passwordHash: await hashPassword('correct horse battery staple') });
    const older = await addVisitBill(h.ctx, p.id!, { date: '2026-09-01', lines: [OFFICE_VISIT] });
    const newer = await addVisitBill(h.ctx, p.id!, { date: '2026-10-15', lines: [OFFICE_VISIT, LAB] });
    await addVisitBill(h.ctx, p.id!, { date: '2026-05-01', lines: [OFFICE_VISIT], paidByPatient: 30 });
    await addVisitBill(h.ctx, p.id!, { date: '2026-11-20', lines: [LAB], pending: true });
    return { patientId: p.id!, cookie: await sessionCookie(h.ctx, userId), older: older.eobId!, newer: newer.eobId! };
  }

  const send = (cookie: string, url: string, payload: object, headers: Record<string, string> = {}) =>
    h.app.inject({ method: 'POST', url, headers: { cookie, ...CSRF, ...headers }, payload });
  const summary = async (cookie: string) => (await h.app.inject({ url: '/api/billing', headers: { cookie } })).json();
  const visit = (s: { statements: Visit[] }, id: string) => s.statements.find((v) => v.id === id)!;
  const apply = async (cookie: string): Promise<string> => {
    const res = await send(cookie, '/api/billing/assistance', { answers: ANSWERS });
    expect(res.statusCode).toBe(201);
    return res.json().id;
  };
  const decide = (id: string, body: object) => send(office.cookie, `/api/staff/billing/assistance/${id}/decision`, body);
  const walkIn = async (patientId: string, amount: number) =>
    expect((await send(office.cookie, '/api/staff/billing/payments', { patientId, amount, method: 'cash' })).statusCode).toBe(201);
  const adjustments = (where: string, id: string) =>
    h.ctx.db.query<{ claim_id: string; amount_cents: number; percent: number; kind: string }>(
      `SELECT claim_id, amount_cents, percent, kind FROM billing_adjustments WHERE ${where} = $1 ORDER BY claim_id`, [id]);
  /** Every visit's lines add up: what it owes - paid - financial help = what is left. */
  const expectVisitsAddUp = (s: { statements: Visit[] }) => {
    for (const v of s.statements) expect(cents(v.youOwe) - cents(v.paid) - cents(v.financialHelp)).toBe(v.status === 'pending-insurance' ? cents(v.youOwe) - cents(v.paid) : cents(v.balance));
  };

  it('approving 25 % takes exactly 25 % off what is owed, per visit, as financial help (not a payment); a later approval takes off only what is then owed', async () => {
    const p = await owingPatient();
    await walkIn(p.patientId, 10); // goes to the older visit: it owes $20 now
    const before = await summary(p.cookie);
    expect(before.balanceDue).toBe(55.76);

    const first = await apply(p.cookie);
    expect((await decide(first, { decision: 'approve', discountPercent: 25 })).statusCode).toBe(200);
    const after = await summary(p.cookie);
    // 25 % of $55.76 = $13.94: $5.00 of the older visit's $20, $8.94 of the newer visit's $35.76.
    expect(after).toMatchObject({ balanceDue: 41.82, maxPayment: 41.82, pendingAmount: 0 });
    expect(visit(after, p.older)).toMatchObject({ paid: 10, financialHelp: 5, balance: 15, status: 'due' });
    expect(visit(after, p.newer)).toMatchObject({ paid: 0, financialHelp: 8.94, balance: 26.82, status: 'due' });
    expectVisitsAddUp(after);
    expect(after.statements.reduce((a: number, v: Visit) => a + cents(v.financialHelp), 0)).toBe(1394);
    expect(await adjustments('application_id', first)).toEqual(
      [{ claim_id: p.older, amount_cents: 500 }, { claim_id: p.newer, amount_cents: 894 }].sort((a, b) => a.claim_id.localeCompare(b.claim_id)).map((r) => ({ ...r, percent: 25, kind: 'financial-assistance' })));
    // Not a payment: still only the one walk-in payment, one receipt.
    expect(after.payments).toHaveLength(1);

    // The statement PDF shows it, in English and Spanish.
    const pdf = await h.app.inject({ url: '/api/billing/statement.pdf?lang=en', headers: { cookie: p.cookie } });
    expect(pdfText(pdf.rawPayload)).toContain('Financial help: -$8.94');
    const pdfEs = await h.app.inject({ url: '/api/billing/statement.pdf?lang=es', headers: { cookie: p.cookie } });
    expect(pdfText(pdfEs.rawPayload)).toContain('Ayuda financiera');

    // A payment after the help is allocated to what is left (oldest visit first).
    await walkIn(p.patientId, 1.82);
    const paid = await summary(p.cookie);
    expect(paid.balanceDue).toBe(40);
    expect(visit(paid, p.older)).toMatchObject({ paid: 11.82, financialHelp: 5, balance: 13.18 });

    // A second application, approved later: 10 % of the $40 then owed.
    const second = await apply(p.cookie);
    expect((await decide(second, { decision: 'approve', discountPercent: 10 })).statusCode).toBe(200);
    const again = await summary(p.cookie);
    expect(again.balanceDue).toBe(36);
    expect(visit(again, p.older)).toMatchObject({ financialHelp: 6.32, balance: 11.86 });
    expect(visit(again, p.newer)).toMatchObject({ financialHelp: 11.62, balance: 24.14 });
    expectVisitsAddUp(again);
    expect((await adjustments('application_id', second)).reduce((a, r) => a + Number(r.amount_cents), 0)).toBe(400);
    expect((await adjustments('application_id', first)).reduce((a, r) => a + Number(r.amount_cents), 0)).toBe(1394);
    // Approving twice is still refused, and writes nothing more.
    expect((await decide(second, { decision: 'approve', discountPercent: 90 })).statusCode).toBe(409);
    expect((await summary(p.cookie)).balanceDue).toBe(36);
  });

  it('a payment waiting at the front desk stays reserved: the discount is taken of the rest', async () => {
    const p = await owingPatient();
    const pending = await send(p.cookie, '/api/billing/payments', { amount: 20.76, method: 'front-desk' }, { 'idempotency-key': randomUUID() });
    expect(pending.statusCode).toBe(201);
    const id = await apply(p.cookie);
    expect((await decide(id, { decision: 'approve', discountPercent: 50 })).statusCode).toBe(200);
    // 50 % of ($65.76 - $20.76 waiting) = $22.50.
    const s = await summary(p.cookie);
    expect(s).toMatchObject({ balanceDue: 43.26, pendingAmount: 20.76, maxPayment: 22.5 });
    expect(visit(s, p.older).financialHelp + visit(s, p.newer).financialHelp).toBeCloseTo(22.5, 2);
    // When the front desk posts it, it fits in what is left.
    expect((await send(office.cookie, `/api/staff/billing/payments/${pending.json().payment.id}/post`, { method: 'cash' })).statusCode).toBe(200);
    const posted = await summary(p.cookie);
    expect(posted).toMatchObject({ balanceDue: 22.5, pendingAmount: 0, maxPayment: 22.5 });
    expectVisitsAddUp(posted);
  });

  it('an active payment plan keeps its dates; its last instalments shrink; help that covers it ends the plan', async () => {
    const p = await owingPatient();
    const plan = await send(p.cookie, '/api/billing/plans', { months: 2 });
    expect(plan.statusCode).toBe(201);
    expect(plan.json().instalments.map((i: { amount: number }) => i.amount)).toEqual([32.88, 32.88]);
    const dates = plan.json().instalments.map((i: { dueDate: string }) => i.dueDate);
    expect((await decide(await apply(p.cookie), { decision: 'approve', discountPercent: 25 })).statusCode).toBe(200);
    const s = await summary(p.cookie);
    // 25 % of $65.76 = $16.44, all from the last instalment.
    expect(s.balanceDue).toBe(49.32);
    expect(s.plan).toMatchObject({ total: 49.32, remaining: 49.32, status: 'active' });
    expect(s.plan.instalments.map((i: { amount: number; dueDate: string }) => [i.dueDate, i.amount])).toEqual([[dates[0], 32.88], [dates[1], 16.44]]);

    expect((await decide(await apply(p.cookie), { decision: 'approve', discountPercent: 100 })).statusCode).toBe(200);
    const done = await summary(p.cookie);
    expect(done).toMatchObject({ balanceDue: 0, maxPayment: 0, plan: null });
    const [row] = await h.ctx.db.query<{ status: string }>('SELECT status FROM billing_plans WHERE id = $1', [plan.json().id]);
    expect(row!.status).toBe('completed');
  });

  it('a denial changes nothing on the bill', async () => {
    const p = await owingPatient();
    const id = await apply(p.cookie);
    expect((await decide(id, { decision: 'deny', reason: 'Your income is above the limit.' })).statusCode).toBe(200);
    expect((await summary(p.cookie)).balanceDue).toBe(65.76);
    expect(await adjustments('patient_id', p.patientId)).toEqual([]);
  });

  it('when the decision transaction fails, no adjustment is written and the application still waits', async () => {
    const p = await owingPatient();
    const id = await apply(p.cookie);
    // A real database failure late in the transaction (after the adjustment rows): the patient's notice cannot be stored.
    const fn = `fail_notice_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
    await h.ctx.db.exec(`
      CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'notice store down'; END $$;
      CREATE TRIGGER ${fn} BEFORE INSERT ON notifications FOR EACH ROW WHEN (NEW.entity_id = '${id}') EXECUTE FUNCTION ${fn}();`);
    try {
      expect((await decide(id, { decision: 'approve', discountPercent: 40 })).statusCode).toBe(500);
    } finally {
      await h.ctx.db.exec(`DROP TRIGGER ${fn} ON notifications; DROP FUNCTION ${fn}();`);
    }
    expect(await adjustments('patient_id', p.patientId)).toEqual([]);
    expect((await summary(p.cookie)).balanceDue).toBe(65.76);
    const [row] = await h.ctx.db.query<{ state: string }>('SELECT state FROM assistance_applications WHERE id = $1', [id]);
    expect(row!.state).toBe('submitted');
    // Once the failure is gone, the same decision goes through.
    expect((await decide(id, { decision: 'approve', discountPercent: 40 })).statusCode).toBe(200);
    expect((await summary(p.cookie)).balanceDue).toBe(39.46);
  });
});
