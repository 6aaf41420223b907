import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bundle, Observation, Patient } from '@medplum/fhirtypes';
import { testDrivers, type TestDb } from '../../test/databases.ts';
import { buildCondition, buildObservation, buildPatient } from '../../test/factories.ts';
import { AppError } from '../http/errors.ts';
import { FhirStore } from './store.ts';

describe.each(testDrivers)('FHIR store on $name', (driver) => {
  let t: TestDb;
  let store: FhirStore;
  beforeAll(async () => {
    t = await driver.open();
    store = new FhirStore(t.db);
  });
  afterAll(() => t?.dispose());

  it('creates, reads, updates with history, and soft-deletes', async () => {
    const created = await store.create(buildPatient());
    expect(created.meta?.versionId).toBe('1');
    const read = await store.read('Patient', created.id!);
    expect((read as Patient).name?.[0]?.given).toEqual(['Ana']);

    const updated = await store.update({ ...(read as Patient), gender: 'other' });
    expect(updated.meta?.versionId).toBe('2');
    const same = await store.update({ ...updated });
    expect(same.meta?.versionId).toBe('2'); // identical content: no new version

    const history = await store.history('Patient', created.id!);
    expect(history.map((h) => h.versionId)).toEqual([2, 1]);
    expect(((await store.vread('Patient', created.id!, 1)) as Patient).gender).toBe('female');

    await store.delete('Patient', created.id!);
    await expect(store.read('Patient', created.id!)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await store.search('Patient', [['_id', created.id!]])).total).toBe(0);
    expect((await store.history('Patient', created.id!))[0]).toMatchObject({ versionId: 3, deleted: true });
  });

  it('rejects an update whose If-Match version is stale', async () => {
    const p = await store.create(buildPatient());
    await store.update({ ...p, gender: 'male' }, { ifMatch: 1 });
    await expect(store.update({ ...p, gender: 'unknown' }, { ifMatch: 1 })).rejects.toMatchObject({ code: 'VERSION_CONFLICT' });
  });

  it('validates resources and names the path of what is wrong', async () => {
    const bad = { ...buildObservation('x'), status: undefined, valueQuantity: { value: 'high' } } as unknown as Observation;
    const err = await store.create(bad).catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err.code).toBe('INVALID_RESOURCE');
    const paths = (err as AppError).errors!.map((e) => e.path);
    expect(paths).toContain('Observation.status');
    expect(paths.some((p) => p.startsWith('Observation.value'))).toBe(true);
  });

  it('searches by patient, code, category, date, status and string, with sort and paging', async () => {
    const patient = await store.create(buildPatient({ name: [{ family: 'Muñoz', given: ['José'] }] }));
    const other = await store.create(buildPatient());
    const dates = ['2021-01-10T10:00:00Z', '2022-06-01T10:00:00Z', '2023-03-15T10:00:00Z', '2024-11-30T10:00:00Z'];
    for (const d of dates) await store.create(buildObservation(patient.id!, { effectiveDateTime: d }));
    await store.create(buildObservation(patient.id!, { status: 'preliminary', code: { coding: [{ system: 'http://loinc.org', code: '2345-7' }] } }));
    await store.create(buildObservation(other.id!));
    await store.create(buildCondition(patient.id!));

    const byPatient = await store.search('Observation', [['patient', `Patient/${patient.id}`]]);
    expect(byPatient.total).toBe(5);
    const bySubjectId = await store.search('Observation', [['subject', patient.id!], ['code', 'http://loinc.org|4548-4']]);
    expect(bySubjectId.total).toBe(4);
    const byCategory = await store.search('Observation', [['subject', `Patient/${patient.id}`], ['category', 'laboratory'], ['status', 'preliminary']]);
    expect(byCategory.total).toBe(1);
    const since2022 = await store.search('Observation', [['patient', patient.id!], ['date', 'ge2022-01-01'], ['date', 'lt2024']]);
    expect(since2022.total).toBe(2);
    const inYear = await store.search('Observation', [['patient', patient.id!], ['date', '2023']]);
    expect(inYear.resources.map((o) => (o as Observation).effectiveDateTime)).toEqual(['2023-03-15T10:00:00Z']);

    const newestFirst = await store.search('Observation', [['patient', patient.id!], ['code', '4548-4'], ['_sort', '-date'], ['_count', '2']]);
    expect(newestFirst.total).toBe(4);
    expect(newestFirst.resources.map((o) => (o as Observation).effectiveDateTime)).toEqual([dates[3], dates[2]]);
    const page2 = await store.search('Observation', [['patient', patient.id!], ['code', '4548-4'], ['_sort', '-date'], ['_count', '2'], ['_offset', '2']]);
    expect(page2.resources.map((o) => (o as Observation).effectiveDateTime)).toEqual([dates[1], dates[0]]);

    expect((await store.search('Patient', [['name', 'jose'], ['family', 'munoz']])).resources.map((p) => p.id)).toEqual([patient.id]);
    expect((await store.search('Patient', [['name:exact', 'jos']])).total).toBe(0);
    expect((await store.search('Observation', [['patient', patient.id!], ['status:not', 'final']])).total).toBe(1);
    expect((await store.search('Observation', [['_lastUpdated', `ge${new Date(Date.now() - 60_000).toISOString()}`], ['patient', patient.id!]])).total).toBe(5);
    expect((await store.search('Observation', [['patient', patient.id!]], { patientId: other.id! })).total).toBe(0);
  });

  it('answers an unsupported search with a clear error', async () => {
    await expect(store.search('Observation', [['favourite-colour', 'blue']])).rejects.toThrow(/not supported/);
    await expect(store.search('Observation', [['date', 'yesterday']])).rejects.toThrow(/not a date/);
    await expect(store.search('Observation', [['_count', '-1']])).rejects.toThrow(/_count must be/);
  });

  it('puts each resource in its patient compartment', async () => {
    const p = await store.create(buildPatient());
    const obs = await store.create(buildObservation(p.id!));
    expect((await store.readRow('Observation', obs.id!))?.patientId).toBe(p.id);
    expect((await store.readRow('Patient', p.id!))?.patientId).toBe(p.id);
  });

  it('resolves urn:uuid references in a transaction and is all-or-nothing', async () => {
    const pu = 'urn:uuid:0b6f2a4e-3c1d-4e5f-8a9b-0c1d2e3f4a5b';
    const ou = 'urn:uuid:1c7f3b5e-4d2e-4f60-9bac-1d2e3f4a5b6c';
    const bundle: Bundle = {
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [
        { fullUrl: pu, resource: buildPatient({ id: undefined }), request: { method: 'POST', url: 'Patient' } },
        { fullUrl: ou, resource: buildObservation('ignored', { id: undefined, subject: { reference: pu } }), request: { method: 'POST', url: 'Observation' } },
      ],
    };
    const { bundle: response } = await store.bundle(bundle, { postIds: 'fullUrl' });
    expect(response.entry?.map((e) => e.response?.status)).toEqual(['201 Created', '201 Created']);
    const obs = (await store.read('Observation', ou.slice(9))) as Observation;
    expect(obs.subject?.reference).toBe(`Patient/${pu.slice(9)}`);

    const broken: Bundle = {
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [
        { resource: buildPatient({ id: 'all-or-nothing-1' }), request: { method: 'PUT', url: 'Patient/all-or-nothing-1' } },
        { resource: { ...buildObservation('all-or-nothing-1'), code: undefined } as unknown as Observation, request: { method: 'POST', url: 'Observation' } },
      ],
    };
    await expect(store.bundle(broken)).rejects.toThrow(/Entry 1 \(Observation\)/);
    expect(await store.readRow('Patient', 'all-or-nothing-1')).toBeUndefined();
  });

  it('rejects a reference to an entry the bundle does not contain', async () => {
    const bundle: Bundle = {
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [{ resource: buildObservation('x', { subject: { reference: 'urn:uuid:9d1e2f3a-0000-4000-8000-000000000000' } }), request: { method: 'POST', url: 'Observation' } }],
    };
    await expect(store.bundle(bundle)).rejects.toThrow(/points to no entry/);
  });
});
