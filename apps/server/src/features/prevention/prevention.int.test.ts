import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Immunization, Procedure } from '@medplum/fhirtypes';
import { testDrivers } from '../../test/databases.ts';
import { createPatientUser, createTestApp, signInCookie, type TestApp } from '../../test/app.ts';
import { buildObservation } from '../../test/factories.ts';
import { addMonths } from './due-care.ts';

const today = new Date().toISOString().slice(0, 10);
const monthsAgo = (m: number) => addMonths(today, -m);

describe.each(testDrivers)('prevention API on $name', (driver) => {
  let h: TestApp;
  beforeAll(async () => {
    h = await createTestApp(driver);
  });
  afterAll(() => h?.close());

  it('lists due care for the patient from their own record, with last dates and sources, using today', async () => {
    // A woman who turned 50 six months ago (the test factory's patients are female).
    const u = await createPatientUser(h.ctx);
    await h.ctx.store.update({ ...(await h.ctx.store.read('Patient', u.patientId)), birthDate: monthsAgo(50 * 12 + 6) });
    const other = await createPatientUser(h.ctx);
    const imm = (patientId: string, code: string, date: string, status: Immunization['status'] = 'completed'): Immunization => ({
      resourceType: 'Immunization', status, patient: { reference: `Patient/${patientId}` }, occurrenceDateTime: date,
      vaccineCode: { coding: [{ system: 'http://hl7.org/fhir/sid/cvx', code }] },
    });
    await h.ctx.store.create(imm(u.patientId, '187', monthsAgo(3)));
    await h.ctx.store.create(imm(u.patientId, '115', monthsAgo(200), 'not-done'));
    await h.ctx.store.create<Procedure>({
      resourceType: 'Procedure', status: 'completed', subject: { reference: `Patient/${u.patientId}` }, performedDateTime: monthsAgo(30),
      code: { coding: [{ system: 'http://snomed.info/sct', code: '73761001', display: 'Colonoscopy' }] },
    });
    await h.ctx.store.create(buildObservation(u.patientId, { code: { coding: [{ system: 'http://loinc.org', code: '24606-6' }] }, effectiveDateTime: `${monthsAgo(6)}T10:00:00Z`, valueQuantity: undefined, valueString: 'BI-RADS 1' }));
    // Another patient's mammogram and Tdap must not count.
    await h.ctx.store.create(imm(other.patientId, '115', monthsAgo(12)));

    const cookie = await signInCookie(h.app, u.email, u.password);
    const res = await h.app.inject({ url: '/api/records/prevention', headers: { cookie } });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ today, ageYears: 50 });
    const items = new Map(body.items.map((i: { id: string }) => [i.id, i]));
    expect(items.get('colorectal')).toMatchObject({ status: 'up-to-date', lastDone: monthsAgo(30), source: { url: expect.stringContaining('uspreventiveservicestaskforce.org') } });
    expect(items.get('breast')).toMatchObject({ status: 'up-to-date', lastDone: monthsAgo(6) });
    // The second shingles dose comes 2 months after the first.
    expect(items.get('zoster')).toMatchObject({ status: 'due', doneCount: 1, dosesNeeded: 2, dueDate: monthsAgo(1), lastDone: monthsAgo(3) });
    // "Not done" is not a dose.
    expect(items.get('td-booster')).toMatchObject({ status: 'due', lastDone: null });
    expect(items.get('pneumococcal')).toMatchObject({ status: 'due', source: { name: expect.stringMatching(/^CDC Adult Immunization Schedule/) } });
    expect(items.has('aaa')).toBe(false);
    expect(body.items[0].status).toMatch(/^(overdue|due)$/);

    const denied = await h.app.inject({ url: `/api/records/prevention?patient=${other.patientId}`, headers: { cookie } });
    expect(denied.statusCode).toBe(404);
    expect((await h.app.inject({ url: '/api/records/prevention' })).statusCode).toBe(401);
  });

  it('lists the vaccine history grouped by vaccine with dose number and place, newest first', async () => {
    const u = await createPatientUser(h.ctx);
    const other = await createPatientUser(h.ctx);
    const dose = (patientId: string, text: string, date: string, extra: Partial<Immunization> = {}): Immunization => ({
      resourceType: 'Immunization', status: 'completed', patient: { reference: `Patient/${patientId}` }, occurrenceDateTime: date,
      vaccineCode: { coding: [{ system: 'http://hl7.org/fhir/sid/cvx', code: '187' }], text }, ...extra,
    });
    await h.ctx.store.create(dose(u.patientId, 'Shingles (Shingrix)', '2025-01-10', { protocolApplied: [{ doseNumberPositiveInt: 1 }], location: { display: 'Main Street Clinic' } }));
    await h.ctx.store.create(dose(u.patientId, 'Shingles (Shingrix)', '2025-04-10', { protocolApplied: [{ doseNumberPositiveInt: 2 }] }));
    await h.ctx.store.create(dose(u.patientId, 'Flu shot', '2024-10-01'));
    await h.ctx.store.create(dose(u.patientId, 'Flu shot', '2023-10-01', { status: 'entered-in-error' }));
    await h.ctx.store.create(dose(other.patientId, 'Hepatitis B', '2025-06-01'));
    const cookie = await signInCookie(h.app, u.email, u.password);
    const { groups } = (await h.app.inject({ url: '/api/records/immunizations', headers: { cookie } })).json();
    expect(groups).toEqual([
      { vaccine: 'Shingles (Shingrix)', cvx: '187', doses: [
        expect.objectContaining({ date: '2025-04-10', doseNumber: 2, location: null, status: 'completed' }),
        expect.objectContaining({ date: '2025-01-10', doseNumber: 1, location: 'Main Street Clinic' }),
      ] },
      { vaccine: 'Flu shot', cvx: '187', doses: [expect.objectContaining({ date: '2024-10-01', doseNumber: null })] },
    ]);
  });

  it('gives a proxy the child\'s schedule', async () => {
    const child = await createPatientUser(h.ctx, { given: 'Lily' });
    await h.ctx.store.update({ ...(await h.ctx.store.read('Patient', child.patientId)), birthDate: monthsAgo(30) });
    const parent = await createPatientUser(h.ctx, { given: 'David', proxyFor: [child.patientId] });
    const cookie = await signInCookie(h.app, parent.email, parent.password);
    const body = (await h.app.inject({ url: `/api/records/prevention?patient=${child.patientId}`, headers: { cookie } })).json();
    expect(body.ageYears).toBe(2);
    const ids = body.items.map((i: { id: string }) => i.id);
    expect(ids).toEqual(expect.arrayContaining(['dtap', 'mmr', 'influenza']));
    expect(ids).not.toContain('colorectal');
    expect(body.items.find((i: { id: string }) => i.id === 'dtap')).toMatchObject({ status: 'overdue', doneCount: 0, dosesNeeded: 5 });
  });
});
