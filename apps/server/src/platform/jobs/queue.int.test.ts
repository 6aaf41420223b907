import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { testDrivers, type TestDb } from '../../test/databases.ts';
import { enqueueJob, registerJob, runDueJobs, startJobWorker } from './queue.ts';
import { backoffSeconds } from './polling.ts';

const silent = { info() {}, warn() {} };

/** Each test gets its own job kind, so handlers never see another test's jobs. */
function kindFor(name: string) {
  return `test-${name}-${randomUUID().slice(0, 8)}`;
}

describe.each(testDrivers)('job queue on $name', (driver) => {
  let t: TestDb;
  let ctx: AppContext;
  beforeAll(async () => {
    t = await driver.open();
    await t.db.exec('CREATE TABLE job_effects (key text NOT NULL, note text NOT NULL)');
    // Handlers only get the claiming transaction; the queue needs nothing else from the context.
    ctx = { db: t.db } as AppContext;
  });
  afterAll(() => t?.dispose());

  const jobRow = async (key: string) =>
    (await t.db.query<{ attempts: number; last_error: string | null; done_at: Date | null; run_at: Date }>('SELECT attempts, last_error, done_at, run_at FROM jobs WHERE key = $1', [key]))[0];
  const effects = async (key: string) => (await t.db.query<{ note: string }>('SELECT note FROM job_effects WHERE key = $1', [key])).map((r) => r.note);

  it('queues a key once (idempotent) and runs the job once, with the handler\'s writes committed with done_at', async () => {
    const kind = kindFor('once');
    registerJob({
      kind, payload: z.object({ n: z.number() }),
      run: async (_ctx, tx, p, job) => { await tx.query('INSERT INTO job_effects (key, note) VALUES ($1, $2)', [job.key, `n=${p.n}`]); },
    });
    const key = `${kind}:a`;
    await t.db.transaction(async (tx) => {
      await enqueueJob(tx, { kind, key, runAt: new Date(Date.now() - 1000), payload: { n: 1 } });
      await enqueueJob(tx, { kind, key, runAt: new Date(Date.now() - 1000), payload: { n: 2 } });
    });
    await enqueueJob(t.db, { kind, key, runAt: new Date(Date.now() - 1000), payload: { n: 3 } });
    expect(await t.db.query('SELECT 1 FROM jobs WHERE key = $1', [key])).toHaveLength(1);

    expect(await runDueJobs(ctx, silent)).toBeGreaterThanOrEqual(1);
    expect(await runDueJobs(ctx, silent)).toBe(0);
    expect(await effects(key)).toEqual(['n=1']);
    expect(await jobRow(key)).toMatchObject({ attempts: 1, last_error: null, done_at: expect.any(Date) });

    // Queuing the same key after it ran does nothing either: work is keyed, not re-armed.
    await enqueueJob(t.db, { kind, key, runAt: new Date(Date.now() - 1000), payload: { n: 4 } });
    await runDueJobs(ctx, silent);
    expect(await effects(key)).toEqual(['n=1']);
  });

  it('does not queue a job whose enqueuing transaction rolled back', async () => {
    const kind = kindFor('rollback');
    const key = `${kind}:a`;
    await expect(t.db.transaction(async (tx) => {
      await enqueueJob(tx, { kind, key, runAt: new Date(), payload: {} });
      throw new Error('booking failed');
    })).rejects.toThrow('booking failed');
    expect(await jobRow(key)).toBeUndefined();
  });

  it('leaves a job that is not due yet, and runs it once its time comes (real clock)', async () => {
    const kind = kindFor('later');
    registerJob({ kind, payload: z.object({}), run: async (_c, tx, _p, job) => { await tx.query('INSERT INTO job_effects (key, note) VALUES ($1, $2)', [job.key, 'ran']); } });
    const key = `${kind}:a`;
    await enqueueJob(t.db, { kind, key, runAt: new Date(Date.now() + 1500), payload: {} });
    await runDueJobs(ctx, silent);
    expect(await effects(key)).toEqual([]);
    await new Promise((r) => setTimeout(r, 1700));
    await runDueJobs(ctx, silent);
    expect(await effects(key)).toEqual(['ran']);
  });

  it('rolls back a failing handler\'s writes, records the attempt and error, and retries with backoff', async () => {
    const kind = kindFor('flaky');
    let calls = 0;
    registerJob({
      kind, payload: z.object({}),
      run: async (_c, tx, _p, job) => {
        calls++;
        await tx.query('INSERT INTO job_effects (key, note) VALUES ($1, $2)', [job.key, `attempt ${job.attempts}`]);
        if (calls === 1) throw new Error('mail server said no');
        // A failing statement aborts the transaction; the savepoint must recover from that too.
        if (calls === 2) await tx.query('SELECT * FROM no_such_table');
      },
    });
    const key = `${kind}:a`;
    await enqueueJob(t.db, { kind, key, runAt: new Date(Date.now() - 1000), payload: {} });

    const before = Date.now();
    await runDueJobs(ctx, silent);
    let row = (await jobRow(key))!;
    expect(row).toMatchObject({ attempts: 1, last_error: 'mail server said no', done_at: null });
    expect(await effects(key)).toEqual([]);
    // First retry after backoffSeconds(1) = 5 s (allow for clock skew between node and the database).
    expect(new Date(row.run_at).getTime()).toBeGreaterThanOrEqual(before + backoffSeconds(1) * 1000 - 1000);
    await runDueJobs(ctx, silent);
    expect(calls).toBe(1); // not due again yet

    // Make it due now (instead of waiting 5 s) and fail with an SQL error this time.
    await t.db.query('UPDATE jobs SET run_at = now() WHERE key = $1', [key]);
    await runDueJobs(ctx, silent);
    row = (await jobRow(key))!;
    expect(row).toMatchObject({ attempts: 2, done_at: null });
    expect(row.last_error).toMatch(/no_such_table/);
    expect(new Date(row.run_at).getTime()).toBeGreaterThanOrEqual(Date.now() + backoffSeconds(2) * 1000 - 2000);
    expect(await effects(key)).toEqual([]);

    await t.db.query('UPDATE jobs SET run_at = now() WHERE key = $1', [key]);
    await runDueJobs(ctx, silent);
    expect(await jobRow(key)).toMatchObject({ attempts: 3, last_error: null, done_at: expect.any(Date) });
    expect(await effects(key)).toEqual(['attempt 3']);
  });

  it('keeps a job of a kind this node does not know, with the reason, for a node that does', async () => {
    const kind = kindFor('unknown');
    const key = `${kind}:a`;
    await enqueueJob(t.db, { kind, key, runAt: new Date(Date.now() - 1000), payload: {} });
    await runDueJobs(ctx, silent);
    expect(await jobRow(key)).toMatchObject({ attempts: 1, done_at: null, last_error: expect.stringContaining(`no handler for job kind "${kind}"`) });
  });

  it('refuses a payload that does not match the kind\'s schema (recorded as a failure)', async () => {
    const kind = kindFor('schema');
    registerJob({ kind, payload: z.object({ appointmentId: z.string() }), run: async () => {} });
    const key = `${kind}:a`;
    await enqueueJob(t.db, { kind, key, runAt: new Date(Date.now() - 1000), payload: { appointmentId: 42 } });
    await runDueJobs(ctx, silent);
    expect(await jobRow(key)).toMatchObject({ attempts: 1, done_at: null, last_error: expect.stringContaining('appointmentId') });
  });

  it('the background worker picks up a due job on its own and stops cleanly', async () => {
    const kind = kindFor('worker');
    registerJob({ kind, payload: z.object({}), run: async (_c, tx, _p, job) => { await tx.query('INSERT INTO job_effects (key, note) VALUES ($1, $2)', [job.key, 'ran']); } });
    const stop = startJobWorker(ctx, silent, { intervalMs: 100 });
    try {
      const key = `${kind}:a`;
      await enqueueJob(t.db, { kind, key, runAt: new Date(Date.now() + 300), payload: {} });
      const deadline = Date.now() + 10_000;
      while ((await effects(key)).length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      expect(await effects(key)).toEqual(['ran']);
    } finally {
      await stop();
    }
  });
});

describe('backoff', () => {
  it('doubles from 5 seconds and stops at an hour', () => {
    expect([1, 2, 3, 4].map(backoffSeconds)).toEqual([5, 10, 20, 40]);
    expect(backoffSeconds(50)).toBe(3600);
  });
});
