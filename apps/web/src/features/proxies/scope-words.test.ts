import { describe, expect, it } from 'vitest';
import { featuresToName, isPastDay, listInWords, looksLikeEmail, orderedScopes, todayIso } from './scope-words.ts';
import en from '../../i18n/en/proxies.json';
import es from '../../i18n/es/proxies.json';

describe('featuresToName', () => {
  it('names vaccines only when the full record is not there (a parent of a teenager)', () => {
    expect(featuresToName(['record', 'immunizations', 'messaging'])).toEqual(['record', 'messaging']);
    expect(featuresToName(['appointments', 'immunizations', 'billing', 'messaging'])).toEqual(['immunizations', 'messaging', 'appointments', 'billing']);
    expect(featuresToName([])).toEqual([]);
  });
});

describe('the scope words', () => {
  it('has a name, a one-line explanation and a feature phrase for every scope, in both languages', () => {
    for (const words of [en, es]) {
      for (const scope of ['record', 'messaging', 'appointments', 'billing', 'refills'] as const) {
        expect(words.scope[scope].length).toBeGreaterThan(3);
        expect(words.scopeHint[scope]).toMatch(/\.$/);
        expect(words.feature[scope].length).toBeGreaterThan(3);
      }
      expect(words.feature.immunizations.length).toBeGreaterThan(3);
    }
  });

  it('words what a teenager\'s parent can do as one sentence', () => {
    const names = featuresToName(['immunizations', 'appointments', 'messaging']).map((f) => en.feature[f]);
    expect(en.canDo.replace('{{list}}', listInWords(names, 'en'))).toBe('Can see vaccines, send messages to the care team, and manage appointments.');
    const spanish = featuresToName(['immunizations', 'appointments']).map((f) => es.feature[f]);
    expect(es.canDo.replace('{{list}}', listInWords(spanish, 'es'))).toBe('Puede ver las vacunas y manejar las citas.');
  });
});

describe('form checks', () => {
  it('refuses end dates before today but accepts today and empty', () => {
    expect(isPastDay('2026-12-05', '2026-12-06')).toBe(true);
    expect(isPastDay('2026-12-06', '2026-12-06')).toBe(false);
    expect(isPastDay('', '2026-12-06')).toBe(false);
  });

  it('writes today as YYYY-MM-DD in local time', () => {
    expect(todayIso(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05');
  });

  it('checks the shape of an email address', () => {
    expect(looksLikeEmail(' caregiver@ourchart.example ')).toBe(true);
    expect(looksLikeEmail('caregiver@')).toBe(false);
    expect(looksLikeEmail('no at sign.example')).toBe(false);
  });

  it('keeps ticked scopes in the order the form lists them', () => {
    expect(orderedScopes(new Set(['billing', 'record'] as const))).toEqual(['record', 'billing']);
  });
});
