import { GENESIS_HASH, type AuditLog } from '../../platform/audit/audit-log.ts';
import { eventWithPrevious } from './audit-queries.ts';

/**
 * `npm run audit:verify`: recomputes the audit hash chain and says, in words, whether it is intact
 * or where it first breaks. Exit code 1 when broken, so a cron job or monitor can alert on it.
 */
export async function verifyAuditTrail(audit: AuditLog): Promise<{ exitCode: 0 | 1; message: string }> {
  const result = await audit.verify();
  if (result.ok) return { exitCode: 0, message: `Audit trail intact: ${result.checked} events checked.` };
  const seq = result.brokenAtSeq!;
  const event = await eventWithPrevious(audit.db, seq);
  const recorded = event ? new Date(event.recorded_at).toISOString() : 'unknown time';
  const why = event && event.prev_hash !== (event.previous_hash ?? GENESIS_HASH)
    ? 'it does not follow the event before it, so an event before it was removed, added or changed'
    : 'its contents no longer match its hash, so it was changed after it was written';
  return {
    exitCode: 1,
    message: `Audit trail BROKEN at event #${seq} (recorded ${recorded}): ${why}. ${result.checked} events before it are intact. Keep a copy of this database as evidence.`,
  };
}
