import type { SmartPatientChoice, SmartScopeSummary } from '@ourchart/contracts';
import type { TFunction } from 'i18next';
import { featuresToName, listInWords } from '../proxies/scope-words.ts';
import type enApps from '../../i18n/en/apps.json';

type KnownType = keyof typeof enApps.see.type;
type KnownCategory = keyof typeof enApps.see.category;

const isKnownType = (type: string): type is KnownType => Object.hasOwn(WORDS_TYPES, type);
const isKnownCategory = (code: string): code is KnownCategory => Object.hasOwn(WORDS_CATEGORIES, code);

// Keys only (the words themselves are in the JSON): kept here so a lookup cannot go outside them.
const WORDS_TYPES: Record<KnownType, true> = {
  Patient: true, AllergyIntolerance: true, CarePlan: true, CareTeam: true, Condition: true, Coverage: true, Device: true,
  DiagnosticReport: true, DocumentReference: true, Encounter: true, Goal: true, Immunization: true, Location: true, Medication: true,
  MedicationDispense: true, MedicationRequest: true, Observation: true, Organization: true, Practitioner: true, PractitionerRole: true,
  Procedure: true, Provenance: true, QuestionnaireResponse: true, RelatedPerson: true, Specimen: true,
};
const WORDS_CATEGORIES: Record<KnownCategory, true> = {
  laboratory: true, 'vital-signs': true, 'social-history': true, survey: true, imaging: true, exam: true,
};

/** One thing an app may read, in words: "Medications", "Test results (lab only)", "Everything in your record". */
function itemInWords(t: TFunction<'apps'>, item: SmartScopeSummary['resources'][number]): string {
  if (item.resourceType === '*') return t('see.all');
  const what = isKnownType(item.resourceType) ? t(`see.type.${item.resourceType}`) : t('see.otherType', { type: item.resourceType });
  if (!item.category) return what;
  if (item.resourceType === 'Observation' && isKnownCategory(item.category)) return t(`see.category.${item.category}`);
  return t('see.otherCategory', { what, category: item.category });
}

/**
 * What an app asked for (or holds), as the lines a patient reads: each part of the record, then
 * "Who you are" (openid / fhirUser) and how long access lasts (offline_access or about an hour).
 */
export function accessInWords(t: TFunction<'apps'>, scopes: SmartScopeSummary): string[] {
  const lines = scopes.resources.some((r) => r.resourceType === '*')
    ? [t('see.all')]
    : [...new Set(scopes.resources.map((item) => itemInWords(t, item)))];
  if (scopes.openid || scopes.fhirUser) lines.push(t('see.identity'));
  lines.push(t(scopes.offlineAccess ? 'see.offline' : 'see.shortTime'));
  return lines;
}

/**
 * For a record the person may only partly see (a proxy), what the app will get of it, from the
 * proxy's features: "Only what you can see of Ethan’s record: vaccines, messages, appointments and
 * bills." null when the app gets everything it asked for (the person's own record).
 */
export function recordLimitInWords(t: TFunction<'apps'>, locale: string, patient: SmartPatientChoice): string | null {
  if (!patient.limitedTo) return null;
  const parts = featuresToName(patient.limitedTo).map((f) => t(`consent.part.${f}`));
  return t('consent.limited', { name: patient.name, list: listInWords(parts, locale) });
}
