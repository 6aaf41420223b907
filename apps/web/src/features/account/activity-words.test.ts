import { createInstance } from 'i18next';
import { describe, expect, it } from 'vitest';
import en from '../../i18n/en/activity.json';
import es from '../../i18n/es/activity.json';
import { knownFormats, knownThings, outcomeKey, plainActions, roleKey, sharingActions, sharingSentence, thingActions, wordAction } from './activity-words.ts';

describe('wordAction', () => {
  it('words reading a FHIR type as looking at that kind of thing', () => {
    expect(wordAction({ action: 'read', what: 'Observation' })).toEqual({ kind: 'thing', action: 'read', thing: 'Observation' });
    expect(wordAction({ action: 'search', what: 'MedicationRequest' })).toEqual({ kind: 'thing', action: 'search', thing: 'MedicationRequest' });
  });
  it('words a home reading, a correction decision and a clinician review as things added, changed and reviewed', () => {
    expect(wordAction({ action: 'create', what: 'Observation' })).toEqual({ kind: 'thing', action: 'create', thing: 'Observation' });
    expect(wordAction({ action: 'update', what: 'Task' })).toEqual({ kind: 'thing', action: 'update', thing: 'Task' });
    expect(wordAction({ action: 'review', what: 'DiagnosticReport' })).toEqual({ kind: 'thing', action: 'review', thing: 'DiagnosticReport' });
  });
  it('falls back to "the record" for types without words', () => {
    expect(wordAction({ action: 'read', what: 'Basic' })).toEqual({ kind: 'thing', action: 'read', thing: 'record' });
    expect(wordAction({ action: 'read', what: null })).toEqual({ kind: 'thing', action: 'read', thing: 'record' });
  });
  it('words sign-in and break-the-glass on their own, whatever was touched', () => {
    expect(wordAction({ action: 'sign-in', what: null })).toEqual({ kind: 'plain', action: 'sign-in' });
    expect(wordAction({ action: 'break-glass', what: 'Patient' })).toEqual({ kind: 'plain', action: 'break-glass' });
  });
  it('keeps actions it does not know, rather than hiding them', () => {
    expect(wordAction({ action: 'export-everything', what: null })).toEqual({ kind: 'other', action: 'export-everything' });
  });
});

describe('roles and outcomes', () => {
  it('knows the portal roles and leaves others as sent', () => {
    expect(roleKey('clinician')).toBe('clinician');
    expect(roleKey('proxy')).toBe('proxy');
    expect(roleKey('wizard')).toBeNull();
    expect(outcomeKey('denied')).toBe('denied');
    expect(outcomeKey('maybe')).toBeNull();
  });
});

describe('the words themselves', () => {
  const i18n = createInstance();
  void i18n.init({ resources: { en: { activity: en }, es: { activity: es } }, lng: 'en', initAsync: false, interpolation: { escapeValue: false } });
  // Keys are built from data here, so the typed t() is loosened on purpose.
  const t = (lng: string, key: string, options: Record<string, string> = {}): string =>
    (i18n.getFixedT(lng, 'activity') as unknown as (key: string, options: Record<string, string>) => string)(key, options);

  it('reads as plain English and Spanish', () => {
    expect(t('en', 'actionsOn.read', { thing: t('en', 'things.Observation') })).toBe('Looked at test results');
    expect(t('es', 'actionsOn.read', { thing: t('es', 'things.Observation') })).toBe('Vio los resultados de pruebas');
    expect(t('en', 'actions.break-glass')).toBe('Opened your record in an emergency');
  });

  it('has words in both languages for every action, thing, role and outcome the code can pick', () => {
    const keys = [
      ...plainActions.map((a) => `actions.${a}`),
      ...thingActions.map((a) => `actionsOn.${a}`),
      ...[...knownThings, 'record'].map((thing) => `things.${thing}`),
    ];
    for (const lng of ['en', 'es']) {
      for (const key of keys) expect(i18n.exists(key, { lng, ns: 'activity' }), `${lng}: ${key}`).toBe(true);
    }
    expect(roleKey('system')).toBe('system');
  });

  it('words downloads, sends and share links with their format, dates and recipient', () => {
    const details = { format: 'pdf', from: '2024-01-01', to: '2024-12-31', recipient: null };
    const download = wordAction({ action: 'download', what: 'record', details });
    if (download.kind !== 'sharing') throw new Error('expected a sharing wording');
    expect(sharingSentence(download, (k, o) => t('en', k, o), 'en-US')).toBe('Downloaded the record as a PDF (dates Jan 1, 2024 to Dec 31, 2024)');
    expect(sharingSentence(download, (k, o) => t('es', k, o), 'es-US')).toMatch(/^Descargó el expediente como un PDF \(fechas del 1 ene 2024 al 31 dic 2024\)$/);
    const sent = wordAction({ action: 'transmit', what: 'record', details: { ...details, format: 'ccda', recipient: 'dr@clinic.example' } });
    if (sent.kind !== 'sharing') throw new Error('expected a sharing wording');
    expect(sharingSentence(sent, (k, o) => t('en', k, o), 'en-US')).toBe('Sent the record by email to dr@clinic.example (dates Jan 1, 2024 to Dec 31, 2024)');
    const revoked = wordAction({ action: 'share-revoke', what: 'record', details: { format: null, from: null, to: null, recipient: null } });
    if (revoked.kind !== 'sharing') throw new Error('expected a sharing wording');
    expect(sharingSentence(revoked, (k, o) => t('en', k, o), 'en-US')).toBe('Turned off a share link');
    // An old download entry without details still reads as a download of a thing.
    expect(wordAction({ action: 'download', what: 'DocumentReference' })).toEqual({ kind: 'thing', action: 'download', thing: 'DocumentReference' });
    expect(t('en', `roles.${roleKey('share-recipient')}`)).toBe('someone with a share link');
  });

  it('has sharing words in both languages', () => {
    const keys = [
      ...sharingActions.flatMap((a) => [`shared.${a}`]),
      'shared.download-dated', 'shared.transmit-unnamed', 'shared.share-create-unnamed', 'shared.share-revoke-unnamed',
      ...knownFormats.map((f) => `formats.${f}`), 'range', 'roles.share-recipient',
    ];
    for (const lng of ['en', 'es']) for (const key of keys) expect(i18n.exists(key, { lng, ns: 'activity' }), `${lng}: ${key}`).toBe(true);
  });
});
