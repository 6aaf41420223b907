import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startMailbox } from '../apps/server/src/test/mailbox.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** Folder where the test SMTP server drops every email the portal sends (see mailbox.ts). */
    mailDir: string;
  }
}

const root = resolve(import.meta.dirname, '..');

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

/**
 * Starts the real portal the way a clinic would (node apps/server/src/main.ts) on a fresh
 * embedded database in demo mode, serving the built web app, and waits for /readyz.
 */
export default async function setup(project: TestProject) {
  const dataDir = mkdtempSync(join(tmpdir(), 'ourchart-e2e-'));
  const port = await freePort();
  // localhost, not 127.0.0.1: WebAuthn needs a host name as relying party id, and treats localhost as secure.
  const baseUrl = `http://localhost:${port}`;
  const mailDir = join(dataDir, 'mail-received');
  const mailbox = await startMailbox(mailDir);
  const server: ChildProcess = spawn(process.execPath, [join(root, 'apps/server/src/main.ts')], {
    cwd: root,
    env: {
      ...process.env, DATA_DIR: join(dataDir, 'db'), PORT: String(port), HOST: 'localhost', LOG_LEVEL: 'warn', DATABASE_URL: '',
      PUBLIC_URL: baseUrl, SMTP_URL: `smtp://127.0.0.1:${mailbox.port}`,
      // Every browser in the suite signs in from 127.0.0.1: give that one address room, as for a clinic kiosk.
      RATE_LIMIT_SCALE: '20',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`the portal exited with code ${server.exitCode} before it was ready`);
    const ok = await fetch(`${baseUrl}/readyz`).then((r) => r.ok, () => false);
    if (ok) break;
    if (Date.now() > deadline) throw new Error('the portal did not become ready within 120 s');
    await new Promise((r) => setTimeout(r, 250));
  }
  project.provide('baseUrl', baseUrl);
  project.provide('mailDir', mailDir);
  return async () => {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    await mailbox.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
