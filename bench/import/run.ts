/**
 * Import benchmark (`npm run bench:import`). Imports every fixture bundle into a fresh PostgreSQL
 * database through the real importer (validation, versioning, history, search indexes), and next
 * to it, in the same run and database, the physical limit of this machine: the same resources as
 * plain rows in a bare jsonb table, one INSERT per bundle. Then times a cold start of the portal
 * to /readyz on an existing embedded data directory, next to a bare `node` start.
 *
 * BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres) must allow CREATE DATABASE.
 */
import { resolve } from 'node:path';
import { importFiles, listImportFiles } from '../../apps/server/src/features/import/importer.ts';
import { loadFhirDefinitions } from '../../apps/server/src/platform/fhir-store/definitions.ts';
import { FhirStore } from '../../apps/server/src/platform/fhir-store/store.ts';
import { openDb } from '../../apps/server/src/platform/db/db.ts';
import { migrate } from '../../apps/server/src/platform/db/migrate.ts';
import { rawInsertBaseline } from './baseline.ts';
import { coldStart } from './cold-start.ts';
import { withScratchDatabase } from './scratch-db.ts';

const FIXTURES = resolve(import.meta.dirname, '../../../shared/fixtures/fhir');
const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const files = listImportFiles([FIXTURES]);
console.log(`Fixtures: ${files.length} files, ${(files.reduce((n, f) => n + f.size, 0) / 1e6).toFixed(1)} MB (${FIXTURES})`);
loadFhirDefinitions();

const rows: { what: string; resources: number; seconds: number }[] = [];

await withScratchDatabase(adminUrl, async (url) => {
  const db = await openDb({ databaseUrl: url });
  await migrate(db);
  const store = new FhirStore(db);
  let t = performance.now();
  const results = await importFiles(store, [FIXTURES]);
  const importSecs = (performance.now() - t) / 1000;
  const failed = results.filter((r) => r.error);
  if (failed.length) throw new Error(`import failed: ${failed.map((f) => `${f.file}: ${f.error}`).join('\n')}`);
  const resources = results.reduce((n, r) => n + r.resources, 0);
  rows.push({ what: 'OurChart importer, PostgreSQL (first import)', resources, seconds: importSecs });

  t = performance.now();
  await importFiles(store, [FIXTURES]);
  rows.push({ what: 'OurChart importer, PostgreSQL (re-import, no changes)', resources, seconds: (performance.now() - t) / 1000 });

  const baseline = await rawInsertBaseline(db, files.map((f) => f.path));
  rows.push({ what: 'Baseline: bare jsonb rows, one INSERT per bundle', resources: baseline.resources, seconds: baseline.seconds });
  await db.close();
});

const pglite = await openDb({ dataDir: 'memory://' });
await migrate(pglite);
let t = performance.now();
const pgliteResults = await importFiles(new FhirStore(pglite), [FIXTURES]);
rows.push({ what: 'OurChart importer, embedded PGlite', resources: pgliteResults.reduce((n, r) => n + r.resources, 0), seconds: (performance.now() - t) / 1000 });
const pgliteBaseline = await rawInsertBaseline(pglite, files.map((f) => f.path));
rows.push({ what: 'Baseline on PGlite: bare jsonb rows', resources: pgliteBaseline.resources, seconds: pgliteBaseline.seconds });
await pglite.close();

const rate = (r: { resources: number; seconds: number }) => r.resources / r.seconds;
console.log('\nImport throughput');
console.log(`${'what'.padEnd(56)} ${'resources'.padStart(9)} ${'seconds'.padStart(8)} ${'res/s'.padStart(8)}`);
for (const r of rows) console.log(`${r.what.padEnd(56)} ${String(r.resources).padStart(9)} ${r.seconds.toFixed(2).padStart(8)} ${Math.round(rate(r)).toString().padStart(8)}`);
const ours = rows[0]!;
const base = rows[2]!;
console.log(`\nRatio on PostgreSQL: the importer runs at ${(rate(ours) / rate(base) * 100).toFixed(1)}% of the bare-insert limit (${(rate(base) / rate(ours)).toFixed(1)}x slower),`);
console.log('paying for R4 validation, urn:uuid resolution, versioning + history, compartment and 5 search index tables.');
console.log(`Ratio on PGlite: ${(rate(rows[3]!) / rate(rows[4]!) * 100).toFixed(1)}% of its bare-insert limit.`);

t = performance.now();
const start = await coldStart(3);
console.log(`\nCold start to /readyz on an existing embedded data dir (median of ${start.runs.length}): ${start.medianMs} ms  [runs: ${start.runs.join(', ')} ms]`);
console.log(`Baseline: bare "node -e 0" start (median of ${start.baselineRuns.length}): ${start.baselineMedianMs} ms`);
