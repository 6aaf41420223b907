import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { AppContext } from '../../context.ts';
import type { Queryable } from '../db/db.ts';
import { backoffSeconds, startPolling } from './polling.ts';

type Logger = { info(obj: object, msg: string): void; warn(obj: object, msg: string): void };

/** A claimed job as its handler sees it. */
export type ClaimedJob = { id: string; kind: string; key: string; attempts: number; runAt: Date };

/**
 * A kind of job: its payload schema and what it does. `run` gets the claiming transaction: every
 * write it makes (emails through enqueueMail(tx, ...), notifications, rows) commits together with
 * "job done", or not at all. It must not use ctx.db / ctx.store / ctx.audit (PGlite has one
 * connection) and should be safe to run again after a crash (it runs at least until it commits).
 */
export type JobDefinition<P> = {
  kind: string;
  payload: z.ZodType<P>;
  run(ctx: AppContext, tx: Queryable, payload: P, job: ClaimedJob): Promise<void>;
};

const definitions = new Map<string, JobDefinition<unknown>>();
const wakeups = new Set<() => void>();

/** Registers a job kind with the worker of this process. Registering a kind twice is a bug. */
export function registerJob<P>(definition: JobDefinition<P>): void {
  const existing = definitions.get(definition.kind);
  if (existing && existing !== definition) throw new Error(`job kind ${definition.kind} is registered twice`);
  definitions.set(definition.kind, definition as JobDefinition<unknown>);
}

/**
 * Queues a job in the caller's transaction: if the caller rolls back, nothing is queued.
 * Idempotent on `key`: a second call with the same key does nothing (ON CONFLICT DO NOTHING), so
 * derive keys from what makes the work unique (e.g. `reminder:<appointment>:1d:<startsAt>`).
 */
export async function enqueueJob(tx: Queryable, job: { kind: string; key: string; runAt: Date; payload: object }): Promise<void> {
  await tx.query(
    `INSERT INTO jobs (id, kind, key, payload, run_at) VALUES ($1, $2, $3, $4::jsonb, $5) ON CONFLICT (key) DO NOTHING`,
    [randomUUID(), job.kind, job.key, JSON.stringify(job.payload), job.runAt],
  );
  if (job.runAt.getTime() <= Date.now()) wakeups.forEach((wake) => wake());
}

type JobRow = { id: string; kind: string; key: string; payload: unknown; attempts: number; run_at: Date | string };

/**
 * Runs due jobs once, up to `limit`. Each job is claimed with FOR UPDATE SKIP LOCKED (several nodes
 * never run the same job at once) and run inside that transaction, so the handler's writes and
 * done_at commit together: a crash before commit leaves the job due for the next node, a commit
 * means it happened once. A failing handler's writes are rolled back to a savepoint; then, still
 * holding the row, a second statement records the attempt and the error and pushes run_at back.
 * Returns how many jobs finished.
 */
export async function runDueJobs(ctx: AppContext, log?: Logger, limit = 20): Promise<number> {
  let finished = 0;
  for (let i = 0; i < limit; i++) {
    const outcome = await ctx.db.transaction(async (tx) => {
      const [row] = await tx.query<JobRow>(
        `SELECT id, kind, key, payload, attempts, run_at FROM jobs
          WHERE done_at IS NULL AND run_at <= now() ORDER BY run_at LIMIT 1 FOR UPDATE SKIP LOCKED`,
      );
      if (!row) return 'empty' as const;
      const job: ClaimedJob = { id: row.id, kind: row.kind, key: row.key, attempts: row.attempts + 1, runAt: new Date(row.run_at) };
      await tx.exec('SAVEPOINT job_handler');
      try {
        const definition = definitions.get(row.kind);
        if (!definition) throw new Error(`no handler for job kind "${row.kind}" in this node`);
        const payload = typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload;
        await definition.run(ctx, tx, definition.payload.parse(payload), job);
        await tx.exec('RELEASE SAVEPOINT job_handler');
        await tx.query('UPDATE jobs SET done_at = now(), attempts = attempts + 1, last_error = NULL WHERE id = $1', [row.id]);
        return 'done' as const;
      } catch (err) {
        await tx.exec('ROLLBACK TO SAVEPOINT job_handler');
        const wait = backoffSeconds(job.attempts);
        // The error's message only (handlers keep PHI out of errors); the payload is never logged.
        const reason = String((err as Error)?.message ?? err).slice(0, 500);
        await tx.query(
          `UPDATE jobs SET attempts = attempts + 1, last_error = $2, run_at = now() + make_interval(secs => $3) WHERE id = $1`,
          [row.id, reason, wait],
        );
        log?.warn({ jobId: row.id, kind: row.kind, attempts: job.attempts, retryInSeconds: wait, error: reason }, 'job failed; will retry');
        return 'failed' as const;
      }
    });
    if (outcome === 'empty') break;
    if (outcome === 'done') finished++;
  }
  return finished;
}

/**
 * Runs the job worker in the background (every node may run one): a pass every `intervalMs`, and
 * right after a job that is already due is queued in this process. Returns stop(), which waits for
 * the job in flight.
 */
export function startJobWorker(ctx: AppContext, log: Logger, options: { intervalMs?: number } = {}): () => Promise<void> {
  const loop = startPolling(async () => {
    // Keep going while full batches finish, so a backlog drains without waiting for the timer.
    while ((await runDueJobs(ctx, log)) === 20);
  }, { intervalMs: options.intervalMs ?? 5000, log, name: 'job worker' });
  wakeups.add(loop.wake);
  return async () => {
    wakeups.delete(loop.wake);
    await loop.stop();
  };
}
