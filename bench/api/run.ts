/**
 * API benchmark (`npm run bench:api`). Imports every fixture bundle into a fresh PostgreSQL
 * database, signs in as the fixture patient with the largest history, and loads the portal's
 * health summary and test results endpoints with autocannon, through the whole real stack
 * (session check, CSRF and security headers, PatientAccess with its audit writes, FHIR search,
 * response schemas). Side by side, in the same run and process: a bare Fastify route returning
 * a small JSON document (the floor of this machine and HTTP stack), and the portal's own /healthz
 * (the portal's hooks without a database). The FHIR API rows use a real SMART access token.
 *
 * BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres) must allow CREATE DATABASE.
 * BENCH_SECONDS (default 10) and BENCH_CONNECTIONS (default 10) tune each run.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { buildApp } from '../../apps/server/src/app.ts';
import { loadConfig } from '../../apps/server/src/config.ts';
import type { AppContext } from '../../apps/server/src/context.ts';
import { importFiles } from '../../apps/server/src/features/import/importer.ts';
import { AuditLog } from '../../apps/server/src/platform/audit/audit-log.ts';
import { hashPassword } from '../../apps/server/src/platform/auth/passwords.ts';
import { upsertUser } from '../../apps/server/src/platform/auth/users.ts';
import { keyringFrom } from '../../apps/server/src/platform/crypto/keyring.ts';
import { openDb } from '../../apps/server/src/platform/db/db.ts';
import { migrate } from '../../apps/server/src/platform/db/migrate.ts';
import { loadFhirDefinitions } from '../../apps/server/src/platform/fhir-store/definitions.ts';
import { FhirStore } from '../../apps/server/src/platform/fhir-store/store.ts';
import { createMailer } from '../../apps/server/src/platform/mail/mailer.ts';
import { issueTestAccessToken } from '../../apps/server/src/features/smart/test-tokens.ts';
import { withScratchDatabase } from '../import/scratch-db.ts';

const FIXTURES = resolve(import.meta.dirname, '../../../shared/fixtures/fhir');
const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const duration = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);

type Row = { what: string; rps: number; p50: number; p99: number; bytes: number; non2xx: number };

async function load(what: string, url: string, headers: Record<string, string> = {}): Promise<Row> {
  // A short warm-up so JIT and caches do not count against the first route measured.
  await autocannon({ url, headers, connections, duration: 2 });
  const r = await autocannon({ url, headers, connections, duration });
  return { what, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, bytes: r.throughput.average / Math.max(r.requests.average, 1), non2xx: r.non2xx };
}

loadFhirDefinitions();
const rows: Row[] = [];

await withScratchDatabase(adminUrl, async (databaseUrl) => {
  const db = await openDb({ databaseUrl });
  await migrate(db);
  const config = { ...loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: databaseUrl, PUBLIC_URL: 'http://127.0.0.1', RATE_LIMIT_SCALE: '1000', FHIR_RATE_LIMIT_PER_MINUTE: '100000' }), webDist: null };
  const keyring = keyringFrom({ keys: config.encryptionKeys, activeKeyId: config.encryptionKeyId });
  const store = new FhirStore(db, keyring);
  const imported = await importFiles(store, [FIXTURES]);
  const failed = imported.filter((r) => r.error);
  if (failed.length) throw new Error(`import failed: ${failed.map((f) => `${f.file}: ${f.error}`).join('\n')}`);

  const [largest] = await db.query<{ patient_id: string; n: number }>(
    `SELECT patient_id, count(*)::int AS n FROM resources WHERE patient_id IS NOT NULL AND NOT deleted GROUP BY patient_id ORDER BY n DESC LIMIT 1`,
  );
  const [labs] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM resources WHERE patient_id = $1 AND resource_type IN ('Observation', 'DiagnosticReport') AND NOT deleted`,
    [largest!.patient_id],
  );
  console.log(`Patient with the largest history: ${largest!.n} resources, ${labs!.n} observations and reports.`);

  const email = 'bench-patient@example.test';
  const password = 'bench password for the api run';
  const userId = await upsertUser(db, { email, role: 'patient', displayName: 'Bench Patient', patientId: largest!.patient_id, practitionerId: null, passwordHash: await hashPassword(password) });
  const ctx: AppContext = { config, db, store, audit: new AuditLog(db), keyring, mailer: createMailer({ smtpUrl: undefined, from: config.mailFrom, dataDir: mkdtempSync(join(tmpdir(), 'ourchart-bench-mail-')) }) };
  const app = await buildApp(ctx);
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const signIn = await fetch(`${base}/api/auth/sign-in`, {
    method: 'POST', headers: { 'content-type': 'application/json', 'x-ourchart-csrf': '1' }, body: JSON.stringify({ email, password }),
  });
  const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0]!;
  if (!signIn.ok || !cookie.startsWith('oc_session=')) throw new Error(`sign-in failed: ${signIn.status} ${await signIn.text()}`);
  const headers = { cookie };
  // The FHIR API (issue 9) as a SMART app sees it: a real access token minted by the same provider.
  const token = await issueTestAccessToken(ctx, { userId, patientId: largest!.patient_id, scope: 'launch/patient patient/*.rs' });
  const bearer = { authorization: `Bearer ${token}` };
  const fhir = `${base}/fhir/R4`;

  const bare = Fastify();
  const sample = { status: 'ok', items: Array.from({ length: 20 }, (_, i) => ({ id: `item-${i}`, name: 'Hemoglobin A1c', value: 5.4 + i / 10 })) };
  bare.get('/bare', async () => sample);
  const bareBase = await bare.listen({ port: 0, host: '127.0.0.1' });

  rows.push(await load('Baseline: bare Fastify route (static JSON)', `${bareBase}/bare`));
  rows.push(await load('Portal /healthz (all hooks, no database)', `${base}/healthz`));
  rows.push(await load('GET /api/records/summary (signed in)', `${base}/api/records/summary`, headers));
  rows.push(await load('GET /api/records/results (signed in)', `${base}/api/records/results`, headers));
  rows.push(await load('GET /api/records/results?q=glucose', `${base}/api/records/results?q=glucose`, headers));
  rows.push(await load('FHIR GET metadata (no token)', `${fhir}/metadata`));
  rows.push(await load('FHIR GET Patient/:id (bearer token)', `${fhir}/Patient/${largest!.patient_id}`, bearer));
  rows.push(await load('FHIR Observation?category=laboratory (20/page)', `${fhir}/Observation?patient=${largest!.patient_id}&category=laboratory`, bearer));

  await bare.close();
  await app.close();
  await db.close();
});

console.log(`\nAPI throughput on PostgreSQL (${connections} connections, ${duration} s per route, after a 2 s warm-up)`);
console.log(`${'route'.padEnd(46)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'KB/resp'.padStart(8)} ${'non-2xx'.padStart(8)}`);
for (const r of rows) {
  console.log(`${r.what.padEnd(46)} ${r.rps.toFixed(0).padStart(8)} ${String(r.p50).padStart(7)} ${String(r.p99).padStart(7)} ${(r.bytes / 1024).toFixed(1).padStart(8)} ${String(r.non2xx).padStart(8)}`);
}
const baseline = rows[0]!;
for (const r of rows.slice(2)) console.log(`${r.what}: ${(r.rps / baseline.rps * 100).toFixed(1)}% of the bare route's requests/s.`);
if (rows.some((r) => r.non2xx > 0)) {
  console.error('Some requests did not answer 2xx: the figures above are not valid.');
  process.exitCode = 1;
}
