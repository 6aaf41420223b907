import { SingleBar } from 'cli-progress';
import { loadConfig, ConfigError } from './config.ts';
import { createContext } from './context.ts';
import { verifyAuditTrail } from './features/audit/audit-verify.ts';
import { rotateKeys } from './platform/crypto/rotate.ts';
import { importFiles } from './features/import/importer.ts';
import { seedDemoIfEmpty } from './seed-demo.ts';

const USAGE = `Usage:
  npm run import -- <file-or-folder> [...]   Import FHIR R4 bundles (.json) and NDJSON (.ndjson)
  npm run seed                               Seed the demo clinic if the database is empty
  npm run audit:verify                       Check the audit trail's hash chain; exit code 1 if it was altered
  npm run keys:rotate                        Re-encrypt sensitive data with the active key (ENCRYPTION_KEY_ID)

The database is the one the server uses: DATABASE_URL, else PGlite under DATA_DIR (default ./data).`;

async function main(argv: string[]) {
  const [command, ...args] = argv;
  if (command !== 'import' && command !== 'seed' && command !== 'audit-verify' && command !== 'rotate-keys') {
    console.error(USAGE);
    return 2;
  }
  if (command === 'import' && args.length === 0) {
    console.error(`Name at least one file or folder to import.\n\n${USAGE}`);
    return 2;
  }
  const config = loadConfig();
  const ctx = await createContext(config);
  try {
    if (command === 'rotate-keys') {
      const report = await rotateKeys(ctx.db, ctx.keyring);
      for (const r of report) console.log(`${r.column}: ${r.reencrypted} value(s) re-encrypted with key "${ctx.keyring.activeKeyId}"`);
      console.log('Done. Keys no longer used by any value can now be removed from ENCRYPTION_KEYS.');
      return 0;
    }
    if (command === 'audit-verify') {
      const { exitCode, message } = await verifyAuditTrail(ctx.audit);
      (exitCode === 0 ? console.log : console.error)(message);
      return exitCode;
    }
    if (command === 'seed') {
      await seedDemoIfEmpty(ctx, { info: (obj: unknown, msg?: string) => console.log(msg ?? '', JSON.stringify(obj)) });
      return 0;
    }
    return await runImport(ctx, args);
  } finally {
    await ctx.db.close();
  }
}

async function runImport(ctx: Awaited<ReturnType<typeof createContext>>, paths: string[]): Promise<number> {
  const started = performance.now();
  const bar = new SingleBar({
    format: 'Importing [{bar}] {percentage}% | {resources} resources | {rate} resources/s | {file}',
    noTTYOutput: true,
    notTTYSchedule: 2000,
    hideCursor: true,
  });
  bar.start(1, 0, { resources: 0, rate: 0, file: '' });
  const results = await importFiles(ctx.store, paths, (p) => {
    const secs = (performance.now() - started) / 1000;
    bar.setTotal(p.bytesTotal);
    bar.update(p.bytesDone, { resources: p.resources, rate: Math.round(p.resources / Math.max(secs, 0.001)), file: p.file });
  });
  bar.stop();
  const secs = (performance.now() - started) / 1000;
  const ok = results.filter((r) => !r.error);
  const failed = results.filter((r) => r.error);
  const sum = (k: 'resources' | 'created' | 'updated' | 'unchanged') => ok.reduce((n, r) => n + r[k], 0);
  for (const r of ok) for (const w of r.warnings) console.warn(`warning: ${r.file}: ${w}`);
  for (const r of failed) console.error(`error: ${r.file}: ${r.error}`);
  console.log(
    `Imported ${ok.length} of ${results.length} files: ${sum('resources')} resources ` +
      `(${sum('created')} new, ${sum('updated')} updated, ${sum('unchanged')} unchanged) in ${secs.toFixed(1)} s, ` +
      `${Math.round(sum('resources') / Math.max(secs, 0.001))} resources/s.` +
      (failed.length ? ` ${failed.length} file(s) failed and nothing from them was imported.` : ''),
  );
  return failed.length > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof ConfigError ? err.message : `Failed: ${err instanceof Error ? err.message : err}`);
    process.exit(err instanceof ConfigError ? 2 : 1);
  },
);
