/** Urine and stool tests, metabolic panels, and the heart strain test. */
import { medlinePlus, sameAs, t, type LabExplanation } from './types.ts';

const uacr: LabExplanation = {
  loinc: '9318-7',
  name: t('Urine albumin-to-creatinine ratio', 'Relación albúmina-creatinina en la orina'),
  measures: t(
    'This urine test looks for a protein called albumin. Healthy kidneys keep almost all albumin in the blood.',
    'Esta prueba de orina busca una proteína llamada albúmina. Los riñones sanos mantienen casi toda la albúmina en la sangre.',
  ),
  high: t(
    'A high result can be an early sign of kidney damage. It is often checked in people with diabetes or high blood pressure. Exercise, fever, or infection can raise it for a short time.',
    'Un resultado alto puede ser una señal temprana de daño en los riñones. Se revisa a menudo en personas con diabetes o presión alta. El ejercicio, la fiebre o una infección pueden subirlo por un tiempo corto.',
  ),
  low: null,
  askCareTeam: t(
    'Ask your care team if your result is 30 or higher. Ask if you should repeat the test.',
    'Pregunte a su equipo de atención si su resultado es 30 o más. Pregunte si debe repetir la prueba.',
  ),
  source: medlinePlus('Microalbumin Creatinine Ratio', 'microalbumin-creatinine-ratio'),
};

const PANEL_ASK = t(
  'Look at each test in the group to see which ones are outside the normal range. Ask your care team what the results mean for you.',
  'Mire cada prueba del grupo para ver cuáles están fuera del rango normal. Pregunte a su equipo de atención qué significan los resultados para usted.',
);

export const URINE_PANELS: readonly LabExplanation[] = [
  uacr,
  sameAs(uacr, '14959-1'),
  {
    loinc: '20454-5',
    name: t('Protein in urine (dipstick)', 'Proteína en la orina (tira reactiva)'),
    measures: t(
      'This quick urine test checks for protein. Usually there is little or no protein in urine.',
      'Esta prueba rápida de orina busca proteína. Por lo general hay poca o ninguna proteína en la orina.',
    ),
    high: t(
      'Finding protein can be a sign that your kidneys need a closer look. Exercise, fever, or stress can also cause it for a short time.',
      'Encontrar proteína puede ser una señal de que hay que revisar mejor sus riñones. El ejercicio, la fiebre o el estrés también pueden causarlo por un tiempo corto.',
    ),
    low: null,
    askCareTeam: t(
      'Ask your care team if protein was found. Ask if you need another test.',
      'Pregunte a su equipo de atención si se encontró proteína. Pregunte si necesita otra prueba.',
    ),
    source: medlinePlus('Protein in Urine', 'protein-in-urine'),
  },
  {
    loinc: '11279-7',
    name: t('Urine microscope exam (notes)', 'Examen de la orina con microscopio (notas)'),
    measures: t(
      'A lab worker looks at your urine under a microscope. These are their notes about cells, crystals, or germs they saw.',
      'Un trabajador del laboratorio mira su orina con un microscopio. Estas son sus notas sobre las células, los cristales o los gérmenes que vio.',
    ),
    high: null,
    low: null,
    askCareTeam: t(
      'Ask your care team to explain the notes. Tell them if it hurts or burns when you urinate.',
      'Pida a su equipo de atención que le explique las notas. Dígales si siente dolor o ardor al orinar.',
    ),
    source: medlinePlus('Urinalysis', 'urinalysis'),
  },
  {
    loinc: '57905-2',
    name: t('Stool test for hidden blood (FIT)', 'Prueba de sangre oculta en las heces (FIT)'),
    measures: t(
      'This test looks for blood in your stool that you cannot see. It is used to screen for colon cancer.',
      'Esta prueba busca sangre en las heces que no se puede ver. Se usa para detectar a tiempo el cáncer de colon.',
    ),
    high: t(
      'A positive result means blood was found. Many things can cause this, like hemorrhoids or polyps. It does not mean you have cancer.',
      'Un resultado positivo significa que se encontró sangre. Muchas cosas pueden causarlo, como hemorroides o pólipos. No significa que usted tenga cáncer.',
    ),
    low: null,
    askCareTeam: t(
      'If your result is positive, ask your care team about next steps. You will usually need a colonoscopy.',
      'Si su resultado es positivo, pregunte a su equipo de atención cuáles son los próximos pasos. Por lo general necesitará una colonoscopia.',
    ),
    source: medlinePlus('Fecal Occult Blood Test (FOBT)', 'fecal-occult-blood-test-fobt'),
  },
  {
    loinc: '24323-8',
    name: t('Comprehensive metabolic panel (CMP)', 'Panel metabólico completo'),
    measures: t(
      'This group of 14 blood tests checks your blood sugar, salts, kidneys, and liver.',
      'Este grupo de 14 pruebas de sangre revisa el azúcar en la sangre, las sales, los riñones y el hígado.',
    ),
    high: null,
    low: null,
    askCareTeam: PANEL_ASK,
    source: medlinePlus('Comprehensive Metabolic Panel (CMP)', 'comprehensive-metabolic-panel-cmp'),
  },
  {
    loinc: '51990-0',
    name: t('Basic metabolic panel (BMP)', 'Panel metabólico básico'),
    measures: t(
      'This group of 8 blood tests checks your blood sugar, salts, and kidneys.',
      'Este grupo de 8 pruebas de sangre revisa el azúcar en la sangre, las sales y los riñones.',
    ),
    high: null,
    low: null,
    askCareTeam: PANEL_ASK,
    source: medlinePlus('Basic Metabolic Panel (BMP)', 'basic-metabolic-panel-bmp'),
  },
  {
    loinc: '33762-6',
    name: t('NT-proBNP (heart strain)', 'NT-proBNP (esfuerzo del corazón)'),
    measures: t(
      'This test measures a substance your heart releases when it works extra hard.',
      'Esta prueba mide una sustancia que su corazón libera cuando trabaja con más esfuerzo.',
    ),
    high: t(
      'A high level can mean your heart is under strain, as in heart failure. Kidney problems and older age can also raise it.',
      'Un nivel alto puede indicar que su corazón está bajo esfuerzo, como en la insuficiencia cardíaca. Los problemas de los riñones y la edad avanzada también pueden subirlo.',
    ),
    low: null,
    askCareTeam: t(
      'Ask your care team if your result is high. Get help right away if you have chest pain or trouble breathing.',
      'Pregunte a su equipo de atención si su resultado está alto. Busque ayuda de inmediato si tiene dolor de pecho o le cuesta respirar.',
    ),
    source: medlinePlus('Natriuretic Peptide Tests (BNP, NT-proBNP)', 'natriuretic-peptide-tests-bnp-nt-probnp'),
  },
];
