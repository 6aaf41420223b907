import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startMailbox } from '../apps/server/src/test/mailbox.ts';
import { startPortal } from './portal.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** Folder where the test SMTP server drops every email the portal sends (see mailbox.ts). */
    mailDir: string;
  }
}

/**
 * Starts the real portal the way a clinic would (node apps/server/src/main.ts) on a fresh
 * embedded database in demo mode, serving the built web app, and waits for /readyz.
 */
export default async function setup(project: TestProject) {
  const dataDir = mkdtempSync(join(tmpdir(), 'ourchart-e2e-'));
  const mailDir = join(dataDir, 'mail-received');
  const mailbox = await startMailbox(mailDir);
  const portal = await startPortal({
    dataDir: join(dataDir, 'db'), smtpUrl: `smtp://127.0.0.1:${mailbox.port}`, stdout: 'inherit', readyWithinMs: 120_000, name: 'the portal',
  });
  const baseUrl = portal.url;
  project.provide('baseUrl', baseUrl);
  project.provide('mailDir', mailDir);
  return async () => {
    await portal.stop();
    await mailbox.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
