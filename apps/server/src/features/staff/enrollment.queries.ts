import type { Queryable } from '../../platform/db/db.ts';

/** SQL for staff enrollment work, kept out of the services. */

export async function patientAccountExists(db: Queryable, patientId: string): Promise<boolean> {
  const rows = await db.query('SELECT 1 FROM users WHERE patient_id = $1', [patientId]);
  return rows.length > 0;
}

export type PendingRow = { id: string; email: string; created_at: Date; signup_details: { givenName?: string; familyName?: string; birthDate?: string } | null };

/** Self-signups waiting for staff to link them to a record, oldest first. */
export async function pendingSignups(db: Queryable, limit = 500): Promise<PendingRow[]> {
  return db.query<PendingRow>(
    `SELECT id, email, created_at, signup_details FROM users
      WHERE status = 'pending-verification' AND role = 'patient' AND patient_id IS NULL AND disabled_at IS NULL
      ORDER BY created_at, id LIMIT $1`,
    [limit],
  );
}

/** The pending signup with this id, locked for the link. */
export async function pendingSignup(db: Queryable, userId: string): Promise<PendingRow | undefined> {
  const rows = await db.query<PendingRow>(
    `SELECT id, email, created_at, signup_details FROM users
      WHERE id = $1 AND status = 'pending-verification' AND role = 'patient' AND patient_id IS NULL AND disabled_at IS NULL FOR UPDATE`,
    [userId],
  );
  return rows[0];
}

export async function linkSignup(db: Queryable, userId: string, patientId: string): Promise<void> {
  await db.query(`UPDATE users SET patient_id = $2, status = 'active' WHERE id = $1`, [userId, patientId]);
}

export async function tokenExpiry(db: Queryable, tokenId: string): Promise<Date> {
  const [row] = await db.query<{ expires_at: Date }>('SELECT expires_at FROM one_time_tokens WHERE id = $1', [tokenId]);
  return new Date(row!.expires_at);
}
