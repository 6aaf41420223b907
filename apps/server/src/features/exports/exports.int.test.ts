import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import type { Bundle } from '@medplum/fhirtypes';
import { testDrivers } from '../../test/databases.ts';
import { createPatientUser, createTestApp, signInCookie, type TestApp } from '../../test/app.ts';
import { INSIDE, OUTSIDE, pdfText, RANGE_2024, seedRangedRecord } from './export-fixtures.ts';

const url = (format: string, from = RANGE_2024.from, to = RANGE_2024.to) => `/api/records/export?format=${format}&from=${from}&to=${to}`;

describe.each(testDrivers)('download your record on $name', (driver) => {
  let h: TestApp;
  let cookie: string;
  let patient: Awaited<ReturnType<typeof createPatientUser>>;
  beforeAll(async () => {
    h = await createTestApp(driver);
    patient = await createPatientUser(h.ctx, { given: 'Rosalind' });
    await seedRangedRecord(h.ctx, patient.patientId);
    cookie = await signInCookie(h.app, patient.email, patient.password);
  });
  afterAll(() => h?.close());

  it('gives a C-CDA that parses and holds only the chosen dates', async () => {
    const res = await h.app.inject({ url: url('ccda'), headers: { cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/xml/);
    expect(res.headers['content-disposition']).toBe('attachment; filename="health-record-2024-01-01-to-2024-12-31.xml"');
    const doc = new XMLParser({ ignoreAttributes: false }).parse(res.body).ClinicalDocument;
    expect(doc.code['@_code']).toBe('34133-9');
    const name = doc.recordTarget.patientRole.patient.name;
    expect(JSON.stringify(name)).toContain('Rosalind');
    const sections = [doc.component.structuredBody.component].flat().map((c: { section: { code: { '@_code': string } } }) => c.section.code['@_code']);
    expect(sections).toEqual(expect.arrayContaining(['48765-2', '10160-0', '11450-4', '30954-2', '11369-6', '8716-3', '46240-8']));
    for (const text of INSIDE) expect(res.body, text).toContain(text);
    for (const text of OUTSIDE) expect(res.body, text).not.toContain(text);
  });

  it('gives a FHIR collection bundle with only the chosen dates', async () => {
    const res = await h.app.inject({ url: url('fhir'), headers: { cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/fhir\+json/);
    const bundle = res.json() as Bundle;
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection' });
    expect(bundle.entry![0]!.resource).toMatchObject({ resourceType: 'Patient', id: patient.patientId });
    for (const e of bundle.entry!) expect(e.fullUrl).toBe(`http://localhost:3000/fhir/R4/${e.resource!.resourceType}/${e.resource!.id}`);
    const json = res.body;
    for (const text of INSIDE) expect(json, text).toContain(text);
    for (const text of OUTSIDE) expect(json, text).not.toContain(text);
  });

  it('gives a readable PDF with the name, in English or Spanish, and audits each download', async () => {
    const res = await h.app.inject({ url: url('pdf'), headers: { cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(res.rawPayload);
    expect(text).toContain('Rosalind Tester');
    expect(text).toContain('Your health record');
    expect(text).toContain('Page 1 of');
    expect(text).toContain('Glucose inside');
    expect(text).not.toContain('Sodium outside');
    const es = await h.app.inject({ url: `${url('pdf')}&lang=es`, headers: { cookie } });
    expect(pdfText(es.rawPayload)).toContain('Su historial de salud');

    const activity = (await h.app.inject({ url: '/api/account/activity', headers: { cookie } })).json().entries;
    const downloads = activity.filter((e: { action: string }) => e.action === 'download');
    expect(downloads[0]).toMatchObject({ actorRole: 'patient', details: { format: 'pdf', from: '2024-01-01', to: '2024-12-31' } });
    expect(downloads.map((d: { details: { format: string } }) => d.details.format)).toEqual(expect.arrayContaining(['pdf', 'ccda', 'fhir']));
  });

  it('explains a bad range and refuses another patient\'s record', async () => {
    const backwards = await h.app.inject({ url: url('pdf', '2024-12-31', '2024-01-01'), headers: { cookie } });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().detail).toContain('The start date must be on or before the end date.');
    const notADay = await h.app.inject({ url: url('pdf', '2024-02-30'), headers: { cookie } });
    expect(notADay.json().detail).toContain('Enter the start date as a real date');
    expect((await h.app.inject({ url: url('docx'), headers: { cookie } })).statusCode).toBe(400);
    const other = await createPatientUser(h.ctx);
    expect((await h.app.inject({ url: `${url('pdf')}&patient=${other.patientId}`, headers: { cookie } })).statusCode).toBe(404);
    expect((await h.app.inject({ url: url('pdf') })).statusCode).toBe(401);
  });
});
