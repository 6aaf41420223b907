import type { ActivityEntry } from '@ourchart/contracts';

/** FHIR types the portal shows, each with a plain name in the translations (activity.things). */
export const knownThings = [
  'Patient', 'Condition', 'MedicationRequest', 'AllergyIntolerance', 'Immunization',
  'Observation', 'DiagnosticReport', 'Encounter', 'DocumentReference', 'AuditEvent', 'Task',
] as const;
export type Thing = (typeof knownThings)[number] | 'record';

/** Actions worded on their own ("Signed in"), keys of activity.actions. */
export const plainActions = [
  'sign-in', 'sign-out', 'sign-out-session', 'sign-out-others', 'break-glass', 'access', 'mfa-change',
  'password-change', 'password-reset', 'password-reset-request', 'email-change', 'activate', 'sign-up',
  // SMART apps (issue 9): connecting, refusing and removing an app; the app's own reads are read/search.
  'smart-app-authorize', 'smart-app-deny', 'smart-app-revoke', 'smart-app-list',
] as const;
/** Actions done to something ("Looked at test results"), keys of activity.actionsOn. */
export const thingActions = ['read', 'search', 'download', 'share', 'create', 'update', 'review'] as const;

/** Download, transmit and share actions (ONC 170.315(e)(1)), worded with their format, dates and recipient: keys of activity.shared. */
export const sharingActions = ['download', 'transmit', 'share-create', 'share-revoke', 'share-view', 'share-download'] as const;
export const knownFormats = ['pdf', 'ccda', 'fhir'] as const;

export const knownRoles = [
  'patient', 'proxy', 'parent', 'guardian', 'caregiver', 'clinician', 'nurse', 'staff', 'admin', 'system', 'unknown', 'share-recipient',
] as const;
export const knownOutcomes = ['success', 'denied', 'not-found', 'failure'] as const;

export type ActionWording =
  | { kind: 'plain'; action: (typeof plainActions)[number] }
  | { kind: 'thing'; action: (typeof thingActions)[number]; thing: Thing }
  | { kind: 'sharing'; key: SharingKey; format: (typeof knownFormats)[number] | null; from: string | null; to: string | null; recipient: string | null }
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
export function wordAction(entry: Pick<ActivityEntry, 'action' | 'what' | 'details'>): ActionWording {
  // Staff opening the chart is logged as access to Patient; say it as opening the record.
  if (includes(plainActions, entry.action)) return { kind: 'plain', action: entry.action };
  if (includes(sharingActions, entry.action) && (entry.details || entry.action !== 'download')) return wordSharing(entry.action, entry.details ?? null);
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

type SharingKey = `${(typeof sharingActions)[number]}${'' | '-unnamed' | '-dated'}`;

/**
 * Downloads, sends and share links with what the person needs to recognise them: "Downloaded
 * the record as a PDF (dates Jan 1, 2024 to Dec 31, 2024)", "Made a share link for Dr. Lee".
 * Without a recipient name the "-unnamed" wording is used; a download logged without its format
 * (older entries) is "download-dated", worded without it.
 */
function wordSharing(action: (typeof sharingActions)[number], details: ActivityEntry['details'] | null): ActionWording {
  const format = details?.format && includes(knownFormats, details.format) ? details.format : null;
  const recipient = details?.recipient ?? null;
  const named = action === 'share-create' || action === 'share-revoke' || action === 'transmit';
  const key: SharingKey = named && !recipient ? `${action}-unnamed` : action === 'download' && !format ? 'download-dated' : action;
  return { kind: 'sharing', key, format, from: details?.from ?? null, to: details?.to ?? null, recipient };
}

/** "Jan 1, 2024" for a calendar day, as written (no time-zone shift). */
export function formatDay(day: string, locale: string): string {
  const date = new Date(`${day.slice(0, 10)}T12:00:00Z`);
  return Number.isNaN(date.getTime()) ? day : new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/** The sentence for a sharing wording, with a loosely typed t() (keys are built from data). */
export function sharingSentence(w: Extract<ActionWording, { kind: 'sharing' }>, t: (key: string, options?: Record<string, string>) => string, locale: string): string {
  const range = w.from && w.to ? t('range', { from: formatDay(w.from, locale), to: formatDay(w.to, locale) }) : '';
  return t(`shared.${w.key}`, { format: w.format ? t(`formats.${w.format}`) : '', range, recipient: w.recipient ?? '' }).trim();
}
