import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiagnosticReport, Observation } from '@medplum/fhirtypes';
import { testDrivers } from '../../test/databases.ts';
import { createPatientUser, createTestApp, signInCookie, type TestApp } from '../../test/app.ts';
import { buildObservation } from '../../test/factories.ts';
import { flagOf } from './result-values.ts';

const loinc = (code: string, display: string) => ({ coding: [{ system: 'http://loinc.org', code, display }], text: display });
const interp = (code: string) => [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation', code }] }];

describe.each(testDrivers)('test results on $name', (driver) => {
  let h: TestApp;
  beforeAll(async () => {
    h = await createTestApp(driver);
  });
  afterAll(() => h?.close());

  it('lists reports with their values, ranges, flags and corrections, newest first, and filters them', async () => {
    const u = await createPatientUser(h.ctx);
    const other = await createPatientUser(h.ctx);
    const glucose = await h.ctx.store.create(buildObservation(u.patientId, {
      code: loinc('2345-7', 'Glucose'), effectiveDateTime: '2025-03-01T08:00:00Z', interpretation: interp('H'),
      valueQuantity: { value: 182, unit: 'mg/dL' }, referenceRange: [{ low: { value: 70 }, high: { value: 99 } }],
    }));
    const sodium = await h.ctx.store.create(buildObservation(u.patientId, {
      code: loinc('2951-2', 'Sodium'), effectiveDateTime: '2025-03-01T08:00:00Z',
      valueQuantity: { value: 131, unit: 'mmol/L' }, referenceRange: [{ low: { value: 135 }, high: { value: 145 } }],
    }));
    await h.ctx.store.create<DiagnosticReport>({
      resourceType: 'DiagnosticReport', status: 'final', code: loinc('24323-8', 'Comprehensive metabolic panel'),
      category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0074', code: 'LAB' }] }],
      subject: { reference: `Patient/${u.patientId}` }, effectiveDateTime: '2025-03-01T08:00:00Z', performer: [{ display: 'Riverbend Lab' }],
      result: [{ reference: `Observation/${glucose.id}` }, { reference: `Observation/${sodium.id}` }],
    });
    const k = await h.ctx.store.create(buildObservation(u.patientId, { code: loinc('2823-3', 'Potassium'), effectiveDateTime: '2025-06-01T08:00:00Z', valueQuantity: { value: 5.9, unit: 'mmol/L' } }));
    await h.ctx.store.update<Observation>({ ...k, status: 'corrected', valueQuantity: { value: 4.6, unit: 'mmol/L' }, note: [{ text: 'Typing error corrected.' }] });
    await h.ctx.store.create(buildObservation(other.patientId, { code: loinc('2345-7', 'Glucose'), effectiveDateTime: '2025-07-01T08:00:00Z' }));

    const cookie = await signInCookie(h.app, u.email, u.password);
    const res = await h.app.inject({ url: '/api/records/results', headers: { cookie } });
    expect(res.statusCode).toBe(200);
    const { reports } = res.json();
    expect(reports.map((r: { name: string; kind: string }) => [r.name, r.kind])).toEqual([['Potassium', 'single'], ['Comprehensive metabolic panel', 'report']]);
    const panel = reports[1];
    expect(panel).toMatchObject({ performer: 'Riverbend Lab', hasAbnormal: true });
    expect(panel.values).toEqual([
      expect.objectContaining({ name: 'Glucose', value: 182, unit: 'mg/dL', flag: 'high', range: { low: 70, high: 99, text: null }, code: 'http://loinc.org|2345-7' }),
      expect.objectContaining({ name: 'Sodium', value: 131, flag: 'low' }),
    ]);
    expect(reports[0].values[0]).toMatchObject({ status: 'corrected', value: 4.6, correction: { previousValue: 5.9, note: 'Typing error corrected.' } });

    expect(panel.values[0].explanation).toMatchObject({ name: expect.stringMatching(/^Glucose/), source: { url: expect.stringMatching(/^https:\/\/medlineplus\.gov\//) } });
    const spanish = (await h.app.inject({ url: '/api/records/results', headers: { cookie, 'accept-language': 'es' } })).json();
    expect(spanish.reports[1].values[0].explanation.name).toMatch(/^Glucosa/);
    expect(spanish.reports[1].values[0].explanation.measures).not.toBe(panel.values[0].explanation.measures);

    const filtered = (await h.app.inject({ url: '/api/records/results?q=sodium', headers: { cookie } })).json();
    expect(filtered.reports.map((r: { name: string }) => r.name)).toEqual(['Comprehensive metabolic panel']);
    const since = (await h.app.inject({ url: '/api/records/results?from=2025-05-01', headers: { cookie } })).json();
    expect(since.reports.map((r: { name: string }) => r.name)).toEqual(['Potassium']);
    const bad = await h.app.inject({ url: '/api/records/results?from=yesterday', headers: { cookie } });
    expect(bad.statusCode).toBe(400);
  });

  it('gives a numeric trend per test, oldest first, only from the patient\'s own record', async () => {
    const u = await createPatientUser(h.ctx);
    const other = await createPatientUser(h.ctx);
    for (const [date, value] of [['2024-01-10', 7.9], ['2023-01-10', 8.4], ['2025-01-10', 6.8]] as const) {
      await h.ctx.store.create(buildObservation(u.patientId, { effectiveDateTime: `${date}T09:00:00Z`, valueQuantity: { value, unit: '%' }, referenceRange: [{ high: { value: 5.7 } }] }));
    }
    await h.ctx.store.create(buildObservation(other.patientId, { valueQuantity: { value: 12, unit: '%' } }));
    const cookie = await signInCookie(h.app, u.email, u.password);
    const trend = (await h.app.inject({ url: `/api/records/results/trend?code=${encodeURIComponent('http://loinc.org|4548-4')}`, headers: { cookie } })).json();
    expect(trend).toMatchObject({ name: 'Hemoglobin A1c', unit: '%' });
    expect(trend.points.map((p: { value: number }) => p.value)).toEqual([8.4, 7.9, 6.8]);
    expect(trend.points[0]).toMatchObject({ high: 5.7, low: null, flag: 'high', patientReported: false });
    const denied = await h.app.inject({ url: `/api/records/results/trend?code=${encodeURIComponent('http://loinc.org|4548-4')}&patient=${other.patientId}`, headers: { cookie } });
    expect(denied.statusCode).toBe(404);
    expect((await h.app.inject({ url: '/api/records/results/trend?code=4548-4', headers: { cookie } })).statusCode).toBe(400);
  });
});

describe('result flags', () => {
  it('prefers the lab interpretation (critical limits) and falls back to the range', () => {
    const base = buildObservation('p', { valueQuantity: { value: 6.4 }, referenceRange: [{ low: { value: 3.5 }, high: { value: 5.1 } }] });
    expect(flagOf({ ...base, interpretation: interp('HH') })).toBe('critical-high');
    expect(flagOf(base)).toBe('high');
    expect(flagOf({ ...base, valueQuantity: { value: 4 } })).toBe('normal');
    expect(flagOf({ ...base, referenceRange: undefined })).toBeNull();
  });
});
