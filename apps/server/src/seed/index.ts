import type { Bundle, BundleEntry, Resource } from '@medplum/fhirtypes';
import { buildDemoAccounts, type DemoAccount } from './accounts.ts';
import { addClaims, type CoverageInfo } from './billing.ts';
import { addClinic } from './clinic.ts';
import { addAnaHistory } from './history-ana.ts';
import { addDavidHistory, addEthanHistory, addLilyHistory } from './history-chen-family.ts';
import { addJoseHistory } from './history-jose.ts';
import { addMariaHistory } from './history-maria.ts';
import { addGraceHistory, addPriyaHistory, addSamuelHistory } from './history-others.ts';
import { addPatients } from './patients.ts';
import { createSeedContext } from './seed-context.ts';

export type { DemoAccount } from './accounts.ts';
export { DEMO_PASSWORD } from './accounts.ts';
export { eobPatientBalance } from './billing.ts';

export type DemoClinic = {
  /** One FHIR R4 transaction bundle; every entry is a PUT to "Type/id" with a readable id. */
  bundle: Bundle;
  /** Later versions of resources in the bundle, applied after it (so version history exists). */
  corrections: Resource[];
  accounts: DemoAccount[];
};

/** Claims cover the last 18 months; the last 45 days are not paid by the patient yet. */
const CLAIM_WINDOW_DAYS = 548;
const UNPAID_DAYS = 45;

/**
 * Builds the Riverbend Community Health demo clinic: practitioners, nine patients with
 * multi-year histories, billing, and the demo logins. Deterministic: the same anchorDate
 * ("today" for the history) gives byte-identical JSON; another anchorDate shifts all dates.
 */
export function buildDemoClinic(options: { anchorDate: string }): DemoClinic {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(options.anchorDate) || Number.isNaN(Date.parse(options.anchorDate))) {
    throw new Error(`anchorDate must be YYYY-MM-DD, got "${options.anchorDate}"`);
  }
  const ctx = createSeedContext(options.anchorDate);
  addClinic(ctx);
  const patients = addPatients(ctx);
  const coverages: Partial<Record<string, CoverageInfo>> = {
    ana: addAnaHistory(ctx, patients.ana),
    ...addDavidHistory(ctx, patients.david, [patients.lily, patients.ethan]),
    maria: addMariaHistory(ctx, patients.maria),
    jose: addJoseHistory(ctx, patients.jose),
    grace: addGraceHistory(ctx, patients.grace),
    priya: addPriyaHistory(ctx, patients.priya),
  };
  addLilyHistory(ctx, patients.lily);
  addEthanHistory(ctx, patients.ethan);
  addSamuelHistory(ctx, patients.samuel);
  addClaims(ctx, coverages, CLAIM_WINDOW_DAYS, UNPAID_DAYS);
  const entry: BundleEntry[] = ctx.resources.map((resource) => ({
    resource,
    request: { method: 'PUT', url: `${resource.resourceType}/${resource.id}` },
  }));
  return {
    bundle: { resourceType: 'Bundle', id: 'demo-clinic-seed', type: 'transaction', entry },
    corrections: ctx.corrections,
    accounts: buildDemoAccounts(patients),
  };
}
