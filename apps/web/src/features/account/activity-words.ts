import type { ActivityEntry } from '@ourchart/contracts';

/** FHIR types the portal shows, each with a plain name in the translations (activity.things). */
export const knownThings = [
  'Patient', 'Condition', 'MedicationRequest', 'AllergyIntolerance', 'Immunization',
  'Observation', 'DiagnosticReport', 'Encounter', 'DocumentReference', 'AuditEvent',
] as const;
export type Thing = (typeof knownThings)[number] | 'record';

/** Actions worded on their own ("Signed in"), keys of activity.actions. */
export const plainActions = [
  'sign-in', 'sign-out', 'sign-out-session', 'sign-out-others', 'break-glass', 'access', 'mfa-change',
  'password-change', 'password-reset', 'password-reset-request', 'email-change', 'activate', 'sign-up',
] as const;
/** Actions done to something ("Looked at test results"), keys of activity.actionsOn. */
export const thingActions = ['read', 'search', 'download', 'share'] as const;

export const knownRoles = [
  'patient', 'proxy', 'parent', 'guardian', 'caregiver', 'clinician', 'nurse', 'staff', 'admin', 'system', 'unknown',
] as const;
export const knownOutcomes = ['success', 'denied', 'not-found', 'failure'] as const;

export type ActionWording =
  | { kind: 'plain'; action: (typeof plainActions)[number] }
  | { kind: 'thing'; action: (typeof thingActions)[number]; thing: Thing }
  | { kind: 'other'; action: string };

function includes<T extends string>(list: readonly T[], value: string | null): value is T {
  return value !== null && (list as readonly string[]).includes(value);
}

/**
 * How to word what someone did, from the audit action and the FHIR type it touched:
 * read + Observation is "Looked at test results"; break-glass is "Opened your record in
 * an emergency". Types we have no words for read as "the record"; unknown actions are
 * shown as they are, so nothing is hidden from the person whose record it is.
 */
export function wordAction(entry: Pick<ActivityEntry, 'action' | 'what'>): ActionWording {
  // Staff opening the chart is logged as access to Patient; say it as opening the record.
  if (includes(plainActions, entry.action)) return { kind: 'plain', action: entry.action };
  if (includes(thingActions, entry.action)) {
    return { kind: 'thing', action: entry.action, thing: includes(knownThings, entry.what) ? entry.what : 'record' };
  }
  return { kind: 'other', action: entry.action };
}

/** Role key for the translations, or null when the role is not one we know (show it as sent). */
export function roleKey(role: string): (typeof knownRoles)[number] | null {
  return includes(knownRoles, role) ? role : null;
}

export function outcomeKey(outcome: string): (typeof knownOutcomes)[number] | null {
  return includes(knownOutcomes, outcome) ? outcome : null;
}
