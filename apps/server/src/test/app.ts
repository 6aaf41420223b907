import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { keyringFrom } from '../platform/crypto/keyring.ts';
import { createMailer } from '../platform/mail/mailer.ts';
import { startMailWorker } from '../platform/mail/outbox.ts';
import { startMailbox } from './mailbox.ts';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import type { AppContext } from '../context.ts';
import { AuditLog } from '../platform/audit/audit-log.ts';
import { hashPassword } from '../platform/auth/passwords.ts';
import { grantProxy, upsertUser } from '../platform/auth/users.ts';
import { loadFhirDefinitions } from '../platform/fhir-store/definitions.ts';
import { FhirStore } from '../platform/fhir-store/store.ts';
import type { TestDriver, TestDb } from './databases.ts';
import { buildPatient } from './factories.ts';

export type TestApp = {
  app: FastifyInstance;
  ctx: AppContext;
  t: TestDb;
  /** Where the real SMTP server this app sends to drops each email (read with readMail). */
  mailDir: string;
  close: () => Promise<void>;
};

/**
 * A real app (real routes, real database, real SMTP peer and mail worker) for app.inject tests.
 * No web build, no demo seed.
 */
export async function createTestApp(driver: TestDriver, env: Record<string, string> = {}): Promise<TestApp> {
  const t = await driver.open();
  loadFhirDefinitions();
  const mailDir = mkdtempSync(join(tmpdir(), 'ourchart-mail-'));
  const mailbox = await startMailbox(mailDir);
  const config = { ...loadConfig({ LOG_LEVEL: 'silent', SMTP_URL: `smtp://127.0.0.1:${mailbox.port}`, PUBLIC_URL: 'http://localhost:3000', ...env }), webDist: null };
  const keyring = keyringFrom({ keys: config.encryptionKeys, activeKeyId: config.encryptionKeyId });
  const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, dataDir: mailDir });
  const ctx: AppContext = { config, db: t.db, store: new FhirStore(t.db, keyring), audit: new AuditLog(t.db), keyring, mailer };
  const app = await buildApp(ctx);
  const stopMail = startMailWorker(t.db, keyring, mailer, app.log, 200);
  return {
    app, ctx, t, mailDir,
    close: async () => {
      await stopMail();
      await app.close();
      await mailbox.close();
      await t.dispose();
    },
  };
}

let counter = 0;

/** A patient record plus a patient account for it; returns the email, password and ids. */
/**
 * A proxy link for createPatientUser: a patient id means a caregiver with every scope (test patients
 * are adults, and a parent's access ends at 18); pass an object for a parent of a minor or narrower scopes.
 */
export type TestProxyLink = string | { patientId: string; relationship: 'parent' | 'guardian' | 'caregiver'; scopes?: string[] };

export async function createPatientUser(ctx: AppContext, options: { given?: string; proxyFor?: TestProxyLink[]; birthDate?: string } = {}) {
  const patient = await ctx.store.create(buildPatient({
    name: [{ use: 'official', given: [options.given ?? 'Ana'], family: 'Tester' }], ...(options.birthDate ? { birthDate: options.birthDate } : {}),
  }));
  const email = `patient${++counter}-${patient.id!.slice(0, 6)}@example.test`;
  const password = 'correct horse battery staple';
  const userId = await upsertUser(ctx.db, {
    email, role: 'patient', displayName: `${options.given ?? 'Ana'} Tester`, patientId: patient.id!, practitionerId: null,
    passwordHash: await hashPassword(password),
  });
  for (const p of options.proxyFor ?? []) {
    const link = typeof p === 'string' ? { patientId: p, relationship: 'caregiver' as const } : p;
    await grantProxy(ctx.db, userId, { patientId: link.patientId, relationship: link.relationship, scopes: link.scopes ?? [] });
  }
  return { email, password, userId, patientId: patient.id! };
}

export const CSRF = { 'x-ourchart-csrf': '1' };

let ipCounter = 0;
/** A fresh client address per sign-in, so the per-IP sign-in throttle only trips in the test about it. */
export function nextIp(): string {
  ipCounter++;
  return `10.0.${Math.floor(ipCounter / 250)}.${(ipCounter % 250) + 1}`;
}

/** Signs in through the real route and returns the session cookie header. */
export async function signInCookie(app: FastifyInstance, email: string, password: string): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/sign-in', headers: CSRF, remoteAddress: nextIp(), payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'oc_session');
  return `oc_session=${cookie!.value}`;
}
