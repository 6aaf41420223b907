import type { FastifyBaseLogger } from 'fastify';
import type { AppContext } from './context.ts';
import { hashPassword } from './platform/auth/passwords.ts';
import { grantProxy, upsertUser } from './platform/auth/users.ts';
import { buildDemoClinic, type DemoAccount } from './seed/index.ts';
import { CLINIC_ID as DEMO_ORGANIZATION_ID } from './seed/clinic.ts';
import { seedScheduling } from './features/scheduling-admin/seed-scheduling.ts';
import { seedDemoAppointments } from './features/appointments/seed-appointments.ts';
import { seedQuestionnaires } from './features/questionnaires/seed.ts';
import { seedMessaging } from './features/messaging/seed-messaging.ts';
import { seedPharmacies } from './features/refills/pharmacies.ts';

const SEED_KEY = 'demo_seed';

/**
 * Seeds the demo clinic once: the FHIR records (one transaction), later versions such as a
 * corrected lab result, and the demo accounts with their proxy grants. Skips when already seeded.
 * The clinic's history is generated relative to the day of the first start (deterministically).
 */
export async function seedDemoIfEmpty(ctx: AppContext, log: Pick<FastifyBaseLogger, 'info'>, anchorDate?: string): Promise<SeededAccount[]> {
  const done = await ctx.db.query<{ value: { anchorDate: string; accounts: SeededAccount[] } }>('SELECT value FROM app_settings WHERE key = $1', [SEED_KEY]);
  if (done[0]) {
    // Data directories seeded before scheduling existed get its setup too (once; a marker row guards it).
    await seedScheduling(ctx.db, ctx.keyring, done[0].value.anchorDate);
    await seedDemoAppointments(ctx, done[0].value.anchorDate);
    await seedQuestionnaires(ctx.store);
    await seedMessaging(ctx.db);
    await seedPharmacies(ctx.store);
    printAccounts(log, done[0].value.accounts);
    return done[0].value.accounts;
  }
  // Re-running after a crash half-way is safe: every step below is idempotent.
  const started = performance.now();
  const anchor = anchorDate ?? new Date().toISOString().slice(0, 10);
  const clinic = buildDemoClinic({ anchorDate: anchor });
  const accounts: SeededAccount[] = clinic.accounts.map((a) => ({ email: a.email, role: a.role }));
  await ctx.store.bundle(clinic.bundle, { postIds: 'fullUrl' });
  for (const resource of clinic.corrections) await ctx.store.update(resource);
  // PHQ-9, GAD-7 and the pre-visit form the visit types ask for at eCheck-in (idempotent).
  await seedQuestionnaires(ctx.store);
  // Scheduling setup (visit types, hours, a holiday, Schedules) right after the FHIR records it points at.
  await seedScheduling(ctx.db, ctx.keyring, anchor);
  await seedDemoAppointments(ctx, anchor);
  const hashes = await Promise.all(clinic.accounts.map((a) => hashPassword(a.password)));
  await ctx.db.transaction(async (tx) => {
    for (const [i, a] of clinic.accounts.entries()) {
      const userId = await upsertUser(tx, {
        email: a.email, role: a.role, displayName: a.displayName, patientId: a.patientId,
        practitionerId: a.practitionerId, passwordHash: hashes[i]!, isDemo: true, emailVerified: true,
        organizationId: a.role === 'patient' ? null : DEMO_ORGANIZATION_ID,
      });
      for (const p of a.proxyFor) await grantProxy(tx, userId, { patientId: p.patientId, relationship: p.relationship, scopes: [] });
    }
    await tx.query('INSERT INTO app_settings (key, value) VALUES ($1, $2)', [SEED_KEY, JSON.stringify({ anchorDate: anchor, accounts })]);
  });
  // Message pools and their demo staff (after the accounts exist; idempotent).
  await seedMessaging(ctx.db);
  // Pharmacies patients choose for refills (shared Organization resources; idempotent).
  await seedPharmacies(ctx.store);
  await ctx.store.analyze();
  log.info({ resources: clinic.bundle.entry?.length ?? 0, ms: Math.round(performance.now() - started) }, 'demo clinic seeded');
  printAccounts(log, accounts);
  return accounts;
}

export type SeededAccount = { email: string; role: DemoAccount['role'] };

/** The password every demo account shares (documented in the README; demo data only). */
export const DEMO_PASSWORD = 'demo-password-2026';

function printAccounts(log: Pick<FastifyBaseLogger, 'info'>, accounts: SeededAccount[]) {
  log.info(
    { accounts: accounts.map((a) => `${a.email} (${a.role})`), password: DEMO_PASSWORD },
    'demo mode: sign in with any of these accounts (demo data only, not real patients)',
  );
}
