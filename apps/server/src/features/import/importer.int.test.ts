import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers, type TestDb } from '../../test/databases.ts';
import { buildObservation, buildPatient } from '../../test/factories.ts';
import { FhirStore } from '../../platform/fhir-store/store.ts';
import { importFiles } from './importer.ts';

const FIXTURES = resolve(import.meta.dirname, '../../../../../../shared/fixtures/fhir');

describe.each(testDrivers)('importer on $name', (driver) => {
  let t: TestDb;
  let store: FhirStore;
  beforeAll(async () => {
    t = await driver.open();
    store = new FhirStore(t.db);
  });
  afterAll(() => t?.dispose());

  it('imports every fixture file without error, and a second import creates nothing', async () => {
    const progress: number[] = [];
    const first = await importFiles(store, [FIXTURES], (p) => progress.push(p.resources));
    expect(first.filter((r) => r.error)).toEqual([]);
    expect(first.length).toBe(20);
    const resources = first.reduce((n, r) => n + r.resources, 0);
    expect(resources).toBeGreaterThan(4000);
    expect(first.reduce((n, r) => n + r.created, 0)).toBeGreaterThan(4000);
    expect(progress.at(-1)).toBe(resources);

    const [{ n: before }] = (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM resource_history')) as [{ n: number }];
    const second = await importFiles(store, [FIXTURES]);
    expect(second.filter((r) => r.error)).toEqual([]);
    expect(second.reduce((n, r) => n + r.created + r.updated, 0)).toBe(0);
    const [{ n: after }] = (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM resource_history')) as [{ n: number }];
    expect(after).toBe(before);

    // The real-world oddity in the US Core data is repaired and reported, not silently kept or dropped.
    const warned = first.flatMap((r) => r.warnings);
    expect(warned.some((w) => /effective\[x\]\.stop/.test(w))).toBe(true);
    const patients = await store.search('Patient', [['_count', '100']]);
    expect(patients.total).toBeGreaterThanOrEqual(19);
  }, 180_000);

  it('reports a bad file by file, entry, type and problem, imports nothing from it, and goes on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ourchart-import-'));
    mkdirSync(join(dir, 'sub'));
    const good = buildPatient();
    const half = buildPatient();
    writeFileSync(join(dir, 'a-good.json'), JSON.stringify({ resourceType: 'Bundle', type: 'collection', entry: [{ resource: good }] }));
    writeFileSync(
      join(dir, 'b-bad.json'),
      JSON.stringify({
        resourceType: 'Bundle',
        type: 'transaction',
        entry: [
          { resource: half, request: { method: 'PUT', url: `Patient/${half.id}` } },
          { resource: { ...buildObservation(half.id!), valueQuantity: { value: 'lots' } }, request: { method: 'POST', url: 'Observation' } },
        ],
      }),
    );
    writeFileSync(join(dir, 'sub', 'c.ndjson'), [buildObservation(good.id!), buildObservation(good.id!)].map((o) => JSON.stringify(o)).join('\n') + '\n');
    writeFileSync(join(dir, 'd-not-json.json'), '{ "resourceType": "Bundle", ');

    const results = await importFiles(store, [dir]);
    const byName = Object.fromEntries(results.map((r) => [r.file.slice(dir.length + 1), r]));
    expect(byName['a-good.json']?.error).toBeUndefined();
    expect(byName['b-bad.json']?.error).toMatch(/Entry 1 \(Observation\).*Observation\.value/);
    expect(byName['d-not-json.json']?.error).toMatch(/not valid JSON/);
    expect(byName['sub/c.ndjson']).toMatchObject({ resources: 2, created: 2 });
    expect(await store.readRow('Patient', half.id!)).toBeUndefined();
    expect((await store.read('Patient', good.id!)).id).toBe(good.id);
  });
});
