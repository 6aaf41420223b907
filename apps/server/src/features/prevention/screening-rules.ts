import { months, SYSTEM, type CodeSet, type PreventionRule, type RuleSource } from './rule-types.ts';

/**
 * A documented subset of USPSTF grade A and B recommendations (docs/health-record/prevention-and-vitals.md).
 * "Done" is found from Procedure, Observation, DiagnosticReport codes (LOINC, SNOMED CT, CPT,
 * HCPCS). Where USPSTF gives no interval we use the one named in the comment.
 */
const uspstf = (title: string, slug: string): RuleSource => ({
  name: `USPSTF: ${title}`,
  url: `https://www.uspreventiveservicestaskforce.org/uspstf/recommendation/${slug}`,
});
const loinc = (...codes: string[]) => ({ system: SYSTEM.loinc, codes });
const snomed = (...codes: string[]) => ({ system: SYSTEM.snomed, codes });
const cpt = (...codes: string[]) => ({ system: SYSTEM.cpt, codes });
const hcpcs = (...codes: string[]) => ({ system: SYSTEM.hcpcs, codes });

const BLOOD_PRESSURE: CodeSet = [loinc('85354-9', '55284-4', '8480-6', '8462-4'), snomed('75367002')];
const COLONOSCOPY: CodeSet = [snomed('73761001', '446521004', '446745002'), cpt('45378', '45380', '45381', '45384', '45385', '45388'), hcpcs('G0105', 'G0121')];
const STOOL_BLOOD: CodeSet = [loinc('29771-3', '57905-2', '56490-6', '56491-4', '27396-1', '2335-8', '12503-9', '14563-1', '14564-9', '14565-6'), cpt('82270', '82274'), hcpcs('G0328')];
const STOOL_DNA: CodeSet = [loinc('77353-1', '77354-9'), cpt('81528')];
const CT_COLONOGRAPHY: CodeSet = [snomed('418714002'), cpt('74261', '74262', '74263')];
const SIGMOIDOSCOPY: CodeSet = [snomed('44441009', '396226005'), cpt('45330', '45331', '45333', '45338'), hcpcs('G0104')];
const MAMMOGRAM: CodeSet = [loinc('24606-6', '24604-1', '24605-8', '26346-7', '26347-5', '36625-2', '37005-6'), snomed('24623002', '71651007', '241055006'), cpt('77063', '77065', '77066', '77067'), hcpcs('G0202')];
const CERVICAL_CYTOLOGY: CodeSet = [loinc('10524-7', '18500-9', '19762-4', '19764-0', '19765-7', '19766-5', '19774-9', '33717-0', '47527-7', '47528-5'), snomed('171149006', '90226004'), cpt('88141', '88142', '88150', '88164', '88175')];
const HPV_TEST: CodeSet = [loinc('21440-3', '30167-1', '38372-9', '59263-4', '59420-0', '69002-4', '71431-1', '75406-9', '77379-6', '77399-4', '77400-0', '82354-2', '82456-5'), cpt('87624', '87625')];
const LIPIDS: CodeSet = [loinc('57698-3', '24331-1', '2093-3', '2085-9', '13457-7', '18262-6', '2089-1'), cpt('80061')];
const GLUCOSE_A1C: CodeSet = [loinc('4548-4', '17856-6', '1558-6', '2345-7', '2339-0'), cpt('83036', '82947')];
const HEP_C: CodeSet = [loinc('16128-1', '13955-0', '11259-9'), cpt('86803', '87520', '87521', '87522')];
const HIV: CodeSet = [loinc('75622-1', '56888-1', '7917-8', '7918-6', '29893-5', '68961-2'), cpt('86701', '86702', '86703', '87389')];
const DEPRESSION: CodeSet = [loinc('44261-6', '55758-7', '89204-2', '89205-9'), snomed('171207006'), hcpcs('G0444')];
const LUNG_LDCT: CodeSet = [snomed('16334891000119106'), cpt('71271'), hcpcs('G0297')];
const AAA_ULTRASOUND: CodeSet = [cpt('76706'), hcpcs('G0389')];
const BONE_DENSITY: CodeSet = [snomed('312681000'), loinc('38263-7', '46278-8'), cpt('77080', '77081', '77085')];

export const SCREENING_RULES: readonly PreventionRule[] = [
  // Grade A. Yearly from 40 (and for higher risk); every 3-5 years 18-39: we use 1 and 3 years.
  { id: 'blood-pressure', kind: 'screening', schedule: 'repeat', minAgeMonths: months(18), maxAgeMonths: months(130), codes: BLOOD_PRESSURE,
    methods: [{ codes: BLOOD_PRESSURE, everyMonths: 36, maxAgeMonths: months(40) - 1 }, { codes: BLOOD_PRESSURE, everyMonths: 12, minAgeMonths: months(40) }],
    source: uspstf('Hypertension in Adults: Screening (2021)', 'hypertension-in-adults-screening') },
  // Grade A 50-75, grade B 45-49. Intervals from the recommendation's table of tests.
  { id: 'colorectal', kind: 'screening', schedule: 'repeat', minAgeMonths: months(45), maxAgeMonths: months(76) - 1,
    codes: [...COLONOSCOPY, ...STOOL_BLOOD, ...STOOL_DNA, ...CT_COLONOGRAPHY, ...SIGMOIDOSCOPY],
    methods: [{ codes: COLONOSCOPY, everyMonths: 120 }, { codes: STOOL_BLOOD, everyMonths: 12 }, { codes: STOOL_DNA, everyMonths: 36 }, { codes: CT_COLONOGRAPHY, everyMonths: 60 }, { codes: SIGMOIDOSCOPY, everyMonths: 60 }],
    source: uspstf('Colorectal Cancer: Screening (2021)', 'colorectal-cancer-screening') },
  // Grade B: every 2 years, women 40-74.
  { id: 'breast', kind: 'screening', schedule: 'repeat', sex: 'female', minAgeMonths: months(40), maxAgeMonths: months(75) - 1, codes: MAMMOGRAM,
    methods: [{ codes: MAMMOGRAM, everyMonths: 24 }], source: uspstf('Breast Cancer: Screening (2024)', 'breast-cancer-screening') },
  // Grade A: cytology every 3 years from 21; from 30 also HPV testing every 5 years. Not after a hysterectomy (the page says to ask).
  { id: 'cervical', kind: 'screening', schedule: 'repeat', sex: 'female', minAgeMonths: months(21), maxAgeMonths: months(66) - 1, codes: [...CERVICAL_CYTOLOGY, ...HPV_TEST],
    methods: [{ codes: CERVICAL_CYTOLOGY, everyMonths: 36 }, { codes: HPV_TEST, everyMonths: 60, minAgeMonths: months(30) }],
    source: uspstf('Cervical Cancer: Screening (2018)', 'cervical-cancer-screening') },
  // Grade B statin decision 40-75 needs a cholesterol test; no interval given, we use 5 years.
  { id: 'cholesterol', kind: 'screening', schedule: 'repeat', minAgeMonths: months(40), maxAgeMonths: months(76) - 1, codes: LIPIDS,
    methods: [{ codes: LIPIDS, everyMonths: 60 }], source: uspstf('Statin Use for the Primary Prevention of Cardiovascular Disease in Adults (2022)', 'statin-use-in-adults-preventive-medication') },
  // Grade B for 35-70 with overweight or obesity: weight is not judged here, so ask; every 3 years.
  { id: 'diabetes', kind: 'screening', schedule: 'ask', everyMonths: 36, minAgeMonths: months(35), maxAgeMonths: months(71) - 1, codes: GLUCOSE_A1C,
    source: uspstf('Prediabetes and Type 2 Diabetes: Screening (2021)', 'screening-for-prediabetes-and-type-2-diabetes') },
  { id: 'hepatitis-c', kind: 'screening', schedule: 'once', minAgeMonths: months(18), maxAgeMonths: months(80) - 1, codes: HEP_C,
    source: uspstf('Hepatitis C Virus Infection in Adolescents and Adults: Screening (2020)', 'hepatitis-c-screening') },
  { id: 'hiv', kind: 'screening', schedule: 'once', minAgeMonths: months(15), maxAgeMonths: months(66) - 1, codes: HIV,
    source: uspstf('Human Immunodeficiency Virus (HIV) Infection: Screening (2019)', 'human-immunodeficiency-virus-hiv-infection-screening') },
  // Grade B; no interval given, we use yearly (at the yearly checkup).
  { id: 'depression-teen', kind: 'screening', schedule: 'repeat', minAgeMonths: months(12), maxAgeMonths: months(18) - 1, codes: DEPRESSION,
    methods: [{ codes: DEPRESSION, everyMonths: 12 }], source: uspstf('Depression and Suicide Risk in Children and Adolescents: Screening (2022)', 'screening-depression-suicide-risk-children-adolescents') },
  { id: 'depression', kind: 'screening', schedule: 'repeat', minAgeMonths: months(18), maxAgeMonths: months(130), codes: DEPRESSION,
    methods: [{ codes: DEPRESSION, everyMonths: 12 }], source: uspstf('Depression and Suicide Risk in Adults: Screening (2023)', 'screening-depression-suicide-risk-adults') },
  // Grade B for 50-80 with a 20 pack-year history who smoke or quit within 15 years: ask.
  { id: 'lung', kind: 'screening', schedule: 'ask', everyMonths: 12, minAgeMonths: months(50), maxAgeMonths: months(81) - 1, codes: LUNG_LDCT,
    source: uspstf('Lung Cancer: Screening (2021)', 'lung-cancer-screening') },
  // Grade B, men 65-75 who ever smoked: once; ask.
  { id: 'aaa', kind: 'screening', schedule: 'ask', everyMonths: null, sex: 'male', minAgeMonths: months(65), maxAgeMonths: months(76) - 1, codes: AAA_ULTRASOUND,
    source: uspstf('Abdominal Aortic Aneurysm: Screening (2019)', 'abdominal-aortic-aneurysm-screening') },
  // Grade B, women 65 and older; no repeat interval given: we show the first test as due.
  { id: 'osteoporosis', kind: 'screening', schedule: 'once', sex: 'female', minAgeMonths: months(65), maxAgeMonths: months(130), codes: BONE_DENSITY,
    source: uspstf('Osteoporosis to Prevent Fractures: Screening (2025)', 'osteoporosis-screening') },
];
