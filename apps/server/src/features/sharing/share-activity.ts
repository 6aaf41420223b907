import type { ActivityEntry } from '@ourchart/contracts';
import type { Queryable } from '../../platform/db/db.ts';
import { auditQueries, shareRecipients } from './share-queries.ts';
import { SHARE_ROLE } from './shared-view.service.ts';

type Row = { seq: string | number; actor_id: string | null; actor_role: string | null; action: string };
export type ShareActivity = { details: NonNullable<ActivityEntry['details']> | null; actorName: string | null };

/** Actions whose audit query carries a format, dates or a recipient (written by exportAuditQuery). */
const DETAILED = ['download', 'transmit', 'share-create', 'share-revoke', 'share-view', 'share-download'];

/**
 * What the activity list adds for downloads, sends and share links: the format, the dates and the
 * recipient (ONC 170.315(e)(1) activity history), and the name a share-link visitor appears under
 * (the label or email the patient gave the share, not a user account).
 */
export async function shareActivity(db: Queryable, rows: Row[]): Promise<Map<string, ShareActivity>> {
  const out = new Map<string, ShareActivity>();
  const wanted = rows.filter((r) => DETAILED.includes(r.action) || r.actor_role === SHARE_ROLE);
  if (wanted.length === 0) return out;
  const queries = await auditQueries(db, wanted.map((r) => String(r.seq)));
  const shareIds = new Set<string>();
  for (const r of wanted) if (r.actor_role === SHARE_ROLE && r.actor_id) shareIds.add(r.actor_id);
  for (const q of queries) if (q.entity_id && /^[0-9a-f-]{36}$/.test(q.entity_id)) shareIds.add(q.entity_id);
  const recipients = await shareRecipients(db, [...shareIds]);
  const bySeq = new Map(queries.map((q) => [q.seq, q]));
  for (const r of wanted) {
    const q = bySeq.get(String(r.seq));
    const params = new URLSearchParams(q?.query ?? '');
    const shareId = r.actor_role === SHARE_ROLE ? r.actor_id : q?.entity_id ?? null;
    const recipient = params.get('recipient') ?? params.get('label') ?? (shareId ? recipients.get(shareId) ?? null : null);
    const details = DETAILED.includes(r.action)
      ? { format: params.get('format'), from: params.get('from'), to: params.get('to'), recipient }
      : null;
    out.set(String(r.seq), { details, actorName: r.actor_role === SHARE_ROLE ? (r.actor_id ? recipients.get(r.actor_id) ?? null : null) : null });
  }
  return out;
}
