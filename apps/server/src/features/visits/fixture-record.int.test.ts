import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bundle, DocumentReference, Encounter, MedicationRequest } from '@medplum/fhirtypes';
import { testDrivers } from '../../test/databases.ts';
import { createTestApp, signInCookie, type TestApp } from '../../test/app.ts';
import { hashPassword } from '../../platform/auth/passwords.ts';
import { upsertUser } from '../../platform/auth/users.ts';
import { importFiles } from '../import/importer.ts';

// Real US Core data (Inferno reference server): visits, clinical notes and prescriptions as other systems send them.
const FILE = resolve(import.meta.dirname, '../../../../../../shared/fixtures/fhir/us-core/uscore_bundle_patient_85.json');

describe.each(testDrivers)('a real imported record on $name', (driver) => {
  let h: TestApp;
  beforeAll(async () => {
    h = await createTestApp(driver);
  });
  afterAll(() => h?.close());

  it('shows its visits with their notes, its documents and its medicines', async () => {
    const [result] = await importFiles(h.ctx.store, [FILE]);
    expect(result?.error).toBeUndefined();
    const bundle = JSON.parse(readFileSync(FILE, 'utf8')) as Bundle;
    const resources = (bundle.entry ?? []).map((e) => e.resource!);
    const patientId = resources.find((r) => r.resourceType === 'Patient')!.id ?? bundle.entry!.find((e) => e.resource?.resourceType === 'Patient')!.fullUrl!.replace('urn:uuid:', '');
    const notes = resources.filter((r): r is DocumentReference => r.resourceType === 'DocumentReference');
    const encounters = resources.filter((r): r is Encounter => r.resourceType === 'Encounter');
    expect(notes.length).toBeGreaterThan(0);

    const email = `fixture-${driver.name}@example.test`;
    await upsertUser(h.ctx.db, { email, role: 'patient', displayName: 'Fixture', patientId, practitionerId: null, passwordHash: await hashPassword('correct horse battery staple') });
    const cookie = await signInCookie(h.app, email, 'correct horse battery staple');

    const { visits } = (await h.app.inject({ url: '/api/records/visits', headers: { cookie } })).json();
    expect(visits.length).toBe(encounters.filter((e) => e.status === 'finished').length);
    const starts = visits.map((v: { start: string }) => v.start);
    expect(starts).toEqual([...starts].sort().reverse());
    const withNotes = visits.filter((v: { notes: unknown[] }) => v.notes.length > 0);
    // Every note written at a visit is shown with it; one (a living will, PDF) belongs to no visit.
    expect(withNotes.reduce((n: number, v: { notes: unknown[] }) => n + v.notes.length, 0)).toBe(notes.filter((d) => d.context?.encounter).length);
    expect(withNotes[0].clinicians.length).toBeGreaterThan(0);

    const { documents } = (await h.app.inject({ url: '/api/records/documents', headers: { cookie } })).json();
    expect(documents).toHaveLength(notes.length);
    const plain = documents.find((d: { attachments: { contentType: string }[] }) => d.attachments[0]?.contentType === 'text/plain');
    const text = await h.app.inject({ url: `/api/records/documents/${plain.id}/content?index=0`, headers: { cookie } });
    expect(text.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(text.body).toMatch(/Chief Complaint/);
    const pdf = documents.find((d: { attachments: { contentType: string }[] }) => d.attachments[0]?.contentType === 'application/pdf');
    expect(pdf).toMatchObject({ encounterId: null });
    const bytes = await h.app.inject({ url: `/api/records/documents/${pdf.id}/content?index=0&download=1`, headers: { cookie } });
    expect(bytes.headers['content-type']).toBe('application/pdf');
    expect(bytes.headers['content-disposition']).toMatch(/^attachment; filename=".+\.pdf"$/);
    expect(bytes.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    const medications = (await h.app.inject({ url: '/api/records/medications', headers: { cookie } })).json();
    const all = [...medications.active, ...medications.past];
    const prescribed = resources.filter((r): r is MedicationRequest => r.resourceType === 'MedicationRequest' && r.status !== 'entered-in-error' && r.status !== 'draft');
    expect(all).toHaveLength(prescribed.length);
    expect(medications.active.every((m: { status: string }) => m.status === 'active' || m.status === 'on-hold')).toBe(true);
    // Dosage as sent is kept for the app to word: the prescriber's text and whether it is as needed.
    const sent = prescribed.find((m) => m.dosageInstruction?.[0]?.text);
    expect(all.find((m: { id: string }) => m.id === sent!.id).dosage[0]).toMatchObject({ text: sent!.dosageInstruction![0]!.text, asNeeded: sent!.dosageInstruction![0]!.asNeededBoolean === true });
  }, 120_000);
});
