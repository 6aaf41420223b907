/** Plain-language explanations of common lab tests, by LOINC code (English and Spanish). */
import { BLOOD_COUNTS } from './blood-counts.ts';
import { CHEMISTRY } from './chemistry.ts';
import { LIPIDS_DIABETES } from './lipids-diabetes.ts';
import { LIVER_PROTEIN } from './liver-protein.ts';
import { THYROID_IRON_OTHER } from './thyroid-iron-other.ts';
import type { LabExplanation } from './types.ts';
import { URINE_PANELS } from './urine-panels.ts';

export type { Bilingual, LabExplanation } from './types.ts';

const ALL: readonly LabExplanation[] = [
  ...CHEMISTRY,
  ...LIVER_PROTEIN,
  ...BLOOD_COUNTS,
  ...LIPIDS_DIABETES,
  ...URINE_PANELS,
  ...THYROID_IRON_OTHER,
];

function build(list: readonly LabExplanation[]): ReadonlyMap<string, LabExplanation> {
  const map = new Map<string, LabExplanation>();
  for (const entry of list) {
    if (map.has(entry.loinc)) throw new Error(`Duplicate lab explanation for LOINC ${entry.loinc}`);
    map.set(entry.loinc, entry);
  }
  return map;
}

export const LAB_EXPLANATIONS: ReadonlyMap<string, LabExplanation> = build(ALL);

export function explanationFor(loinc: string): LabExplanation | undefined {
  return LAB_EXPLANATIONS.get(loinc.trim());
}
