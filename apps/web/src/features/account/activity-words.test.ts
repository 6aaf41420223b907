import { createInstance } from 'i18next';
import { describe, expect, it } from 'vitest';
import en from '../../i18n/en/activity.json';
import es from '../../i18n/es/activity.json';
import { knownThings, outcomeKey, plainActions, roleKey, thingActions, wordAction } from './activity-words.ts';

describe('wordAction', () => {
  it('words reading a FHIR type as looking at that kind of thing', () => {
    expect(wordAction({ action: 'read', what: 'Observation' })).toEqual({ kind: 'thing', action: 'read', thing: 'Observation' });
    expect(wordAction({ action: 'search', what: 'MedicationRequest' })).toEqual({ kind: 'thing', action: 'search', thing: 'MedicationRequest' });
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
});
