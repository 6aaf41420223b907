import { createInstance } from 'i18next';
import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import type { SmartPatientChoice, SmartScopeSummary } from '@ourchart/contracts';
import en from '../../i18n/en/apps.json';
import es from '../../i18n/es/apps.json';
import enAdmin from '../../i18n/en/admin-apps.json';
import esAdmin from '../../i18n/es/admin-apps.json';
import { accessInWords, recordLimitInWords } from './scope-words.ts';

async function words(lng: 'en' | 'es'): Promise<TFunction<'apps'>> {
  const i18n = createInstance();
  await i18n.init({ lng, ns: ['apps'], defaultNS: 'apps', resources: { en: { apps: en }, es: { apps: es } }, interpolation: { escapeValue: false } });
  return i18n.getFixedT(lng, 'apps') as unknown as TFunction<'apps'>;
}

const summary = (over: Partial<SmartScopeSummary>): SmartScopeSummary => ({
  resources: [], openid: false, fhirUser: false, offlineAccess: false, launchPatient: true, ignored: [], ...over,
});

const read = (resourceType: string, category: string | null = null) => ({ resourceType, access: 'read' as const, category });

/** Every key path of a JSON object, to compare the two languages. */
const keys = (value: object, prefix = ''): string[] =>
  Object.entries(value).flatMap(([k, v]) => (v && typeof v === 'object' ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`])).sort();

describe('accessInWords', () => {
  it('says "Everything in your record", "Who you are" and "Keep access until you remove it" for patient/*.rs openid fhirUser offline_access', async () => {
    const t = await words('en');
    expect(accessInWords(t, summary({ resources: [read('*'), read('Observation', 'laboratory')], openid: true, fhirUser: true, offlineAccess: true }))).toEqual([
      'Everything in your record', 'Who you are', 'Keep access until you remove it',
    ]);
  });

  it('names each part of the record in words, lab-only results as such, and short access without offline_access', async () => {
    const t = await words('en');
    expect(accessInWords(t, summary({ resources: [read('Patient'), read('Observation', 'laboratory'), read('MedicationRequest')] }))).toEqual([
      'Your name, birth date and contact details', 'Test results (lab only)', 'Medications', 'Access for about one hour at a time',
    ]);
  });

  it('falls back to the type and category code for ones without words, and says each line once', async () => {
    const t = await words('en');
    expect(accessInWords(t, summary({ resources: [read('Basic'), read('Condition', 'problem-list-item'), read('Observation', 'weird'), read('Observation', 'weird')] }))).toEqual([
      'Records of type Basic', 'Health problems (only “problem-list-item”)', 'Test results and measurements (only “weird”)', 'Access for about one hour at a time',
    ]);
  });

  it('speaks Spanish', async () => {
    const t = await words('es');
    expect(accessInWords(t, summary({ resources: [read('*')], openid: true, offlineAccess: true }))).toEqual([
      'Todo su expediente', 'Quién es usted', 'Mantener el acceso hasta que usted lo quite',
    ]);
    expect(accessInWords(t, summary({ resources: [read('Observation', 'laboratory')] }))[0]).toBe('Resultados de pruebas (solo de laboratorio)');
  });

  it('says what of a record a limited proxy’s app will see, from the proxy’s features, and nothing for one’s own record', async () => {
    const tEn = await words('en');
    const ethan: SmartPatientChoice = { id: 'e', name: 'Ethan Chen', relationship: 'parent', limitedTo: ['immunizations', 'messaging', 'appointments', 'billing'] };
    expect(recordLimitInWords(tEn, 'en', ethan)).toBe('Only what you can see of Ethan Chen’s record: vaccines, messages, appointments, and bills.');
    // The health record already includes vaccines: not named twice.
    expect(recordLimitInWords(tEn, 'en', { ...ethan, limitedTo: ['record', 'immunizations', 'billing'] })).toBe('Only what you can see of Ethan Chen’s record: the health record and bills.');
    expect(recordLimitInWords(tEn, 'en', { id: 'a', name: 'Ana', relationship: 'self', limitedTo: null })).toBeNull();
    const tEs = await words('es');
    expect(recordLimitInWords(tEs, 'es', { ...ethan, limitedTo: ['immunizations', 'appointments'] })).toBe('Solo lo que usted puede ver del expediente de Ethan Chen: las vacunas y las citas.');
  });

  it('has every English key in Spanish too, for the patient pages and the admin page', () => {
    expect(keys(es)).toEqual(keys(en));
    expect(keys(esAdmin)).toEqual(keys(enAdmin));
  });
});
