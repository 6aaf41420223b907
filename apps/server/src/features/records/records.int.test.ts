import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '../../test/databases.ts';
import { createPatientUser, createTestApp, signInCookie, type TestApp } from '../../test/app.ts';
import { buildAllergy, buildCondition } from '../../test/factories.ts';

describe.each(testDrivers)('health summary API on $name', (driver) => {
  let h: TestApp;
  beforeAll(async () => {
    h = await createTestApp(driver);
  });
  afterAll(() => h?.close());

  it('returns the signed-in patient\'s summary, active problems first, and audits each read', async () => {
    const u = await createPatientUser(h.ctx, { given: 'Lucía' });
    await h.ctx.store.create(buildCondition(u.patientId, { code: { text: 'Old sprain' }, clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'resolved' }] }, abatementDateTime: '2020-01-01' }));
    await h.ctx.store.create(buildCondition(u.patientId));
    await h.ctx.store.create(buildAllergy(u.patientId));
    const cookie = await signInCookie(h.app, u.email, u.password);
    const res = await h.app.inject({ url: '/api/records/summary', headers: { cookie } });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.patient).toMatchObject({ id: u.patientId, name: 'Lucía Tester' });
    expect(body.conditions.map((c: { name: string }) => c.name)).toEqual(['Type 2 diabetes', 'Old sprain']);
    expect(body.allergies[0]).toMatchObject({ substance: 'Penicillin', reactions: [{ manifestation: 'Hives', severity: 'moderate' }] });
    expect(body.medications).toEqual([]);
    const audited = await h.ctx.db.query<{ entity_type: string }>("SELECT entity_type FROM audit_events WHERE patient_id = $1 AND outcome = 'success' ORDER BY entity_type", [u.patientId]);
    expect(audited.map((a) => a.entity_type)).toEqual(['AllergyIntolerance', 'Condition', 'Immunization', 'MedicationRequest', 'Patient']);
  });

  it('answers 404 for another patient\'s record, and serves a proxied one', async () => {
    const other = await createPatientUser(h.ctx, { given: 'Other' });
    const child = await createPatientUser(h.ctx, { given: 'Child' });
    const parent = await createPatientUser(h.ctx, { given: 'Parent', proxyFor: [child.patientId] });
    const cookie = await signInCookie(h.app, parent.email, parent.password);
    const denied = await h.app.inject({ url: `/api/records/summary?patient=${other.patientId}`, headers: { cookie } });
    expect(denied.statusCode).toBe(404);
    expect(denied.json().code).toBe('NOT_FOUND');
    const allowed = await h.app.inject({ url: `/api/records/summary?patient=${child.patientId}`, headers: { cookie } });
    expect(allowed.statusCode).toBe(200);
    expect(allowed.json().patient.name).toBe('Child Tester');
    const me = (await h.app.inject({ url: '/api/me', headers: { cookie } })).json();
    expect(me.patients.map((p: { relationship: string }) => p.relationship)).toEqual(['self', 'caregiver']);
  });

  it('requires sign-in', async () => {
    const res = await h.app.inject({ url: '/api/records/summary' });
    expect(res.statusCode).toBe(401);
  });
});

describe.each(testDrivers)('health endpoints on $name', (driver) => {
  let h: TestApp;
  beforeAll(async () => {
    h = await createTestApp(driver);
  });
  afterAll(() => h?.close());

  it('reports alive and ready, with security headers', async () => {
    expect((await h.app.inject({ url: '/healthz' })).json()).toEqual({ status: 'ok' });
    const ready = await h.app.inject({ url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready', database: driver.name });
    expect(ready.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(ready.headers['x-content-type-options']).toBe('nosniff');
    expect(ready.headers['strict-transport-security']).toMatch(/max-age=/);
  });

  it('answers unknown API routes with problem+json', async () => {
    const res = await h.app.inject({ url: '/api/nope' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
  });
});

describe('probing for ids', () => {
  it('rate-limits repeated 404s from one address', async () => {
    const h = await createTestApp(testDrivers[0]!);
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 32; i++) statuses.push((await h.app.inject({ url: `/api/nope-${i}`, remoteAddress: '10.99.0.1' })).statusCode);
      expect(statuses.slice(0, 30).every((s) => s === 404)).toBe(true);
      expect(statuses.at(-1)).toBe(429);
      expect((await h.app.inject({ url: '/api/nope', remoteAddress: '10.99.0.2' })).statusCode).toBe(404); // others unaffected
    } finally {
      await h.close();
    }
  });
});
