import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import PostalMime from 'postal-mime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers, type TestDb } from '../../test/databases.ts';
import { startMailbox } from '../../test/mailbox.ts';
import { upsertUser } from '../../platform/auth/users.ts';
import { planReminders } from './plan.ts';
import { DAY_MS, insertAppointment, seedReminderClinic } from './reminder-fixtures.ts';

/**
 * Exactly once across processes (PostgreSQL): two real worker processes (platform/jobs/worker-main.ts)
 * share one database and send reminders to a real SMTP server; one is killed with SIGKILL mid-run
 * and a fresh one starts. Every reminder must arrive exactly once.
 */
const ROOT = resolve(import.meta.dirname, '../../../../..');
const NODE = existsSync(join(ROOT, 'node_modules/.bin/node')) ? join(ROOT, 'node_modules/.bin/node') : process.execPath;
const WORKER = join(ROOT, 'apps/server/src/platform/jobs/worker-main.ts');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Worker = { child: ChildProcess; output: () => string; exited: Promise<number | null> };

function startWorker(env: Record<string, string>): Worker {
  const child = spawn(NODE, [WORKER, '--interval-ms=150'], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  return { child, output: () => out, exited };
}

async function mailCounts(dir: string): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const file of readdirSync(dir)) {
    const parsed = await PostalMime.parse(readFileSync(join(dir, file)));
    for (const a of parsed.to ?? []) if ('address' in a && a.address) counts.set(a.address.toLowerCase(), (counts.get(a.address.toLowerCase()) ?? 0) + 1);
  }
  return counts;
}

describe('stand-alone job worker', () => {
  it('refuses to start without DATABASE_URL (the embedded database is one process), with a message', async () => {
    const w = startWorker({ LOG_LEVEL: 'silent', DATA_DIR: mkdtempSync(join(tmpdir(), 'ourchart-worker-')) });
    expect(await w.exited).toBe(2);
    expect(w.output()).toContain('DATABASE_URL: a separate worker process needs PostgreSQL');
  });
});

describe.each(testDrivers.filter((d) => d.name === 'postgres'))('reminders with two worker processes on $name', (driver) => {
  let t: TestDb;
  let mailbox: Awaited<ReturnType<typeof startMailbox>>;
  let mailDir: string;
  let databaseUrl: string;
  const workers: Worker[] = [];

  beforeAll(async () => {
    t = await driver.open();
    const [{ name }] = (await t.db.query<{ name: string }>('SELECT current_database() AS name')) as [{ name: string }];
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    mailDir = mkdtempSync(join(tmpdir(), 'ourchart-workers-mail-'));
    mailbox = await startMailbox(mailDir);
    await seedReminderClinic(t.db);
  });
  afterAll(async () => {
    for (const w of workers) if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill('SIGKILL');
    await Promise.all(workers.map((w) => w.exited));
    await mailbox?.close();
    await t?.dispose();
  });

  it('sends each reminder exactly once with two workers, one killed mid-run and replaced', { timeout: 120_000 }, async () => {
    // 16 patients, each with a visit 7 days and 0.6-6.6 s ahead: their week-before reminders fall due
    // one after another while the workers run (real clock).
    const emails: string[] = [];
    const base = Date.now() + 7 * DAY_MS;
    for (let i = 0; i < 16; i++) {
      const patientId = `pt-workers-${i}-${Math.random().toString(36).slice(2, 8)}`;
      const email = `${patientId}@example.test`;
      await upsertUser(t.db, { email, role: 'patient', displayName: `Worker Test ${i}`, patientId, practitionerId: null, passwordHash: null });
      const startsAt = new Date(base + 600 + i * 400);
      await t.db.transaction(async (tx) => {
        const id = await insertAppointment(tx, { patientId, startsAt });
        await planReminders(tx, { id, startsAt });
      });
      emails.push(email);
    }
    // Plus two whose reminder is already overdue when the workers start (a node was down).
    for (let i = 0; i < 2; i++) {
      const patientId = `pt-overdue-${i}-${Math.random().toString(36).slice(2, 8)}`;
      const email = `${patientId}@example.test`;
      await upsertUser(t.db, { email, role: 'patient', displayName: `Overdue ${i}`, patientId, practitionerId: null, passwordHash: null });
      const startsAt = new Date(Date.now() + 7 * DAY_MS + 300);
      await t.db.transaction(async (tx) => {
        const id = await insertAppointment(tx, { patientId, startsAt });
        await planReminders(tx, { id, startsAt });
      });
      emails.push(email);
    }
    await sleep(500);

    const env = { DATABASE_URL: databaseUrl, SMTP_URL: `smtp://127.0.0.1:${mailbox.port}`, LOG_LEVEL: 'warn', PUBLIC_URL: 'http://localhost:3000' };
    const a = startWorker(env);
    const b = startWorker(env);
    workers.push(a, b);

    // Let both work for a while, then kill one without warning, in the middle of the run.
    const until = (pred: () => Promise<boolean>, ms: number) => (async () => {
      const deadline = Date.now() + ms;
      while (Date.now() < deadline) {
        if (await pred()) return true;
        await sleep(150);
      }
      return false;
    })();
    const sentSoFar = async () => (await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM jobs WHERE done_at IS NOT NULL AND key LIKE 'reminder:%:7d:%'"))[0]!.n;
    expect(await until(async () => (await sentSoFar()) >= 3, 30_000), `workers did no work:\n${a.output()}\n${b.output()}`).toBe(true);
    a.child.kill('SIGKILL');
    expect(await a.exited).toBeNull(); // killed by the signal, no exit code
    const c = startWorker(env);
    workers.push(c);

    const allDelivered = await until(async () => {
      const counts = await mailCounts(mailDir);
      return emails.every((e) => (counts.get(e) ?? 0) >= 1);
    }, 60_000);
    expect(allDelivered, `not every reminder arrived:\n${b.output()}\n${c.output()}`).toBe(true);
    await sleep(1500); // a duplicate, if any, would arrive now

    const counts = await mailCounts(mailDir);
    expect(emails.map((e) => [e, counts.get(e) ?? 0])).toEqual(emails.map((e) => [e, 1]));
    expect(await t.db.query("SELECT key FROM jobs WHERE key LIKE 'reminder:%:7d:%' AND (done_at IS NULL OR attempts <> 1)")).toEqual([]);
    expect(await t.db.query('SELECT id FROM mail_outbox WHERE sent_at IS NULL')).toEqual([]);
    const [{ n }] = (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM mail_outbox')) as [{ n: number }];
    expect(n).toBe(emails.length);

    for (const w of [b, c]) w.child.kill('SIGTERM');
    expect(await Promise.all([b.exited, c.exited])).toEqual([0, 0]);
  });
});
