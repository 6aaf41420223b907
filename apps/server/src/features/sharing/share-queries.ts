import type { Queryable } from '../../platform/db/db.ts';

/** SQL behind share links and emailed records (table record_shares, migration 0007). */

export type ShareRow = {
  id: string; patient_id: string; created_by: string; kind: 'link' | 'email'; code_hash: string | null;
  recipient_label: string | null; recipient_email: string | null; message: string | null; sections: string[];
  range_from: string; range_to: string; created_at: Date; expires_at: Date; revoked_at: Date | null;
  failed_attempts: number; locked_at: Date | null; view_count: number; last_viewed_at: Date | null;
  /** Worked out with the database clock, so every app node agrees on when a link expires. */
  status: 'active' | 'expired' | 'revoked' | 'locked';
  created_by_name: string | null;
};

// Dates come back as text so a DATE column never shifts with the server's time zone.
const COLUMNS = `s.id, s.patient_id, s.created_by, s.kind, s.code_hash, s.recipient_label, s.recipient_email, s.message, s.sections,
  to_char(s.range_from, 'YYYY-MM-DD') AS range_from, to_char(s.range_to, 'YYYY-MM-DD') AS range_to, s.created_at, s.expires_at,
  s.revoked_at, s.failed_attempts, s.locked_at, s.view_count, s.last_viewed_at, u.display_name AS created_by_name,
  CASE WHEN s.revoked_at IS NOT NULL THEN 'revoked' WHEN s.locked_at IS NOT NULL THEN 'locked'
       WHEN s.expires_at <= now() THEN 'expired' ELSE 'active' END AS status`;
const FROM = 'record_shares s LEFT JOIN users u ON u.id = s.created_by';

export type NewShare = {
  id: string; patientId: string; createdBy: string; tokenHash: string; codeHash: string | null; kind: 'link' | 'email';
  label: string | null; email: string | null; message: string | null; sections: string[]; from: string; to: string; expiresInHours: number;
};

/** Stores a new share; returns when it expires (by the database clock). */
export async function insertShare(q: Queryable, s: NewShare): Promise<Date> {
  const rows = await q.query<{ expires_at: Date }>(
    `INSERT INTO record_shares (id, patient_id, created_by, token_hash, code_hash, kind, recipient_label, recipient_email, message,
                                sections, range_from, range_to, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, now() + make_interval(hours => $13))
     RETURNING expires_at`,
    [s.id, s.patientId, s.createdBy, s.tokenHash, s.codeHash, s.kind, s.label, s.email, s.message, s.sections, s.from, s.to, s.expiresInHours],
  );
  return new Date(rows[0]!.expires_at);
}

export async function shareById(q: Queryable, patientId: string, id: string): Promise<ShareRow | undefined> {
  return (await q.query<ShareRow>(`SELECT ${COLUMNS} FROM ${FROM} WHERE s.id = $1 AND s.patient_id = $2`, [id, patientId]))[0];
}

export async function shareByTokenHash(q: Queryable, tokenHash: string): Promise<ShareRow | undefined> {
  return (await q.query<ShareRow>(`SELECT ${COLUMNS} FROM ${FROM} WHERE s.token_hash = $1`, [tokenHash]))[0];
}

/** One patient's shares, newest first. */
export async function sharesOf(q: Queryable, patientId: string, limit = 100): Promise<ShareRow[]> {
  return q.query<ShareRow>(`SELECT ${COLUMNS} FROM ${FROM} WHERE s.patient_id = $1 ORDER BY s.created_at DESC LIMIT $2`, [patientId, limit]);
}

/** Revokes an active share of this patient; false when there is none to revoke. */
export async function revokeShareRow(q: Queryable, patientId: string, id: string): Promise<boolean> {
  const rows = await q.query('UPDATE record_shares SET revoked_at = now() WHERE id = $1 AND patient_id = $2 AND revoked_at IS NULL RETURNING id', [id, patientId]);
  return rows.length > 0;
}

/** Counts a wrong access code in one statement (no lost updates) and locks the link at `max`. Returns the count. */
export async function recordWrongCode(q: Queryable, id: string, max: number): Promise<number> {
  const rows = await q.query<{ failed_attempts: number }>(
    `UPDATE record_shares SET failed_attempts = failed_attempts + 1,
            locked_at = CASE WHEN failed_attempts + 1 >= $2 THEN now() ELSE locked_at END
      WHERE id = $1 RETURNING failed_attempts`,
    [id, max],
  );
  return rows[0]?.failed_attempts ?? max;
}

export async function recordView(q: Queryable, id: string): Promise<void> {
  await q.query('UPDATE record_shares SET view_count = view_count + 1, last_viewed_at = now() WHERE id = $1', [id]);
}

/** Who each share was for, to name share-link visitors in the activity list. */
export async function shareRecipients(q: Queryable, ids: string[]): Promise<Map<string, string | null>> {
  if (ids.length === 0) return new Map();
  const rows = await q.query<{ id: string; who: string | null }>(
    'SELECT id::text AS id, COALESCE(recipient_label, recipient_email) AS who FROM record_shares WHERE id::text = ANY($1::text[])', [ids],
  );
  return new Map(rows.map((r) => [r.id, r.who]));
}

/** The query and entity of audit events by sequence number (read-only; the activity list's details). */
export async function auditQueries(q: Queryable, seqs: string[]): Promise<{ seq: string; query: string | null; entity_id: string | null }[]> {
  return q.query('SELECT seq::text AS seq, query, entity_id FROM audit_events WHERE seq = ANY($1::bigint[])', [seqs]);
}
