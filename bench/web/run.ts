/**
 * Front-end benchmark: builds the web app, reports each page's gzip JS/CSS against the budget
 * and the Foo Medical anchor, then runs Lighthouse (mobile, performance + accessibility) on the
 * real portal for the sign-in page and the signed-in home page. Run with `npm run bench:web`.
 * Misses are reported, not fatal; the exit code is non-zero only when something crashes.
 */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { pageWeights, type PageName } from '../../apps/web/scripts/page-weights.ts';
import { auditPage, type PageAudit } from './lighthouse.ts';
import { auditLines, tableLines, weightLines, type PageRow } from './report.ts';
import { signIn, startPortal, type Portal } from './server.ts';

const root = resolve(import.meta.dirname, '..', '..');
const patient = { email: 'patient@ourchart.example', password: 'demo-password-2026' };
const paths: Record<PageName, string> = { 'sign-in': '/sign-in', home: '/' };

const seconds = (since: number): string => `${((performance.now() - since) / 1000).toFixed(1)} s`;

/** Builds apps/web/dist with `npm run build:web`; throws if the build fails. */
export function buildWeb(): void {
  const build = spawnSync('npm', ['run', 'build:web'], { cwd: root, stdio: 'inherit' });
  if (build.error) throw build.error;
  if (build.status !== 0) throw new Error(`npm run build:web exited with ${build.status ?? build.signal}`);
}

/** Runs one Lighthouse audit, turning a failure into a reported Error instead of a crash. */
async function tryAudit(page: PageName, url: string, headers?: Record<string, string>): Promise<PageAudit | Error> {
  const since = performance.now();
  console.log(`Lighthouse: ${page} (${url}) ...`);
  try {
    const audit = await auditPage(url, headers);
    console.log(`Lighthouse: ${page} done in ${seconds(since)}`);
    return audit;
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

/** The whole benchmark; resolves to the process exit code. */
export async function main(): Promise<number> {
  const started = performance.now();
  console.log('== Building the web app (npm run build:web)');
  buildWeb();

  console.log('\n== Page weight');
  const weights = pageWeights(join(root, 'apps/web/dist'));
  for (const line of weightLines(weights)) console.log(line);

  console.log('\n== Lighthouse on the real portal (embedded PGlite, demo clinic)');
  const audits: Partial<Record<PageName, PageAudit | Error>> = {};
  let portal: Portal | undefined;
  try {
    const since = performance.now();
    portal = await startPortal(root);
    console.log(`Portal ready at ${portal.baseUrl} in ${seconds(since)}`);
    audits['sign-in'] = await tryAudit('sign-in', portal.baseUrl + paths['sign-in']);
    // Sign in right before the home run: sessions expire after 15 idle minutes.
    const cookie = await signIn(portal.baseUrl, patient.email, patient.password);
    audits.home = await tryAudit('home', portal.baseUrl + paths.home, { Cookie: cookie });
  } finally {
    await portal?.stop();
  }

  const rows: PageRow[] = weights.map((weight) => ({
    page: weight.page,
    weight,
    audit: audits[weight.page] ?? new Error('not run'),
  }));
  console.log('\nLighthouse results (mobile form factor; signed in as patient@ourchart.example for home):');
  for (const row of rows) for (const line of auditLines(row, portal!.baseUrl + paths[row.page])) console.log(line);

  console.log('');
  for (const line of tableLines(rows)) console.log(line);
  console.log(`\nTotal time ${seconds(started)}`);
  return rows.some((row) => row.audit instanceof Error) ? 1 : 0;
}

if (import.meta.main) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error('bench:web crashed:', error);
      process.exitCode = 1;
    },
  );
}
