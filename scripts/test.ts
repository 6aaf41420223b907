/**
 * The one test command (`npm test`): finds Chromium, builds the web app, runs every test project
 * (server unit + integration, web, end-to-end in Chromium) with Vitest, and ends with one line
 * "N passed, N failed".
 *   npm test                  everything
 *   npm test -- --only e2e    one project (server, web or e2e)
 * Integration tests also run against PostgreSQL when TEST_DATABASE_URL is set.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const onlyIndex = args.indexOf('--only');
const only = onlyIndex >= 0 ? args[onlyIndex + 1] : undefined;

function run(cmd: string, cmdArgs: string[], env: NodeJS.ProcessEnv = process.env): number {
  const r = spawnSync(cmd, cmdArgs, { cwd: root, stdio: 'inherit', env });
  return r.status ?? 1;
}

function findChromium(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[];
  const found = candidates.find((p) => existsSync(p));
  if (found) return found;
  const isRoot = process.getuid?.() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    console.log('Chromium not found: installing Debian\'s chromium with apt-get ...');
    if (run('apt-get', ['update', '-qq']) === 0 && run('apt-get', ['install', '-y', '-qq', 'chromium']) === 0 && existsSync('/usr/bin/chromium')) {
      return '/usr/bin/chromium';
    }
  }
  return undefined;
}

const needsBrowser = !only || only === 'e2e';
const chromium = needsBrowser ? findChromium() : undefined;
if (needsBrowser && !chromium) {
  console.error('Chromium is needed for the end-to-end tests: run "sudo apt-get install -y chromium" or set CHROMIUM_PATH to a Chromium binary.');
  process.exit(1);
}

if (needsBrowser) {
  const built = run('npm', ['run', 'build:web', '--silent']);
  if (built !== 0) {
    console.error('The web app did not build.');
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
}

const outDir = join(root, '.tmp');
mkdirSync(outDir, { recursive: true });
const report = join(outDir, 'vitest-report.json');
rmSync(report, { force: true });
const vitest = join(root, 'node_modules', 'vitest', 'vitest.mjs');
const code = run(
  process.execPath,
  [vitest, 'run', ...(only ? ['--project', only] : []), '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
  { ...process.env, ...(chromium ? { CHROMIUM_PATH: chromium } : {}) },
);

let passed = 0;
let failed = 0;
let skipped = 0;
if (existsSync(report)) {
  const r = JSON.parse(readFileSync(report, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number; testResults: { status: string }[] };
  passed = r.numPassedTests;
  failed = r.numFailedTests + r.testResults.filter((t) => t.status === 'failed' && (t as { assertionResults?: unknown[] }).assertionResults?.length === 0).length;
  skipped = r.numPendingTests + r.numTodoTests;
}
if (code !== 0 && failed === 0) failed = 1; // a suite that crashed before its tests ran still fails the run
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(code !== 0 || failed > 0 ? 1 : 0);
