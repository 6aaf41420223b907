import type { AppContext } from '../../context.ts';
import { publishLiveEvent } from '../../platform/events/publish.ts';

/**
 * Tells every open page of the people on a thread (the pool's staff, the patient's own accounts,
 * the actor's other tabs) that it changed: a reply, a read receipt, a claim, an assignment, a
 * close. Pages reload it through the audited API; the event carries ids only.
 */
export async function announceThreadChange(ctx: AppContext, t: { threadId: string; patientId: string; poolId: string; actorUserId: string }): Promise<void> {
  const rows = await ctx.db.query<{ id: string }>(
    `SELECT user_id::text AS id FROM message_pool_members WHERE pool_id = $1
     UNION SELECT id::text FROM users WHERE patient_id = $2`,
    [t.poolId, t.patientId],
  );
  await publishLiveEvent(ctx.db, [...rows.map((r) => r.id), t.actorUserId], { type: 'change', entityType: 'MessageThread', entityId: t.threadId, patientId: t.patientId });
}
