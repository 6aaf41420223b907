import type { Queryable } from '../db/db.ts';
import { AppError } from '../http/errors.ts';
import { ageInYears, DEFAULT_AGE_RULES, proxyView, type AgeRules, type Feature, type ProxyRelationship, type ProxyView } from './proxy-policy.ts';

/** What the proxy policy needs to know about a patient: birth date and organization (from the Patient resource). */
export type PatientAgeFacts = { birthDate: string | null; organizationId: string | null };

export async function patientAgeFacts(q: Queryable, patientId: string): Promise<PatientAgeFacts> {
  const [row] = await q.query<{ birth_date: string | null; org: string | null }>(
    `SELECT content->>'birthDate' AS birth_date, content->'managingOrganization'->>'reference' AS org
       FROM resources WHERE resource_type = 'Patient' AND id = $1 AND NOT deleted`,
    [patientId],
  );
  const org = row?.org?.startsWith('Organization/') ? row.org.slice('Organization/'.length) : null;
  return { birthDate: row?.birth_date ?? null, organizationId: org };
}

type RulesRow = { own_account_min_age: number; adolescent_age: number; adult_age: number; adolescent_parent_features: string[] };

/** The age rules of an organization, else the 'default' row, else the built-in defaults. */
export async function ageRulesFor(q: Queryable, organizationId: string | null): Promise<AgeRules> {
  const rows = await q.query<RulesRow & { organization_id: string }>(
    `SELECT organization_id, own_account_min_age, adolescent_age, adult_age, adolescent_parent_features
       FROM proxy_age_rules WHERE organization_id = ANY($1::text[])`,
    [[organizationId ?? 'default', 'default']],
  );
  const row = rows.find((r) => r.organization_id === organizationId) ?? rows.find((r) => r.organization_id === 'default');
  if (!row) return DEFAULT_AGE_RULES;
  return {
    ownAccountMinAge: row.own_account_min_age,
    adolescentAge: row.adolescent_age,
    adultAge: row.adult_age,
    adolescentParentFeatures: row.adolescent_parent_features as Feature[],
  };
}

/** The proxy view of one grant today: the grant's scopes narrowed by the patient's age and the organization's rules. */
export async function proxyViewOf(q: Queryable, grant: { patientId: string; relationship: ProxyRelationship; scopes: readonly string[] }, on = new Date()): Promise<ProxyView> {
  const facts = await patientAgeFacts(q, grant.patientId);
  const rules = await ageRulesFor(q, facts.organizationId);
  return proxyView({ relationship: grant.relationship, scopes: grant.scopes, age: facts.birthDate ? ageInYears(facts.birthDate, on) : null, rules });
}

/**
 * Everyone who may see one feature of a patient's record now: the patient's own account(s) and
 * every proxy whose active grant, at the patient's age, covers it (null feature: any proxy with an
 * active grant). `patientsOwnItem`: the item is the patient's own (a thread they started), so proxies
 * under the adolescent rules are left out. The one place notifications and emails find their recipients.
 */
export async function patientAudience(q: Queryable, patientId: string, feature: Feature | null, options: { patientsOwnItem?: boolean } = {}): Promise<string[]> {
  const own = await q.query<{ id: string }>(`SELECT id FROM users WHERE patient_id = $1 AND disabled_at IS NULL`, [patientId]);
  const grants = await q.query<{ id: string; relationship: ProxyRelationship; scopes: string[] }>(
    `SELECT g.grantee_user_id AS id, g.relationship, g.scopes FROM proxy_grants g JOIN users u ON u.id = g.grantee_user_id
      WHERE g.patient_id = $1 AND g.revoked_at IS NULL AND g.starts_at <= now() AND (g.expires_at IS NULL OR g.expires_at > now())
        AND u.disabled_at IS NULL`,
    [patientId],
  );
  const out = own.map((r) => r.id);
  if (grants.length) {
    const facts = await patientAgeFacts(q, patientId);
    const rules = await ageRulesFor(q, facts.organizationId);
    const age = facts.birthDate ? ageInYears(facts.birthDate, new Date()) : null;
    for (const g of grants) {
      const view = proxyView({ relationship: g.relationship, scopes: g.scopes, age, rules });
      if (view.endedByAge) continue;
      // Something the patient wrote themself (a teen's own message thread) is not a parent's to hear of.
      if (options.patientsOwnItem && view.hidesPatientsOwnMessages) continue;
      if (feature === null ? view.features.size > 0 : view.features.has(feature)) out.push(g.id);
    }
  }
  return [...new Set(out)];
}

/**
 * Refuses an own account for a patient younger than the organization's minimum age (default 12):
 * until then a parent or guardian sees the record as a proxy.
 */
export async function assertOldEnoughForOwnAccount(q: Queryable, patientId: string): Promise<void> {
  const facts = await patientAgeFacts(q, patientId);
  const rules = await ageRulesFor(q, facts.organizationId);
  const age = facts.birthDate ? ageInYears(facts.birthDate, new Date()) : null;
  if (age !== null && age < rules.ownAccountMinAge) {
    throw new AppError('VALIDATION', `Patients can have their own account from age ${rules.ownAccountMinAge}. Until then, a parent or guardian sees the record as a proxy.`);
  }
}
