import type { Queryable } from '../../platform/db/db.ts';

/** SQL behind the activity page and the admin audit report (read-only over audit_events). */

export type ActivityRow = {
  seq: string | number; recorded_at: Date; actor_id: string | null; actor_role: string | null; action: string;
  entity_type: string | null; outcome: string; display_name: string | null; actor_patient_id: string | null;
  /** The SMART app that acted for the person (the FHIR API audits `app=<client id>` first in the query), and its registered name. */
  app_id: string | null; app_name: string | null;
};

/**
 * Events on one patient's record, plus (for the account holder's own record) their account events
 * that name no patient: sign-ins, sign-outs, security changes. Newest first.
 */
export async function activityRows(db: Queryable, patientId: string, ownUserId: string | null, limit: number): Promise<ActivityRow[]> {
  return db.query<ActivityRow>(
    `SELECT e.seq, e.recorded_at, e.actor_id, e.actor_role, e.action, e.entity_type, e.outcome,
            u.display_name, u.patient_id AS actor_patient_id, e.app_id, c.payload->>'client_name' AS app_name
       FROM (SELECT *, substring(query FROM '^app=([^&]+)') AS app_id FROM (
         (SELECT * FROM audit_events WHERE patient_id = $1 ORDER BY seq DESC LIMIT $3)
         UNION ALL
         (SELECT * FROM audit_events WHERE $2::text IS NOT NULL AND actor_id = $2 AND patient_id IS NULL ORDER BY seq DESC LIMIT $3)
       ) a) e
       LEFT JOIN users u ON u.id::text = e.actor_id
       LEFT JOIN oidc_models c ON c.model = 'Client' AND c.id = e.app_id
      -- By time as people read it; concurrent writers can append a few ms out of clock order.
      ORDER BY e.recorded_at DESC, e.seq DESC LIMIT $3`,
    [patientId, ownUserId, limit],
  );
}

export type ReportFilter = { from: Date | null; to: Date | null; userId: string | null; patientId: string | null; action: string | null };

export type ReportRow = {
  seq: string | number; recorded_at: Date; actor_id: string | null; actor_email: string | null; actor_role: string | null; patient_id: string | null;
  action: string; entity_type: string | null; entity_id: string | null; outcome: string; ip: string | null; request_id: string | null;
};

/**
 * Audit events an organization's administrator may see, newest first: events on the
 * organization's patients, and events naming no patient whose actor is one of the organization's
 * staff, one of its patients, or nobody (anonymous sign-in attempts).
 */
export async function reportRows(db: Queryable, scope: { organizationId: string | null; patientIds: string[] }, f: ReportFilter, limit: number): Promise<ReportRow[]> {
  return db.query<ReportRow>(
    `SELECT e.seq, e.recorded_at, e.actor_id, u.email AS actor_email, e.actor_role, e.patient_id, e.action,
            e.entity_type, e.entity_id, e.outcome, e.ip, e.request_id
       FROM audit_events e
       LEFT JOIN users u ON u.id::text = e.actor_id
      WHERE (e.patient_id = ANY($1::text[])
             OR (e.patient_id IS NULL AND (e.actor_id IS NULL OR u.organization_id = $2 OR u.patient_id = ANY($1::text[]))))
        AND ($3::timestamptz IS NULL OR e.recorded_at >= $3)
        AND ($4::timestamptz IS NULL OR e.recorded_at < $4)
        AND ($5::text IS NULL OR e.actor_id = $5 OR lower(u.email) = lower($5))
        AND ($6::text IS NULL OR e.patient_id = $6)
        AND ($7::text IS NULL OR e.action = $7)
      ORDER BY e.seq DESC LIMIT $8`,
    [scope.patientIds, scope.organizationId, f.from?.toISOString() ?? null, f.to?.toISOString() ?? null, f.userId, f.patientId, f.action, limit],
  );
}

/** One event by sequence number with the hash of the event before it (for audit-verify's message). */
export async function eventWithPrevious(db: Queryable, seq: number): Promise<{ recorded_at: Date; prev_hash: string; previous_hash: string | null } | undefined> {
  const rows = await db.query<{ recorded_at: Date; prev_hash: string; previous_hash: string | null }>(
    `SELECT e.recorded_at, e.prev_hash,
            (SELECT p.hash FROM audit_events p WHERE p.seq < e.seq ORDER BY p.seq DESC LIMIT 1) AS previous_hash
       FROM audit_events e WHERE e.seq = $1`,
    [seq],
  );
  return rows[0];
}
