import { z } from 'zod';
import type { Queryable } from '../../platform/db/db.ts';
import { enqueueJob, type JobDefinition } from '../../platform/jobs/queue.ts';
import { deleteExpiredModels } from './oidc-adapter.ts';

export const SMART_CLEANUP_JOB = 'smart-cleanup';
const HOUR_MS = 60 * 60 * 1000;

/** Queues the next hourly cleanup; the key names the hour, so every node queues the same one. */
export async function scheduleSmartCleanup(q: Queryable, after = new Date()): Promise<void> {
  const runAt = new Date(Math.floor(after.getTime() / HOUR_MS) * HOUR_MS + HOUR_MS);
  await enqueueJob(q, { kind: SMART_CLEANUP_JOB, key: `${SMART_CLEANUP_JOB}:${runAt.toISOString()}`, runAt, payload: {} });
}

/**
 * Every hour: deletes expired authorization codes, tokens, interactions and sessions (oidc-provider
 * already ignores them; this keeps the table small) and consent requests nobody answered.
 */
export const smartCleanupJob: JobDefinition<Record<string, never>> = {
  kind: SMART_CLEANUP_JOB,
  payload: z.object({}).strict() as unknown as z.ZodType<Record<string, never>>,
  async run(_ctx, tx) {
    await deleteExpiredModels(tx);
    await tx.query("DELETE FROM smart_interaction_owners WHERE created_at < now() - interval '1 day'");
    await scheduleSmartCleanup(tx);
  },
};
