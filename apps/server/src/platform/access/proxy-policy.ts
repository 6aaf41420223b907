import type { Resource } from '@medplum/fhirtypes';

/**
 * Proxy policy (issue 7), pure: which features of a patient's record a proxy may use, from the
 * grant's scopes, the relationship and the patient's age. PatientAccess applies it; nothing else
 * decides what a proxy sees.
 */

/** What a patient (or staff) grants a proxy. */
export const PROXY_SCOPES = ['record', 'messaging', 'appointments', 'billing', 'refills'] as const;
export type ProxyScope = (typeof PROXY_SCOPES)[number];

/** What PatientAccess checks. `immunizations` is part of `record`, and on its own the adolescent view. */
export const FEATURES = ['record', 'immunizations', 'messaging', 'appointments', 'billing', 'refills'] as const;
export type Feature = (typeof FEATURES)[number];

export type ProxyRelationship = 'parent' | 'guardian' | 'caregiver';
export type AgeBand = 'child' | 'adolescent' | 'adult';

export type AgeRules = {
  ownAccountMinAge: number;
  adolescentAge: number;
  adultAge: number;
  adolescentParentFeatures: Feature[];
};

/** The defaults of issue 7 (MyChart's usual rules): own account from 12, limited parent view 12-17, parent access ends at 18. */
export const DEFAULT_AGE_RULES: AgeRules = {
  ownAccountMinAge: 12,
  adolescentAge: 12,
  adultAge: 18,
  adolescentParentFeatures: ['appointments', 'immunizations', 'billing', 'messaging'],
};

/** Whole years between a FHIR birthDate (YYYY, YYYY-MM or YYYY-MM-DD) and `on` (UTC calendar day). */
export function ageInYears(birthDate: string, on: Date): number | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(birthDate);
  if (!m) return null;
  const year = Number(m[1]);
  // A partial date counts from its last possible day, so nobody becomes "adult" early.
  const month = m[2] ? Number(m[2]) : 12;
  const day = m[3] ? Number(m[3]) : new Date(Date.UTC(year, month, 0)).getUTCDate();
  let age = on.getUTCFullYear() - year;
  const beforeBirthday = on.getUTCMonth() + 1 < month || (on.getUTCMonth() + 1 === month && on.getUTCDate() < day);
  if (beforeBirthday) age--;
  return age;
}

/** The age band of a patient; unknown birth dates count as adult (the strictest for parents). */
export function ageBand(age: number | null, rules: AgeRules): AgeBand {
  if (age === null || age >= rules.adultAge) return 'adult';
  return age >= rules.adolescentAge ? 'adolescent' : 'child';
}

/** The day a patient reaches `years` (for "parent access ends on ..."), as YYYY-MM-DD; null without a full birth date. */
export function birthdayAt(birthDate: string, years: number): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate);
  if (!m) return null;
  return `${String(Number(m[1]) + years).padStart(4, '0')}-${m[2]}-${m[3]}`;
}

/** Parents and guardians lose the full view of an adolescent; only parents lose access at adulthood (a guardian's is court-appointed and ends by date). */
const AGE_LIMITED: ReadonlySet<ProxyRelationship> = new Set(['parent', 'guardian']);

export type ProxyView = {
  /** Features the proxy may use now; empty when the grant has ended by age. */
  features: ReadonlySet<Feature>;
  band: AgeBand;
  /** A parent's access that ended because the patient is now an adult. */
  endedByAge: boolean;
  /** Adolescent rules apply: the teen's own messages are hidden from this proxy. */
  hidesPatientsOwnMessages: boolean;
};

/** What a proxy may use of a patient's record: the grant's scopes, narrowed by the patient's age. */
export function proxyView(input: { relationship: ProxyRelationship; scopes: readonly string[]; age: number | null; rules: AgeRules }): ProxyView {
  const band = ageBand(input.age, input.rules);
  const granted = new Set<Feature>();
  for (const s of input.scopes) {
    if ((PROXY_SCOPES as readonly string[]).includes(s)) granted.add(s as Feature);
    if (s === 'record') granted.add('immunizations');
  }
  if (input.relationship === 'parent' && band === 'adult') {
    return { features: new Set(), band, endedByAge: true, hidesPatientsOwnMessages: true };
  }
  if (AGE_LIMITED.has(input.relationship) && band === 'adolescent') {
    const allowed = new Set(input.rules.adolescentParentFeatures);
    return { features: new Set([...granted].filter((f) => allowed.has(f))), band, endedByAge: false, hidesPatientsOwnMessages: true };
  }
  return { features: granted, band, endedByAge: false, hidesPatientsOwnMessages: false };
}

const BY_TYPE: Record<string, Feature> = {
  Immunization: 'immunizations',
  ImmunizationRecommendation: 'immunizations',
  Appointment: 'appointments',
  Slot: 'appointments',
  Communication: 'messaging',
  CommunicationRequest: 'messaging',
  Claim: 'billing',
  ClaimResponse: 'billing',
  ExplanationOfBenefit: 'billing',
  Coverage: 'billing',
  Account: 'billing',
  Invoice: 'billing',
  PaymentNotice: 'billing',
  PaymentReconciliation: 'billing',
};

/**
 * The feature a resource type belongs to; null for the Patient resource itself, which every proxy
 * may read (whose record it is, their age). Everything else is the health record.
 */
export function featureOfType(resourceType: Resource['resourceType'] | string): Feature | null {
  if (resourceType === 'Patient') return null;
  return BY_TYPE[resourceType] ?? 'record';
}
