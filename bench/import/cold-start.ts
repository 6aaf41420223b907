import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Starts the portal, returns ms from spawn until /readyz answers 200, then stops it. */
async function startOnce(dataDir: string, port: number): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, [join(root, 'apps/server/src/main.ts')], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', DATABASE_URL: '' },
    stdio: 'ignore',
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
      if (await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.ok, () => false)) return Math.round(performance.now() - started);
      if (performance.now() - started > 120_000) throw new Error('server not ready in 120 s');
      await new Promise((r) => setTimeout(r, 20));
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

/**
 * Cold start on an existing data dir: a first start creates and seeds it (not counted),
 * then `runs` timed starts. Baseline: a bare `node -e 0` process on the same Node binary.
 */
export async function coldStart(runs: number) {
  const dataDir = mkdtempSync(join(tmpdir(), 'ourchart-bench-'));
  const port = 3900 + Math.floor(Math.random() * 90);
  try {
    await startOnce(dataDir, port);
    const times: number[] = [];
    for (let i = 0; i < runs; i++) times.push(await startOnce(dataDir, port));
    const baseline: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      spawnSync(process.execPath, ['-e', '0']);
      baseline.push(Math.round(performance.now() - t));
    }
    return { runs: times, medianMs: median(times), baselineRuns: baseline, baselineMedianMs: median(baseline) };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
