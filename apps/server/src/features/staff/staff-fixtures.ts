import { randomUUID } from 'node:crypto';
import type { CareTeam, Patient } from '@medplum/fhirtypes';
import type { AppContext } from '../../context.ts';
import { hashPassword } from '../../platform/auth/passwords.ts';
import { createSession } from '../../platform/auth/sessions.ts';
import { upsertUser } from '../../platform/auth/users.ts';
import { buildPatient } from '../../test/factories.ts';

/** Test fixtures for staff and admin users (integration tests only). */

export type StaffRole = 'clinician' | 'nurse' | 'staff' | 'admin';

/**
 * A staff user with a live session. `mfa` (default true) registers a passkey row so the staff MFA
 * rule is met; sessions are created directly because the sign-in flow is tested elsewhere.
 */
export async function createStaffUser(ctx: AppContext, o: { role: StaffRole; organizationId: string | null; practitionerId?: string | null; mfa?: boolean; isDemo?: boolean; name?: string; password?: string }) {
  const tag = randomUUID().slice(0, 8);
  const displayName = o.name ?? `${o.role[0]!.toUpperCase()}${o.role.slice(1)} ${tag}`;
  const email = `${o.role}-${tag}@clinic.test`;
  const userId = await upsertUser(ctx.db, {
    email, role: o.role, displayName, patientId: null, practitionerId: o.practitionerId ?? null, passwordHash: o.password ? await hashPassword(o.password) : null,
    organizationId: o.organizationId, isDemo: o.isDemo ?? false, emailVerified: true,
  });
  if (o.mfa ?? true) {
    await ctx.db.query(`INSERT INTO webauthn_credentials (id, user_id, public_key, name) VALUES ($1, $2, 'test-key', 'Test key')`, [`cred-${tag}`, userId]);
  }
  return { userId, email, displayName, cookie: await sessionCookie(ctx, userId) };
}

/** A fresh session for any user, as a cookie header. */
export async function sessionCookie(ctx: AppContext, userId: string): Promise<string> {
  const { token } = await createSession(ctx.db, userId, { idleSeconds: ctx.config.sessionIdleSeconds, maxSeconds: ctx.config.sessionMaxSeconds }, { ip: '127.0.0.1' });
  return `oc_session=${token}`;
}

/** A Patient managed by an organization (or by none). */
export async function createManagedPatient(ctx: AppContext, organizationId: string | null, overrides: Partial<Patient> = {}): Promise<Patient> {
  return ctx.store.create(buildPatient({ ...(organizationId ? { managingOrganization: { reference: `Organization/${organizationId}` } } : {}), ...overrides }));
}

export async function createCareTeam(ctx: AppContext, patientId: string, members: string[], status: CareTeam['status'] = 'active'): Promise<CareTeam> {
  return ctx.store.create<CareTeam>({
    resourceType: 'CareTeam', status, subject: { reference: `Patient/${patientId}` },
    participant: members.map((reference) => ({ member: { reference } })),
  });
}
