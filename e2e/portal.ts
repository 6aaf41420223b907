import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');

/** A TCP port that was free on 127.0.0.1 a moment ago (the OS picks it). */
function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => res(port));
    });
    s.on('error', rej);
  });
}

type PortalOptions = {
  /** DATA_DIR: the embedded database (and everything else the portal keeps on disk). */
  dataDir: string;
  /** SMTP_URL; '' for none (the demo outbox keeps the mail). */
  smtpUrl: string;
  /** What the portal writes to stdout: shown, or dropped. */
  stdout: 'inherit' | 'ignore';
  /** How long to wait for /readyz, and what to call the portal in errors. */
  readyWithinMs: number;
  name: string;
};

/**
 * Starts the real portal the way a clinic would (node apps/server/src/main.ts) on a free port, in
 * demo mode on the embedded database, and waits for /readyz. `stop` ends it and waits for the exit.
 */
export async function startPortal({ dataDir, smtpUrl, stdout, readyWithinMs, name }: PortalOptions): Promise<{ url: string; stop: () => Promise<void> }> {
  const port = await freePort();
  // localhost, not 127.0.0.1: WebAuthn needs a host name as relying party id, and treats localhost as secure.
  const url = `http://localhost:${port}`;
  const server: ChildProcess = spawn(process.execPath, [join(root, 'apps/server/src/main.ts')], {
    cwd: root,
    env: {
      ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: 'localhost', LOG_LEVEL: 'warn', DATABASE_URL: '',
      PUBLIC_URL: url, SMTP_URL: smtpUrl,
      // Every browser in the suite signs in from 127.0.0.1: give that one address room, as for a clinic kiosk.
      RATE_LIMIT_SCALE: '20',
    },
    stdio: ['ignore', stdout, 'inherit'],
  });
  const deadline = Date.now() + readyWithinMs;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`${name} exited with code ${server.exitCode} before it was ready`);
    if (await fetch(`${url}/readyz`).then((r) => r.ok, () => false)) break;
    if (Date.now() > deadline) throw new Error(`${name} did not become ready within ${readyWithinMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    stop: async () => {
      server.kill('SIGTERM');
      await new Promise((r) => server.once('exit', r));
    },
  };
}
