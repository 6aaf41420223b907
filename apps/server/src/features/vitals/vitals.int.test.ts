import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Observation } from '@medplum/fhirtypes';
import { testDrivers } from '../../test/databases.ts';
import { createPatientUser, createTestApp, CSRF, signInCookie, type TestApp } from '../../test/app.ts';
import { buildObservation } from '../../test/factories.ts';

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();
const bp = (systolic: number, diastolic: number, effective = minutesAgo(5)) => ({ type: 'blood-pressure', systolic, diastolic, effective });

describe.each(testDrivers)('home readings and vitals on $name', (driver) => {
  let h: TestApp;
  beforeAll(async () => {
    h = await createTestApp(driver);
  });
  afterAll(() => h?.close());

  const post = (cookie: string, payload: unknown, query = '') =>
    h.app.inject({ method: 'POST', url: `/api/records/readings${query}`, headers: { cookie, ...CSRF }, payload: payload as object });
  const storedObservations = async (patientId: string) =>
    (await h.ctx.store.search('Observation', [['_count', '100']], { patientId })).resources as Observation[];

  it('saves a blood pressure reading as a patient-reported US Core Observation and reads it back beside clinic readings', async () => {
    const u = await createPatientUser(h.ctx);
    await h.ctx.store.create(buildObservation(u.patientId, {
      category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'vital-signs' }] }],
      code: { coding: [{ system: 'http://loinc.org', code: '85354-9' }] }, valueQuantity: undefined, effectiveDateTime: '2025-01-10T10:00:00Z',
      performer: [{ reference: 'Practitioner/nurse-1' }],
      component: [
        { code: { coding: [{ system: 'http://loinc.org', code: '8480-6' }] }, valueQuantity: { value: 138, unit: 'mmHg' } },
        { code: { coding: [{ system: 'http://loinc.org', code: '8462-4' }] }, valueQuantity: { value: 88, unit: 'mmHg' } },
      ],
    }));
    const cookie = await signInCookie(h.app, u.email, u.password);
    const effective = minutesAgo(30);
    const res = await post(cookie, bp(128, 82, effective));
    expect(res.statusCode).toBe(201);
    const { observationId } = res.json();

    const stored = (await h.ctx.store.read('Observation', observationId)) as Observation;
    expect(stored).toMatchObject({
      status: 'final', subject: { reference: `Patient/${u.patientId}` }, performer: [{ reference: `Patient/${u.patientId}` }],
      code: { coding: [{ system: 'http://loinc.org', code: '85354-9' }] },
      category: [{ coding: [{ code: 'vital-signs' }] }],
      meta: { tag: [{ code: 'patient-reported' }], profile: ['http://hl7.org/fhir/us/core/StructureDefinition/us-core-blood-pressure'] },
    });
    expect(stored.component?.map((c) => [c.code.coding?.[0]?.code, c.valueQuantity?.value, c.valueQuantity?.code])).toEqual([['8480-6', 128, 'mm[Hg]'], ['8462-4', 82, 'mm[Hg]']]);

    const vitals = (await h.app.inject({ url: '/api/records/vitals?code=blood-pressure', headers: { cookie } })).json();
    expect(vitals.series).toHaveLength(1);
    expect(vitals.series[0]).toMatchObject({ kind: 'blood-pressure', unit: 'mmHg', range: { low: 90, high: 120 } });
    expect(vitals.series[0].points.map((p: { value: number; secondValue: number; patientReported: boolean }) => [p.value, p.secondValue, p.patientReported]))
      .toEqual([[138, 88, false], [128, 82, true]]);

    // The write is in the audit log, as reads are.
    const audit = await h.ctx.db.query<{ action: string; entity_id: string }>("SELECT action, entity_id FROM audit_events WHERE action = 'create' AND patient_id = $1", [u.patientId]);
    expect(audit.map((a) => a.entity_id)).toEqual([observationId]);
  });

  it('stores glucose as a laboratory result and weight in UCUM, charted in kilograms', async () => {
    const u = await createPatientUser(h.ctx);
    const cookie = await signInCookie(h.app, u.email, u.password);
    expect((await post(cookie, { type: 'glucose', value: 112, effective: minutesAgo(10) })).statusCode).toBe(201);
    expect((await post(cookie, { type: 'weight', value: 180, unit: 'lb', effective: minutesAgo(9) })).statusCode).toBe(201);
    const stored = await storedObservations(u.patientId);
    const glucose = stored.find((o) => o.code.coding?.[0]?.code === '41653-7');
    expect(glucose).toMatchObject({ category: [{ coding: [{ code: 'laboratory' }] }], valueQuantity: { value: 112, code: 'mg/dL' } });
    expect(stored.find((o) => o.code.coding?.[0]?.code === '29463-7')?.valueQuantity).toMatchObject({ value: 180, code: '[lb_av]', system: 'http://unitsofmeasure.org' });
    const all = (await h.app.inject({ url: '/api/records/vitals', headers: { cookie } })).json();
    const series = Object.fromEntries(all.series.map((s: { kind: string; points: unknown[] }) => [s.kind, s.points]));
    expect(series.weight).toEqual([expect.objectContaining({ value: 81.6, unit: 'kg', patientReported: true })]);
    expect(series.glucose).toEqual([expect.objectContaining({ value: 112, patientReported: true })]);
    expect(series['heart-rate']).toEqual([]);
  });

  it('refuses readings out of range with a message naming the range, and stores nothing', async () => {
    const u = await createPatientUser(h.ctx);
    const cookie = await signInCookie(h.app, u.email, u.password);
    const tooHigh = await post(cookie, bp(320, 80));
    expect(tooHigh.statusCode).toBe(400);
    expect(tooHigh.json().errors).toEqual([{ path: 'systolic', message: 'Systolic must be between 50 and 300 mmHg.' }]);
    const upsideDown = await post(cookie, bp(70, 90));
    expect(upsideDown.json().errors[0]).toMatchObject({ path: 'diastolic', message: expect.stringMatching(/must be lower than systolic/) });
    const weight = await post(cookie, { type: 'weight', value: 900, unit: 'lb', effective: minutesAgo(1) });
    expect(weight.json().detail).toBe('Weight must be between 2 and 770 lb.');
    const future = await post(cookie, bp(120, 80, new Date(Date.now() + 3_600_000).toISOString()));
    expect(future.json().errors[0].message).toBe('The date and time cannot be in the future.');
    expect((await post(cookie, { type: 'temperature', value: 37, effective: minutesAgo(1) })).statusCode).toBe(400);
    expect(await storedObservations(u.patientId)).toEqual([]);
  });

  it('answers 404 for another patient, and lets a proxy with a grant add a reading', async () => {
    const child = await createPatientUser(h.ctx, { given: 'Lily' });
    const stranger = await createPatientUser(h.ctx);
    const parent = await createPatientUser(h.ctx, { given: 'David', proxyFor: [child.patientId] });
    const strangerCookie = await signInCookie(h.app, stranger.email, stranger.password);
    expect((await post(strangerCookie, bp(120, 80), `?patient=${child.patientId}`)).statusCode).toBe(404);
    expect((await h.app.inject({ url: `/api/records/vitals?patient=${child.patientId}`, headers: { cookie: strangerCookie } })).statusCode).toBe(404);
    expect(await storedObservations(child.patientId)).toEqual([]);

    const parentCookie = await signInCookie(h.app, parent.email, parent.password);
    const res = await post(parentCookie, bp(104, 66), `?patient=${child.patientId}`);
    expect(res.statusCode).toBe(201);
    const points = (await h.app.inject({ url: `/api/records/vitals?code=blood-pressure&patient=${child.patientId}`, headers: { cookie: parentCookie } })).json().series[0].points;
    expect(points).toEqual([expect.objectContaining({ value: 104, secondValue: 66, patientReported: true })]);
    expect(await storedObservations(parent.patientId)).toEqual([]);
  });

  it('needs a session and the CSRF header to add a reading', async () => {
    const u = await createPatientUser(h.ctx);
    expect((await h.app.inject({ method: 'POST', url: '/api/records/readings', headers: CSRF, payload: bp(120, 80) })).statusCode).toBe(401);
    const cookie = await signInCookie(h.app, u.email, u.password);
    expect((await h.app.inject({ method: 'POST', url: '/api/records/readings', headers: { cookie }, payload: bp(120, 80) })).statusCode).toBe(403);
    expect(await storedObservations(u.patientId)).toEqual([]);
  });
});
