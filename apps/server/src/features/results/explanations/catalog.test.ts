import { describe, expect, test } from 'vitest';
import { LAB_PANELS, LAB_TESTS } from '../../../seed/lab-catalog.ts';
import { LAB_EXPLANATIONS, explanationFor, type Bilingual, type LabExplanation } from './catalog.ts';

/**
 * Laboratory LOINC codes in /work/shared/fixtures/fhir (synthea + us-core bundles), most common first.
 * Counted once by hand with a throwaway script; kept here so the test stays fast and offline.
 */
const FIXTURE_LAB_CODES = [
  '2093-3', '2571-8', '18262-6', '2085-9', '2339-0', '6299-2', '38483-4', '49765-1', '2947-0', '6298-4',
  '2069-3', '20565-8', '4548-4', '785-6', '33914-3', '6690-2', '789-8', '718-7', '787-2', '786-4',
  '21000-5', '777-3', '32207-3', '32623-1', '4544-3', '1975-2', '2885-2', '1751-7', '10834-0', '6768-6',
  '1742-6', '1920-8', '14959-1', '20570-8', '57905-2', '33762-6', '20454-5', '11279-7',
];

const entries = [...LAB_EXPLANATIONS.values()];
const texts = (e: LabExplanation): Bilingual[] =>
  [e.name, e.measures, e.high, e.low, e.askCareTeam].filter((x): x is Bilingual => x !== null);
const sentences = (s: string) => s.split(/(?<=[.!?])\s+/).map((x) => x.trim()).filter(Boolean);
const words = (s: string) => s.split(/\s+/).filter(Boolean).length;

describe('lab test explanations', () => {
  test('cover at least 60 tests', () => {
    expect(LAB_EXPLANATIONS.size).toBeGreaterThanOrEqual(60);
  });

  test('cover every test and panel in the demo lab catalog', () => {
    const demo = [
      ...Object.values(LAB_TESTS).map((x) => x.loinc),
      ...Object.values(LAB_PANELS).map((p) => p.code[1]),
    ];
    expect(demo.filter((code) => !LAB_EXPLANATIONS.has(code))).toEqual([]);
  });

  test('cover every laboratory code in the FHIR fixtures', () => {
    expect(FIXTURE_LAB_CODES.filter((code) => !LAB_EXPLANATIONS.has(code))).toEqual([]);
  });

  test('keys are well-formed LOINC codes matching their entries', () => {
    for (const [key, e] of LAB_EXPLANATIONS) {
      expect(key).toBe(e.loinc);
      expect(key).toMatch(/^\d{1,6}-\d$/);
    }
  });

  test('every field is filled in both languages, and the languages differ', () => {
    for (const e of entries) {
      for (const text of texts(e)) {
        expect(text.en.trim(), e.loinc).not.toBe('');
        expect(text.es.trim(), e.loinc).not.toBe('');
        expect(text.en, e.loinc).not.toBe(text.es);
      }
      expect(e.source.name.trim(), e.loinc).not.toBe('');
    }
  });

  test('every test explains at least one direction (high or low) unless it is a panel or a narrative', () => {
    const noDirection = entries.filter((e) => !e.high && !e.low).map((e) => e.loinc).sort();
    expect(noDirection).toEqual(['11279-7', '24323-8', '51990-0', '57698-3', '58410-2'].sort());
  });

  test('English sentences are short (grade-6 style)', () => {
    for (const e of entries) {
      const all = texts(e).slice(1).flatMap((x) => sentences(x.en));
      const average = all.reduce((sum, s) => sum + words(s), 0) / all.length;
      expect(average, e.loinc).toBeLessThanOrEqual(15);
      for (const s of all) expect(words(s), `${e.loinc}: ${s}`).toBeLessThanOrEqual(25);
    }
  });

  test('Spanish uses the usted form', () => {
    const tu = /(^|[\s¿¡(])(tú|tu|tus|tienes|puedes|debes|pregunta a|llama|habla con)(?=[\s,.?!)]|$)/i;
    for (const e of entries) for (const x of texts(e)) expect(x.es, `${e.loinc}: ${x.es}`).not.toMatch(tu);
  });

  test('say "can mean", never a firm diagnosis', () => {
    for (const e of entries) {
      for (const x of [e.high, e.low]) {
        if (!x) continue;
        expect(x.en, e.loinc).not.toMatch(/\bmeans you have\b|(?<!\b(if|not mean) )\byou have (cancer|diabetes|kidney disease)\b/i);
      }
    }
  });

  test('sources are https pages', () => {
    for (const e of entries) expect(new URL(e.source.url).protocol, e.loinc).toBe('https:');
  });

  test('explanationFor looks up by code', () => {
    expect(explanationFor('4548-4')?.name.es).toBe('Hemoglobina A1c');
    expect(explanationFor(' 718-7 ')?.loinc).toBe('718-7');
    expect(explanationFor('0000-0')).toBeUndefined();
  });
});
