import { randomUUID } from 'node:crypto';
import type { Keyring } from '../crypto/keyring.ts';
import type { Queryable } from '../db/db.ts';

/** How long emergency access lasts. */
export const BREAK_GLASS_HOURS = 4;

const reasonContext = (grantId: string) => `break_glass_grants.reason:${grantId}`;

/** When the user's emergency access to this patient ends, or null when they hold none. */
export async function breakGlassUntil(db: Queryable, userId: string, patientId: string): Promise<Date | null> {
  const [row] = await db.query<{ expires_at: Date }>(
    'SELECT max(expires_at) AS expires_at FROM break_glass_grants WHERE user_id = $1 AND patient_id = $2 AND expires_at > now()',
    [userId, patientId],
  );
  return row?.expires_at ? new Date(row.expires_at) : null;
}

/** All of the user's unexpired emergency grants: patient id → when access ends. */
export async function activeBreakGlassGrants(db: Queryable, userId: string): Promise<Map<string, Date>> {
  const rows = await db.query<{ patient_id: string; expires_at: Date }>(
    'SELECT patient_id, max(expires_at) AS expires_at FROM break_glass_grants WHERE user_id = $1 AND expires_at > now() GROUP BY patient_id',
    [userId],
  );
  return new Map(rows.map((r) => [r.patient_id, new Date(r.expires_at)]));
}

/** Records a grant; the reason is stored encrypted. */
export async function insertBreakGlassGrant(db: Queryable, keyring: Keyring, g: { userId: string; patientId: string; reason: string }) {
  const id = randomUUID();
  const [row] = await db.query<{ created_at: Date; expires_at: Date }>(
    `INSERT INTO break_glass_grants (id, user_id, patient_id, reason_enc, expires_at)
     VALUES ($1, $2, $3, $4, now() + make_interval(hours => $5)) RETURNING created_at, expires_at`,
    [id, g.userId, g.patientId, keyring.encrypt(g.reason, reasonContext(id)), BREAK_GLASS_HOURS],
  );
  return { id, createdAt: new Date(row!.created_at), expiresAt: new Date(row!.expires_at) };
}

export type NewAdminAlert = { kind: string; organizationId: string | null; message: string; actorId: string | null; patientId: string | null; grantId?: string | null };

export async function insertAdminAlert(db: Queryable, a: NewAdminAlert): Promise<void> {
  await db.query(
    'INSERT INTO admin_alerts (id, kind, organization_id, message, actor_id, patient_id, grant_id) VALUES ($1, $2, $3, $4, $5, $6, $7)',
    [randomUUID(), a.kind, a.organizationId, a.message, a.actorId, a.patientId, a.grantId ?? null],
  );
}

export type AdminAlertRow = { id: string; kind: string; at: Date; message: string; actorEmail: string | null; patientId: string | null; reason: string | null };

/** Alerts for the administrators of one organization, newest first; break-the-glass reasons decrypted. */
export async function listAdminAlerts(db: Queryable, keyring: Keyring, organizationId: string | null, limit = 200): Promise<AdminAlertRow[]> {
  const rows = await db.query<{ id: string; kind: string; created_at: Date; message: string; email: string | null; patient_id: string | null; grant_id: string | null; reason_enc: string | null }>(
    `SELECT a.id, a.kind, a.created_at, a.message, u.email, a.patient_id, a.grant_id, g.reason_enc
       FROM admin_alerts a
       LEFT JOIN users u ON u.id = a.actor_id
       LEFT JOIN break_glass_grants g ON g.id = a.grant_id
      WHERE a.organization_id IS NOT DISTINCT FROM $1
      ORDER BY a.created_at DESC, a.id LIMIT $2`,
    [organizationId, limit],
  );
  return rows.map((r) => ({
    id: r.id, kind: r.kind, at: new Date(r.created_at), message: r.message, actorEmail: r.email, patientId: r.patient_id,
    reason: r.grant_id && r.reason_enc ? keyring.decrypt(r.reason_enc, reasonContext(r.grant_id)) : null,
  }));
}

/** Active administrators of these organizations (who are told about emergency access). */
export async function adminsOf(db: Queryable, organizationIds: (string | null)[]): Promise<{ email: string; locale: 'en' | 'es' }[]> {
  const named = organizationIds.filter((o): o is string => o !== null);
  return db.query<{ email: string; locale: 'en' | 'es' }>(
    `SELECT email, locale FROM users
      WHERE role = 'admin' AND disabled_at IS NULL
        AND (organization_id = ANY($1::text[]) OR ($2::boolean AND organization_id IS NULL))
      ORDER BY email`,
    [named, organizationIds.includes(null)],
  );
}
