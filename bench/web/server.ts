import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A running portal started by {@link startPortal}. */
export type Portal = {
  baseUrl: string;
  /** Stops the server and removes its data directory. Safe to call more than once. */
  stop: () => Promise<void>;
};

/** Asks the OS for a TCP port that is free on 127.0.0.1 right now. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolvePort(port));
    });
  });
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((done) => child.once('exit', done));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/**
 * Starts the real portal (`node apps/server/src/main.ts`) on a fresh embedded PGlite database
 * in demo mode, in a new temporary data directory, and waits up to 120 s for `GET /readyz` = 200.
 * On failure the server is stopped and the directory removed before the error is thrown.
 */
export async function startPortal(root: string): Promise<Portal> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ourchart-bench-web-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [join(root, 'apps/server/src/main.ts')], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', DATABASE_URL: '' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    await stopProcess(child);
    rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    const deadline = Date.now() + 120_000;
    let last = 'no answer yet';
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the portal exited with code ${child.exitCode} before it was ready`);
      last = await fetch(`${baseUrl}/readyz`, { signal: AbortSignal.timeout(5_000) }).then(
        (r) => `HTTP ${r.status}`,
        (error: unknown) => String((error as { cause?: unknown }).cause ?? error),
      );
      if (last === 'HTTP 200') break;
      if (Date.now() > deadline) throw new Error(`the portal did not become ready within 120 s (last /readyz: ${last})`);
      await new Promise((r) => setTimeout(r, 250));
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, stop };
}

/**
 * Signs in through the API the way the web app does (JSON body plus the CSRF header) and
 * returns the session cookie as a `Cookie` header value, e.g. `oc_session=...`.
 */
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-ourchart-csrf': '1' },
    body: JSON.stringify({ email, password }),
    signal: AbortSignal.timeout(30_000),
  });
  if (!response.ok) throw new Error(`sign-in as ${email} failed: HTTP ${response.status} ${await response.text()}`);
  const session = response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0] ?? '')
    .find((pair) => pair.startsWith('oc_session='));
  if (!session || session === 'oc_session=') throw new Error('sign-in succeeded but set no oc_session cookie');
  return session;
}
