import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Coverage } from '@medplum/fhirtypes';
import { testDrivers } from '../../test/databases.ts';
import { createPatientUser, createTestApp, CSRF, type TestApp } from '../../test/app.ts';
import { hashPassword } from '../../platform/auth/passwords.ts';
import { upsertUser } from '../../platform/auth/users.ts';
import { assertValidResource } from '../../platform/fhir-store/validate.ts';
import { createManagedPatient, createStaffUser, sessionCookie } from '../staff/staff-fixtures.ts';
import { cardForm, createCoverage, JPEG, PNG, type CardFields } from './insurance-fixtures.ts';

const ORG = 'org-insurance';
const NEW_CARD: CardFields = { payerName: 'Sunrise Health', memberId: 'SUN-4455', groupNumber: 'G-77', subscriberName: 'Rita Tester', relationship: 'self' };
const PHOTOS = { front: { name: 'front.png', type: 'image/png', bytes: PNG }, back: { name: 'back.jpg', type: 'image/jpeg', bytes: JPEG } };

describe.each(testDrivers)('insurance and estimates on $name', (driver) => {
  let h: TestApp;
  let frontDesk: Awaited<ReturnType<typeof createStaffUser>>;

  beforeAll(async () => {
    h = await createTestApp(driver);
    frontDesk = await createStaffUser(h.ctx, { role: 'staff', organizationId: ORG, name: 'Fran Frontdesk' });
  }, 120_000);
  afterAll(() => h?.close());

  async function patientUser(withCoverage = true) {
    const p = await createManagedPatient(h.ctx, ORG, { name: [{ use: 'official', given: ['Rita'], family: `Insured${randomUUID().slice(0, 4)}` }] });
    const userId = await upsertUser(h.ctx.db, { email: `rita-${p.id!.slice(0, 8)}@example.test`, role: 'patient', displayName: 'Rita Tester', patientId: p.id!, practitionerId: null, passwordHash: await hashPassword('correct horse battery staple') });
    const coverage = withCoverage ? await createCoverage(h.ctx, p.id!) : null;
    return { patientId: p.id!, userId, cookie: await sessionCookie(h.ctx, userId), coverage };
  }

  const get = (cookie: string, url: string) => h.app.inject({ url, headers: { cookie } });
  const post = (cookie: string, url: string, payload: object = {}) => h.app.inject({ method: 'POST', url, headers: { cookie, ...CSRF }, payload });
  const send = (cookie: string, form: FormData, query = '') => h.app.inject({ method: 'POST', url: `/api/billing/insurance/updates${query}`, headers: { cookie, ...CSRF }, payload: form });
  const staffCookie = () => sessionCookie(h.ctx, frontDesk.userId);
  const rows = (patientId: string) => h.ctx.db.query<{ state: string }>('SELECT state FROM insurance_updates WHERE patient_id = $1', [patientId]);

  it('shows the coverage with copay and coinsurance from costToBeneficiary', async () => {
    const p = await patientUser();
    const res = await get(p.cookie, '/api/billing/insurance');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      coverages: [{
        id: p.coverage!.id, current: true, planName: 'BluePeak PPO 30', payerName: 'BluePeak Health Plan', memberId: 'OLD-123', groupNumber: 'GRP-1',
        subscriberName: 'Rita Tester', relationship: 'self', start: '2020-01-01', end: null, copayCents: 3000, coinsurancePercent: 20,
      }],
      updates: [],
    });
  });

  it('update with two photos → pending → staff accept writes a new Coverage and ends the old one', async () => {
    const p = await patientUser();
    const res = await send(p.cookie, cardForm(NEW_CARD, PHOTOS));
    expect(res.statusCode).toBe(201);
    const update = res.json();
    expect(update).toMatchObject({ state: 'pending', payerName: 'Sunrise Health', memberId: 'SUN-4455', decidedAt: null, reason: null });
    // Nothing in the record changed yet; the patient sees the update waiting.
    const before = (await get(p.cookie, '/api/billing/insurance')).json();
    expect(before.coverages.map((c: { memberId: string }) => c.memberId)).toEqual(['OLD-123']);
    expect(before.updates.map((u: { id: string; state: string }) => [u.id, u.state])).toEqual([[update.id, 'pending']]);
    // The photos are encrypted at rest.
    const [stored] = await h.ctx.db.query<{ front_enc: string; details_enc: string }>('SELECT front_enc, details_enc FROM insurance_updates WHERE id = $1', [update.id]);
    expect(stored!.front_enc).not.toContain(PNG.toString('base64'));
    expect(stored!.details_enc).not.toContain('SUN-4455');
    // A second update while one waits is refused.
    expect((await send(p.cookie, cardForm(NEW_CARD, PHOTOS))).statusCode).toBe(409);

    const staff = await staffCookie();
    const queue = (await get(staff, '/api/staff/billing/insurance-updates')).json();
    const mine = queue.updates.find((u: { id: string }) => u.id === update.id);
    expect(mine).toMatchObject({ patient: { id: p.patientId }, currentCoverage: { memberId: 'OLD-123' }, frontType: 'image/png', backType: 'image/jpeg' });
    const front = await get(staff, `/api/staff/billing/insurance-updates/${update.id}/front`);
    expect(front.statusCode).toBe(200);
    expect(front.headers['content-type']).toBe('image/png');
    expect(Buffer.from(front.rawPayload).equals(PNG)).toBe(true);
    expect((await get(staff, `/api/staff/billing/insurance-updates/${update.id}/back`)).rawPayload.equals(JPEG)).toBe(true);
    const audited = await h.ctx.db.query<{ query: string }>("SELECT query FROM audit_events WHERE entity_type = 'InsuranceUpdate' AND entity_id = $1 AND actor_id = $2", [update.id, frontDesk.userId]);
    expect(audited.map((a) => a.query)).toEqual(expect.arrayContaining(['part=card-photo-front', 'part=card-photo-back']));
    // The patient cannot see the photos through the staff routes.
    expect((await get(p.cookie, `/api/staff/billing/insurance-updates/${update.id}/front`)).statusCode).toBe(404);

    const accepted = await post(staff, `/api/staff/billing/insurance-updates/${update.id}/accept`);
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({ state: 'accepted', currentCoverage: { memberId: 'SUN-4455', payerName: 'Sunrise Health', groupNumber: 'G-77' } });
    expect((await post(staff, `/api/staff/billing/insurance-updates/${update.id}/accept`)).statusCode).toBe(409);

    const after = (await get(p.cookie, '/api/billing/insurance')).json();
    expect(after.coverages[0]).toMatchObject({ current: true, memberId: 'SUN-4455', payerName: 'Sunrise Health' });
    expect(after.coverages[1]).toMatchObject({ id: p.coverage!.id, current: false, memberId: 'OLD-123' });
    expect(after.updates[0]).toMatchObject({ id: update.id, state: 'accepted' });
    const [row] = await h.ctx.db.query<{ result_coverage_id: string }>('SELECT result_coverage_id FROM insurance_updates WHERE id = $1', [update.id]);
    const written = await h.ctx.store.read('Coverage', row!.result_coverage_id) as Coverage;
    assertValidResource(written);
    expect(written).toMatchObject({ status: 'active', beneficiary: { reference: `Patient/${p.patientId}` }, subscriberId: 'SUN-4455', payor: [{ display: 'Sunrise Health' }] });
    const old = await h.ctx.store.read('Coverage', p.coverage!.id!) as Coverage;
    assertValidResource(old);
    expect(old.period?.end).toBeDefined();
    const told = await h.ctx.db.query("SELECT 1 FROM notifications WHERE user_id = $1 AND kind = 'insurance-reviewed' AND entity_id = $2", [p.userId, update.id]);
    expect(told).toHaveLength(1);
  });

  it('same payer: a new version of the same Coverage', async () => {
    const p = await patientUser();
    const update = (await send(p.cookie, cardForm({ ...NEW_CARD, payerName: 'bluepeak health plan', memberId: 'BPK-NEW-1' }, PHOTOS))).json();
    const accepted = (await post(await staffCookie(), `/api/staff/billing/insurance-updates/${update.id}/accept`)).json();
    expect(accepted.currentCoverage).toMatchObject({ id: p.coverage!.id, memberId: 'BPK-NEW-1', copayCents: 3000, coinsurancePercent: 20 });
    const history = await h.ctx.store.history('Coverage', p.coverage!.id!);
    expect(history.length).toBe(2);
    assertValidResource(history[0]!.resource);
  });

  it('reject with a reason: the coverage stays, the patient reads why and is notified', async () => {
    const p = await patientUser();
    const update = (await send(p.cookie, cardForm(NEW_CARD, PHOTOS))).json();
    const staff = await staffCookie();
    expect((await post(staff, `/api/staff/billing/insurance-updates/${update.id}/reject`, {})).statusCode).toBe(400);
    const rejected = await post(staff, `/api/staff/billing/insurance-updates/${update.id}/reject`, { reason: 'The back photo is blurry. Please take it again.' });
    expect(rejected.statusCode).toBe(200);
    const view = (await get(p.cookie, '/api/billing/insurance')).json();
    expect(view.coverages.map((c: { memberId: string }) => c.memberId)).toEqual(['OLD-123']);
    expect(view.updates[0]).toMatchObject({ state: 'rejected', reason: 'The back photo is blurry. Please take it again.' });
    expect(await h.ctx.db.query("SELECT 1 FROM notifications WHERE user_id = $1 AND kind = 'insurance-reviewed'", [p.userId])).toHaveLength(1);
  });

  it('refuses a file that is not a picture, a renamed file and a missing side, storing nothing', async () => {
    const p = await patientUser();
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n', 'latin1');
    const asPdf = await send(p.cookie, cardForm(NEW_CARD, { front: { name: 'card.pdf', type: 'application/pdf', bytes: pdf }, back: PHOTOS.back }));
    expect(asPdf.statusCode).toBe(415);
    expect(asPdf.json().detail).toBe('Card photos must be JPEG, PNG or HEIC pictures.');
    const text = await send(p.cookie, cardForm(NEW_CARD, { front: PHOTOS.front, back: { name: 'back.png', type: 'image/png', bytes: Buffer.from('not a picture at all') } }));
    expect(text.statusCode).toBe(415);
    const oneSide = await send(p.cookie, cardForm(NEW_CARD, { front: PHOTOS.front }));
    expect(oneSide.statusCode).toBe(400);
    expect(oneSide.json().errors).toEqual([{ path: 'back', message: 'Add a photo of the front and of the back of the card.' }]);
    const badFields = await send(p.cookie, cardForm({ ...NEW_CARD, memberId: '' }, PHOTOS));
    expect(badFields.statusCode).toBe(400);
    expect(await rows(p.patientId)).toEqual([]);
  });

  it('another patient\'s update id answers 404 to staff outside the care team and to patients', async () => {
    const p = await patientUser();
    const update = (await send(p.cookie, cardForm(NEW_CARD, PHOTOS))).json();
    const away = await createStaffUser(h.ctx, { role: 'staff', organizationId: 'org-elsewhere' });
    const awayCookie = await sessionCookie(h.ctx, away.userId);
    expect((await post(awayCookie, `/api/staff/billing/insurance-updates/${update.id}/accept`)).statusCode).toBe(404);
    expect((await get(awayCookie, `/api/staff/billing/insurance-updates/${update.id}/front`)).statusCode).toBe(404);
    expect((await get(awayCookie, '/api/staff/billing/insurance-updates')).json().updates.map((u: { id: string }) => u.id)).not.toContain(update.id);
    const other = await patientUser();
    expect((await post(other.cookie, `/api/staff/billing/insurance-updates/${update.id}/reject`, { reason: 'Not mine to decide at all' })).statusCode).toBe(404);
    // Clinicians do not review insurance.
    const clinician = await createStaffUser(h.ctx, { role: 'clinician', organizationId: ORG });
    expect((await post(await sessionCookie(h.ctx, clinician.userId), `/api/staff/billing/insurance-updates/${update.id}/accept`)).statusCode).toBe(403);
    expect(await rows(p.patientId)).toEqual([{ state: 'pending' }]);
  });

  it('a proxy without the billing scope is refused (403); with it, may send an update', async () => {
    const child = await patientUser();
    const narrow = await createPatientUser(h.ctx, { given: 'Carer', proxyFor: [{ patientId: child.patientId, relationship: 'caregiver', scopes: ['record'] }] });
    const narrowCookie = await sessionCookie(h.ctx, narrow.userId);
    expect((await get(narrowCookie, `/api/billing/insurance?patient=${child.patientId}`)).statusCode).toBe(403);
    expect((await send(narrowCookie, cardForm(NEW_CARD, PHOTOS), `?patient=${child.patientId}`)).statusCode).toBe(403);
    expect((await get(narrowCookie, `/api/billing/estimate?patient=${child.patientId}`)).statusCode).toBe(403);
    const billing = await createPatientUser(h.ctx, { given: 'Payer', proxyFor: [{ patientId: child.patientId, relationship: 'caregiver', scopes: ['billing'] }] });
    const billingCookie = await sessionCookie(h.ctx, billing.userId);
    expect((await send(billingCookie, cardForm(NEW_CARD, PHOTOS), `?patient=${child.patientId}`)).statusCode).toBe(201);
    expect(await rows(child.patientId)).toEqual([{ state: 'pending' }]);
  });

  it('estimates a visit from the price list with the coverage, and the self-pay price without one', async () => {
    await h.ctx.db.query(`INSERT INTO visit_types (id, name_en, name_es, duration_minutes, modality, booking) VALUES ('sick-visit', 'Sick visit', 'Consulta por enfermedad', 20, 'in-person', 'self') ON CONFLICT (id) DO NOTHING`);
    const p = await patientUser();
    const page = (await get(p.cookie, '/api/billing/estimate')).json();
    expect(page).toEqual({ visitTypes: [{ id: 'sick-visit', name: 'Sick visit' }], estimate: null });
    const res = await get(p.cookie, '/api/billing/estimate?visitType=sick-visit');
    expect(res.statusCode).toBe(200);
    expect(res.json().estimate).toEqual({
      visitType: { id: 'sick-visit', name: 'Sick visit' },
      coverage: { payerName: 'BluePeak Health Plan', planName: 'BluePeak PPO 30', copayCents: 3000, coinsurancePercent: 20 },
      lines: [
        { cpt: '99213', name: 'Office visit with your clinician', priceCents: 15000, insurancePaysCents: 7800, youPayCents: 3000, rule: 'copay' },
        { cpt: '87880', name: 'Rapid strep test', priceCents: 3500, insurancePaysCents: 2000, youPayCents: 500, rule: 'coinsurance' },
      ],
      totalCents: 18500, insurancePaysCents: 9800, youPayCents: 3500,
    });
    const spanish = (await h.app.inject({ url: '/api/billing/estimate?visitType=sick-visit', headers: { cookie: p.cookie, 'accept-language': 'es' } })).json();
    expect(spanish.estimate.lines[1].name).toBe('Prueba rápida de estreptococo');
    const uninsured = await patientUser(false);
    expect((await get(uninsured.cookie, '/api/billing/estimate?visitType=sick-visit')).json().estimate).toMatchObject({ coverage: null, youPayCents: 18500, insurancePaysCents: 0 });
    expect((await get(p.cookie, '/api/billing/estimate?visitType=no-such-visit')).statusCode).toBe(400);
  });
});
