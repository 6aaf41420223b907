import { randomUUID } from 'node:crypto';
import type { Role } from '@ourchart/contracts';
import type { Db, Queryable } from '../db/db.ts';

export type User = {
  id: string;
  email: string;
  role: Role;
  displayName: string;
  patientId: string | null;
  practitionerId: string | null;
  locale: 'en' | 'es';
  passwordHash: string | null;
  disabled: boolean;
  status: 'active' | 'pending-verification';
  isDemo: boolean;
  organizationId: string | null;
  emailVerified: boolean;
};

type UserRow = {
  id: string; email: string; role: Role; display_name: string; patient_id: string | null;
  practitioner_id: string | null; locale: 'en' | 'es'; password_hash: string | null; disabled_at: Date | null;
  status: 'active' | 'pending-verification'; is_demo: boolean; organization_id: string | null; email_verified_at: Date | null;
};

function toUser(r: UserRow): User {
  return {
    id: r.id, email: r.email, role: r.role, displayName: r.display_name, patientId: r.patient_id,
    practitionerId: r.practitioner_id, locale: r.locale, passwordHash: r.password_hash, disabled: r.disabled_at !== null,
    status: r.status, isDemo: r.is_demo, organizationId: r.organization_id, emailVerified: r.email_verified_at !== null,
  };
}

/** Email addresses compare case-insensitively and without surrounding spaces. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function findUserByEmail(db: Queryable, email: string): Promise<User | undefined> {
  const rows = await db.query<UserRow>('SELECT * FROM users WHERE email_normalized = $1', [normalizeEmail(email)]);
  return rows[0] && toUser(rows[0]);
}

export async function getUser(db: Queryable, id: string): Promise<User | undefined> {
  const rows = await db.query<UserRow>('SELECT * FROM users WHERE id = $1', [id]);
  return rows[0] && toUser(rows[0]);
}

export type NewUser = Pick<User, 'email' | 'role' | 'displayName' | 'patientId' | 'practitionerId'> & {
  passwordHash: string | null;
  locale?: 'en' | 'es';
  organizationId?: string | null;
  isDemo?: boolean;
  status?: User['status'];
  emailVerified?: boolean;
};

/** Inserts a user, or updates the one with the same email (seeding is idempotent). Returns its id. */
export async function upsertUser(db: Queryable, u: NewUser): Promise<string> {
  const rows = await db.query<{ id: string }>(
    `INSERT INTO users (id, email, email_normalized, password_hash, role, display_name, patient_id, practitioner_id, locale,
                        organization_id, is_demo, status, email_verified_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, CASE WHEN $13::boolean THEN now() END)
     ON CONFLICT (email_normalized) DO UPDATE SET role = EXCLUDED.role, display_name = EXCLUDED.display_name,
       patient_id = EXCLUDED.patient_id, practitioner_id = EXCLUDED.practitioner_id, organization_id = EXCLUDED.organization_id,
       is_demo = EXCLUDED.is_demo
     RETURNING id`,
    [randomUUID(), u.email.trim(), normalizeEmail(u.email), u.passwordHash, u.role, u.displayName, u.patientId, u.practitionerId,
      u.locale ?? 'en', u.organizationId ?? null, u.isDemo ?? false, u.status ?? 'active', u.emailVerified ?? false],
  );
  return rows[0]!.id;
}

export type ProxyGrant = { patientId: string; relationship: 'parent' | 'guardian' | 'caregiver'; scopes: string[] };

/** Every scope a grant can hold (platform/access/proxy-policy.ts PROXY_SCOPES). */
export const ALL_PROXY_SCOPES = ['record', 'messaging', 'appointments', 'billing', 'refills'];

/**
 * Creates or renews a proxy grant (demo seed, tests, accepted invitations, staff grants). An empty
 * scope list means every scope.
 */
export async function grantProxy(
  db: Queryable, granteeUserId: string,
  grant: ProxyGrant & { approvedBy?: string | null; approvalReason?: string | null; startsAt?: Date | null; expiresAt?: Date | null },
): Promise<void> {
  const scopes = grant.scopes.length ? grant.scopes : ALL_PROXY_SCOPES;
  await db.query(
    `INSERT INTO proxy_grants (id, grantee_user_id, patient_id, relationship, scopes, approved_by, approval_reason, starts_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, COALESCE($8, now()), $9)
     ON CONFLICT (grantee_user_id, patient_id) DO UPDATE SET relationship = EXCLUDED.relationship, scopes = EXCLUDED.scopes,
       approved_by = EXCLUDED.approved_by, approval_reason = EXCLUDED.approval_reason, starts_at = EXCLUDED.starts_at,
       expires_at = EXCLUDED.expires_at, created_at = now(), revoked_at = NULL, revoked_by = NULL, ended_reason = NULL`,
    [randomUUID(), granteeUserId, grant.patientId, grant.relationship, scopes, grant.approvedBy ?? null, grant.approvalReason ?? null,
      grant.startsAt ?? null, grant.expiresAt ?? null],
  );
}

/** Active proxy grants a user holds (started, not ended, not expired). Age rules are applied by PatientAccess. */
export async function activeGrants(db: Db, userId: string): Promise<ProxyGrant[]> {
  const rows = await db.query<{ patient_id: string; relationship: ProxyGrant['relationship']; scopes: string[] }>(
    `SELECT patient_id, relationship, scopes FROM proxy_grants
      WHERE grantee_user_id = $1 AND revoked_at IS NULL AND starts_at <= now() AND (expires_at IS NULL OR expires_at > now())
      ORDER BY created_at`,
    [userId],
  );
  return rows.map((r) => ({ patientId: r.patient_id, relationship: r.relationship, scopes: r.scopes }));
}
