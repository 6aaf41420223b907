import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ALL_RULES } from './due-care.ts';

// The web app words each rule by its id (apps/web/src/i18n/<lang>/immunizations.json). A rule
// added here without words would show its bare id to patients.
const words = (lang: 'en' | 'es') =>
  JSON.parse(readFileSync(new URL(`../../../../web/src/i18n/${lang}/immunizations.json`, import.meta.url), 'utf8')) as { items: Record<string, { name: string; why: string }> };

describe('prevention rules', () => {
  it('have unique ids, https sources, and a name and reason in English and Spanish', () => {
    const ids = ALL_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const lang of ['en', 'es'] as const) {
      const items = words(lang).items;
      expect(Object.keys(items).sort()).toEqual([...ids].sort());
      for (const id of ids) expect(items[id]).toEqual({ name: expect.stringMatching(/\S/), why: expect.stringMatching(/\S/) });
    }
    for (const r of ALL_RULES) expect(r.source.url).toMatch(/^https:\/\/www\.(cdc\.gov|uspreventiveservicestaskforce\.org)\//);
  });

  it('have a sensible age window and codes to match', () => {
    for (const r of ALL_RULES) {
      expect(r.minAgeMonths, r.id).toBeLessThanOrEqual(r.maxAgeMonths);
      expect(r.codes.flatMap((c) => c.codes).length, r.id).toBeGreaterThan(0);
    }
  });
});
