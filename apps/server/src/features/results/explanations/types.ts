/** Plain-language lab test explanations (issue 4, item 1): types and small builders. */

/** Text in both portal languages. */
export type Bilingual = { en: string; es: string };

export type LabExplanation = {
  /** LOINC code, e.g. '4548-4'. */
  loinc: string;
  /** Plain name, e.g. 'Hemoglobin A1c' / 'Hemoglobina A1c'. */
  name: Bilingual;
  /** What the test measures, 1-2 short sentences. */
  measures: Bilingual;
  /** What a high (or positive) result can mean; null when not meaningful. */
  high: Bilingual | null;
  /** What a low result can mean; null when not meaningful. */
  low: Bilingual | null;
  /** When to ask the care team. */
  askCareTeam: Bilingual;
  /** Where the content comes from. */
  source: { name: string; url: string };
};

export const t = (en: string, es: string): Bilingual => ({ en, es });

/** A MedlinePlus (U.S. National Library of Medicine, NIH) lab test page. */
export const medlinePlus = (title: string, slug: string): LabExplanation['source'] => ({
  name: `MedlinePlus (NIH): ${title}`,
  url: `https://medlineplus.gov/lab-tests/${slug}/`,
});

/** The same explanation under another LOINC code for the same test (e.g. blood vs. serum). */
export const sameAs = (base: LabExplanation, loinc: string): LabExplanation => ({ ...base, loinc });

/** Shared "ask the care team" text for most tests. */
export const ASK_GENERAL = t(
  'Ask your care team if your result is outside the normal range. Ask them what it means for you.',
  'Pregunte a su equipo de atención si su resultado está fuera del rango normal. Pregúnteles qué significa para usted.',
);
