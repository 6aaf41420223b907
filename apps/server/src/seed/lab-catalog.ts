import { SYSTEMS, type Code } from './fhir-helpers.ts';

/** One lab test: LOINC code, UCUM unit, reference and critical limits. */
export type LabTest = {
  loinc: string;
  display: string;
  text: string;
  unit: string;
  decimals: number;
  /** Reference range; a missing side means one-sided (e.g. LDL "<100"). Sex-specific where it matters. */
  low?: number | { female: number; male: number };
  high?: number | { female: number; male: number };
  rangeText: string | { female: string; male: string };
  critLow?: number;
  critHigh?: number;
  /** Where unspecified values are drawn from (a healthy result). */
  typical: [number, number];
};

const t = (test: LabTest): LabTest => test;

export const LAB_TESTS = {
  glucose: t({ loinc: '2345-7', display: 'Glucose [Mass/volume] in Serum or Plasma', text: 'Glucose', unit: 'mg/dL', decimals: 0, low: 70, high: 99, rangeText: '70-99 mg/dL (fasting)', critLow: 50, critHigh: 400, typical: [78, 95] }),
  bun: t({ loinc: '3094-0', display: 'Urea nitrogen [Mass/volume] in Serum or Plasma', text: 'BUN (urea nitrogen)', unit: 'mg/dL', decimals: 0, low: 7, high: 20, rangeText: '7-20 mg/dL', typical: [9, 17] }),
  creatinine: t({ loinc: '2160-0', display: 'Creatinine [Mass/volume] in Serum or Plasma', text: 'Creatinine', unit: 'mg/dL', decimals: 2, low: { female: 0.5, male: 0.7 }, high: { female: 1.1, male: 1.3 }, rangeText: { female: '0.50-1.10 mg/dL', male: '0.70-1.30 mg/dL' }, typical: [0.7, 0.95] }),
  egfr: t({ loinc: '98979-8', display: 'Glomerular filtration rate/1.73 sq M.predicted [Volume Rate/Area] in Serum, Plasma or Blood by Creatinine-based formula (CKD-EPI 2021)', text: 'eGFR (kidney function)', unit: 'mL/min/{1.73_m2}', decimals: 0, low: 60, rangeText: '60 or higher mL/min/1.73 m2', typical: [90, 110] }),
  sodium: t({ loinc: '2951-2', display: 'Sodium [Moles/volume] in Serum or Plasma', text: 'Sodium', unit: 'mmol/L', decimals: 0, low: 135, high: 145, rangeText: '135-145 mmol/L', critLow: 120, critHigh: 160, typical: [137, 142] }),
  potassium: t({ loinc: '2823-3', display: 'Potassium [Moles/volume] in Serum or Plasma', text: 'Potassium', unit: 'mmol/L', decimals: 1, low: 3.5, high: 5.1, rangeText: '3.5-5.1 mmol/L', critLow: 2.8, critHigh: 6.2, typical: [3.8, 4.6] }),
  chloride: t({ loinc: '2075-0', display: 'Chloride [Moles/volume] in Serum or Plasma', text: 'Chloride', unit: 'mmol/L', decimals: 0, low: 98, high: 107, rangeText: '98-107 mmol/L', typical: [100, 105] }),
  co2: t({ loinc: '2028-9', display: 'Carbon dioxide, total [Moles/volume] in Serum or Plasma', text: 'Carbon dioxide (bicarbonate)', unit: 'mmol/L', decimals: 0, low: 22, high: 29, rangeText: '22-29 mmol/L', typical: [23, 28] }),
  calcium: t({ loinc: '17861-6', display: 'Calcium [Mass/volume] in Serum or Plasma', text: 'Calcium', unit: 'mg/dL', decimals: 1, low: 8.6, high: 10.3, rangeText: '8.6-10.3 mg/dL', critLow: 6.5, critHigh: 13, typical: [9.0, 9.9] }),
  protein: t({ loinc: '2885-2', display: 'Protein [Mass/volume] in Serum or Plasma', text: 'Total protein', unit: 'g/dL', decimals: 1, low: 6.0, high: 8.3, rangeText: '6.0-8.3 g/dL', typical: [6.6, 7.6] }),
  albumin: t({ loinc: '1751-7', display: 'Albumin [Mass/volume] in Serum or Plasma', text: 'Albumin', unit: 'g/dL', decimals: 1, low: 3.5, high: 5.0, rangeText: '3.5-5.0 g/dL', typical: [3.9, 4.6] }),
  bilirubin: t({ loinc: '1975-2', display: 'Bilirubin.total [Mass/volume] in Serum or Plasma', text: 'Total bilirubin', unit: 'mg/dL', decimals: 1, low: 0.1, high: 1.2, rangeText: '0.1-1.2 mg/dL', typical: [0.3, 0.9] }),
  alp: t({ loinc: '6768-6', display: 'Alkaline phosphatase [Enzymatic activity/volume] in Serum or Plasma', text: 'Alkaline phosphatase', unit: 'U/L', decimals: 0, low: 44, high: 147, rangeText: '44-147 U/L', typical: [55, 110] }),
  alt: t({ loinc: '1742-6', display: 'Alanine aminotransferase [Enzymatic activity/volume] in Serum or Plasma', text: 'ALT (liver enzyme)', unit: 'U/L', decimals: 0, low: 7, high: 56, rangeText: '7-56 U/L', typical: [14, 35] }),
  ast: t({ loinc: '1920-8', display: 'Aspartate aminotransferase [Enzymatic activity/volume] in Serum or Plasma', text: 'AST (liver enzyme)', unit: 'U/L', decimals: 0, low: 10, high: 40, rangeText: '10-40 U/L', typical: [15, 32] }),
  cholesterol: t({ loinc: '2093-3', display: 'Cholesterol [Mass/volume] in Serum or Plasma', text: 'Total cholesterol', unit: 'mg/dL', decimals: 0, high: 199, rangeText: 'Less than 200 mg/dL', typical: [160, 190] }),
  triglycerides: t({ loinc: '2571-8', display: 'Triglyceride [Mass/volume] in Serum or Plasma', text: 'Triglycerides', unit: 'mg/dL', decimals: 0, high: 149, rangeText: 'Less than 150 mg/dL', typical: [80, 140] }),
  hdl: t({ loinc: '2085-9', display: 'Cholesterol in HDL [Mass/volume] in Serum or Plasma', text: 'HDL ("good") cholesterol', unit: 'mg/dL', decimals: 0, low: { female: 50, male: 40 }, rangeText: { female: '50 mg/dL or higher', male: '40 mg/dL or higher' }, typical: [52, 68] }),
  ldl: t({ loinc: '18262-6', display: 'Cholesterol in LDL [Mass/volume] in Serum or Plasma by Direct assay', text: 'LDL ("bad") cholesterol', unit: 'mg/dL', decimals: 0, high: 99, rangeText: 'Less than 100 mg/dL', typical: [70, 98] }),
  a1c: t({ loinc: '4548-4', display: 'Hemoglobin A1c/Hemoglobin.total in Blood', text: 'Hemoglobin A1c', unit: '%', decimals: 1, low: 4.0, high: 5.6, rangeText: '4.0-5.6 %; 5.7-6.4 % prediabetes; 6.5 % or higher diabetes', typical: [4.9, 5.5] }),
  tsh: t({ loinc: '3016-3', display: 'Thyrotropin [Units/volume] in Serum or Plasma', text: 'TSH (thyroid)', unit: 'm[IU]/L', decimals: 2, low: 0.45, high: 4.5, rangeText: '0.45-4.50 mIU/L', typical: [1.0, 3.0] }),
  wbc: t({ loinc: '6690-2', display: 'Leukocytes [#/volume] in Blood by Automated count', text: 'White blood cells', unit: '10*3/uL', decimals: 1, low: 4.5, high: 11.0, rangeText: '4.5-11.0 x10^3/uL', critLow: 1.5, critHigh: 30, typical: [5.2, 8.8] }),
  rbc: t({ loinc: '789-8', display: 'Erythrocytes [#/volume] in Blood by Automated count', text: 'Red blood cells', unit: '10*6/uL', decimals: 2, low: { female: 4.0, male: 4.5 }, high: { female: 5.2, male: 5.9 }, rangeText: { female: '4.00-5.20 x10^6/uL', male: '4.50-5.90 x10^6/uL' }, typical: [4.5, 5.0] }),
  hemoglobin: t({ loinc: '718-7', display: 'Hemoglobin [Mass/volume] in Blood', text: 'Hemoglobin', unit: 'g/dL', decimals: 1, low: { female: 12.0, male: 13.5 }, high: { female: 15.5, male: 17.5 }, rangeText: { female: '12.0-15.5 g/dL', male: '13.5-17.5 g/dL' }, critLow: 7, critHigh: 20, typical: [13.6, 14.8] }),
  hematocrit: t({ loinc: '4544-3', display: 'Hematocrit [Volume Fraction] of Blood by Automated count', text: 'Hematocrit', unit: '%', decimals: 1, low: { female: 36, male: 41 }, high: { female: 46, male: 53 }, rangeText: { female: '36.0-46.0 %', male: '41.0-53.0 %' }, typical: [41, 45] }),
  mcv: t({ loinc: '787-2', display: 'MCV [Entitic volume] by Automated count', text: 'MCV (red cell size)', unit: 'fL', decimals: 0, low: 80, high: 100, rangeText: '80-100 fL', typical: [84, 94] }),
  platelets: t({ loinc: '777-3', display: 'Platelets [#/volume] in Blood by Automated count', text: 'Platelets', unit: '10*3/uL', decimals: 0, low: 150, high: 400, rangeText: '150-400 x10^3/uL', critLow: 50, critHigh: 1000, typical: [190, 320] }),
  uacr: t({ loinc: '9318-7', display: 'Albumin/Creatinine [Mass Ratio] in Urine', text: 'Urine albumin-to-creatinine ratio', unit: 'mg/g', decimals: 0, high: 29, rangeText: 'Less than 30 mg/g', typical: [6, 18] }),
  ntprobnp: t({ loinc: '33762-6', display: 'Natriuretic peptide.B prohormone N-Terminal [Mass/volume] in Serum or Plasma', text: 'NT-proBNP (heart strain)', unit: 'pg/mL', decimals: 0, high: 449, rangeText: 'Less than 450 pg/mL (age 75 and older)', typical: [120, 300] }),
  ferritin: t({ loinc: '2276-4', display: 'Ferritin [Mass/volume] in Serum or Plasma', text: 'Ferritin (iron stores)', unit: 'ng/mL', decimals: 0, low: 15, high: 150, rangeText: '15-150 ng/mL', typical: [40, 120] }),
};
export type LabTestKey = keyof typeof LAB_TESTS;

/** Panels as DiagnosticReport code + member tests + the CPT code billed. */
export const LAB_PANELS = {
  cmp: { code: [SYSTEMS.loinc, '24323-8', 'Comprehensive metabolic 2000 panel - Serum or Plasma'] as Code, text: 'Comprehensive metabolic panel (CMP)', tests: ['glucose', 'bun', 'creatinine', 'egfr', 'sodium', 'potassium', 'chloride', 'co2', 'calcium', 'protein', 'albumin', 'bilirubin', 'alp', 'alt', 'ast'], cpt: ['80053', 'Comprehensive metabolic panel', 62] },
  bmp: { code: [SYSTEMS.loinc, '51990-0', 'Basic metabolic panel - Blood'] as Code, text: 'Basic metabolic panel (BMP)', tests: ['glucose', 'bun', 'creatinine', 'egfr', 'sodium', 'potassium', 'chloride', 'co2', 'calcium'], cpt: ['80048', 'Basic metabolic panel', 45] },
  lipid: { code: [SYSTEMS.loinc, '57698-3', 'Lipid panel with direct LDL - Serum or Plasma'] as Code, text: 'Lipid panel (cholesterol)', tests: ['cholesterol', 'triglycerides', 'hdl', 'ldl'], cpt: ['80061', 'Lipid panel', 55] },
  cbc: { code: [SYSTEMS.loinc, '58410-2', 'CBC panel - Blood by Automated count'] as Code, text: 'Complete blood count (CBC)', tests: ['wbc', 'rbc', 'hemoglobin', 'hematocrit', 'mcv', 'platelets'], cpt: ['85027', 'Complete blood count, automated', 38] },
  a1c: { code: [SYSTEMS.loinc, '4548-4', 'Hemoglobin A1c/Hemoglobin.total in Blood'] as Code, text: 'Hemoglobin A1c', tests: ['a1c'], cpt: ['83036', 'Hemoglobin; glycosylated (A1C)', 48] },
  tsh: { code: [SYSTEMS.loinc, '3016-3', 'Thyrotropin [Units/volume] in Serum or Plasma'] as Code, text: 'Thyroid test (TSH)', tests: ['tsh'], cpt: ['84443', 'Thyroid stimulating hormone (TSH)', 52] },
  uacr: { code: [SYSTEMS.loinc, '9318-7', 'Albumin/Creatinine [Mass Ratio] in Urine'] as Code, text: 'Urine albumin-to-creatinine ratio', tests: ['uacr'], cpt: ['82043', 'Albumin; urine, microalbumin, quantitative', 40] },
  ntprobnp: { code: [SYSTEMS.loinc, '33762-6', 'Natriuretic peptide.B prohormone N-Terminal [Mass/volume] in Serum or Plasma'] as Code, text: 'NT-proBNP', tests: ['ntprobnp'], cpt: ['83880', 'Natriuretic peptide', 95] },
  ferritin: { code: [SYSTEMS.loinc, '2276-4', 'Ferritin [Mass/volume] in Serum or Plasma'] as Code, text: 'Ferritin', tests: ['ferritin'], cpt: ['82728', 'Ferritin', 42] },
} as const satisfies Record<string, { code: Code; text: string; tests: readonly LabTestKey[]; cpt: readonly [string, string, number] }>;
export type LabPanelKey = keyof typeof LAB_PANELS;
