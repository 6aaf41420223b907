import type { Queryable } from '../../platform/db/db.ts';
import type { ProxyRelationship } from '../../platform/access/proxy-policy.ts';

/** One proxy_grants row with the names of both people (no clinical data). */
export type GrantRow = {
  id: string;
  grantee_user_id: string;
  grantee_name: string;
  patient_id: string;
  relationship: ProxyRelationship;
  scopes: string[];
  starts_at: Date | string;
  expires_at: Date | string | null;
  revoked_at: Date | string | null;
  ended_reason: 'revoked' | 'age-of-majority' | 'declined-by-proxy' | null;
  approved_by_name: string | null;
  approval_reason: string | null;
};

const GRANT_SELECT = `
  SELECT g.id, g.grantee_user_id, u.display_name AS grantee_name, g.patient_id, g.relationship, g.scopes, g.starts_at,
         g.expires_at, g.revoked_at, g.ended_reason, a.display_name AS approved_by_name, g.approval_reason
    FROM proxy_grants g JOIN users u ON u.id = g.grantee_user_id LEFT JOIN users a ON a.id = g.approved_by`;

/** Grants on a patient's record: current ones, and those that ended in the last year (so the patient sees what changed). */
export function grantsOnPatient(q: Queryable, patientId: string): Promise<GrantRow[]> {
  return q.query<GrantRow>(
    `${GRANT_SELECT} WHERE g.patient_id = $1 AND (g.revoked_at IS NULL OR g.revoked_at > now() - interval '365 days')
      ORDER BY g.revoked_at IS NOT NULL, g.created_at`,
    [patientId],
  );
}

/** Grants a user holds as a proxy (current and recently ended). */
export function grantsHeldBy(q: Queryable, userId: string): Promise<GrantRow[]> {
  return q.query<GrantRow>(
    `${GRANT_SELECT} WHERE g.grantee_user_id = $1 AND (g.revoked_at IS NULL OR g.revoked_at > now() - interval '365 days')
      ORDER BY g.revoked_at IS NOT NULL, g.created_at`,
    [userId],
  );
}

export async function grantById(q: Queryable, id: string): Promise<GrantRow | undefined> {
  const [row] = await q.query<GrantRow>(`${GRANT_SELECT} WHERE g.id = $1`, [id]);
  return row;
}

/** Ends a grant now; false when it had already ended. */
export async function endGrant(q: Queryable, id: string, reason: 'revoked' | 'age-of-majority' | 'declined-by-proxy', by: string | null): Promise<boolean> {
  const rows = await q.query(
    `UPDATE proxy_grants SET revoked_at = now(), ended_reason = $2, revoked_by = $3 WHERE id = $1 AND revoked_at IS NULL RETURNING id`,
    [id, reason, by],
  );
  return rows.length > 0;
}

export async function updateGrant(q: Queryable, id: string, scopes: string[], expiresAt: Date | null): Promise<void> {
  await q.query('UPDATE proxy_grants SET scopes = $2, expires_at = $3 WHERE id = $1', [id, scopes, expiresAt]);
}

export type InvitationRow = {
  id: string;
  patient_id: string;
  invited_by: string;
  email: string;
  relationship: ProxyRelationship;
  scopes: string[];
  grant_ends_at: Date | string | null;
  created_at: Date | string;
  expires_at: Date | string;
  accepted_at: Date | string | null;
  cancelled_at: Date | string | null;
};

export function openInvitations(q: Queryable, patientId: string): Promise<InvitationRow[]> {
  return q.query<InvitationRow>(
    `SELECT * FROM proxy_invitations WHERE patient_id = $1 AND accepted_at IS NULL AND cancelled_at IS NULL AND expires_at > now()
      ORDER BY created_at DESC`,
    [patientId],
  );
}

export async function insertInvitation(q: Queryable, row: Omit<InvitationRow, 'created_at' | 'accepted_at' | 'cancelled_at'> & { token_hash: string }): Promise<void> {
  await q.query(
    `INSERT INTO proxy_invitations (id, patient_id, invited_by, email, relationship, scopes, grant_ends_at, token_hash, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [row.id, row.patient_id, row.invited_by, row.email, row.relationship, row.scopes, row.grant_ends_at, row.token_hash, row.expires_at],
  );
}

export async function cancelInvitation(q: Queryable, id: string, patientId: string): Promise<boolean> {
  const rows = await q.query(
    `UPDATE proxy_invitations SET cancelled_at = now() WHERE id = $1 AND patient_id = $2 AND accepted_at IS NULL AND cancelled_at IS NULL RETURNING id`,
    [id, patientId],
  );
  return rows.length > 0;
}

/** An open invitation by the digest of its token, locked for accepting. */
export async function invitationByTokenHash(q: Queryable, tokenHash: string, lock = false): Promise<InvitationRow | undefined> {
  const [row] = await q.query<InvitationRow>(
    `SELECT * FROM proxy_invitations WHERE token_hash = $1 AND accepted_at IS NULL AND cancelled_at IS NULL AND expires_at > now()${lock ? ' FOR UPDATE' : ''}`,
    [tokenHash],
  );
  return row;
}

export async function markInvitationAccepted(q: Queryable, id: string, userId: string): Promise<void> {
  await q.query('UPDATE proxy_invitations SET accepted_at = now(), accepted_by = $2 WHERE id = $1', [id, userId]);
}

/** Parents' grants still active, with the patient's birth date, for the age-of-majority sweep. */
export function activeParentGrants(q: Queryable): Promise<{ id: string; grantee_user_id: string; patient_id: string; scopes: string[] }[]> {
  return q.query(
    `SELECT id, grantee_user_id, patient_id, scopes FROM proxy_grants
      WHERE relationship = 'parent' AND revoked_at IS NULL`,
  );
}
