/** Cholesterol (lipid) tests and hemoglobin A1c. */
import { medlinePlus, t, type LabExplanation } from './types.ts';

const CHOLESTEROL = medlinePlus('Cholesterol Levels', 'cholesterol-levels');

const ASK_HEART = t(
  'Ask your care team what your numbers mean for your heart health. Ask what steps, like food or exercise changes, can help.',
  'Pregunte a su equipo de atención qué significan sus números para la salud de su corazón. Pregunte qué pasos, como cambios en la comida o el ejercicio, pueden ayudar.',
);

export const LIPIDS_DIABETES: readonly LabExplanation[] = [
  {
    loinc: '57698-3',
    name: t('Lipid panel (cholesterol)', 'Perfil de lípidos (colesterol)'),
    measures: t(
      'This group of tests measures the fats in your blood. It includes total, HDL, and LDL cholesterol and triglycerides.',
      'Este grupo de pruebas mide las grasas en su sangre. Incluye el colesterol total, el HDL, el LDL y los triglicéridos.',
    ),
    high: null,
    low: null,
    askCareTeam: ASK_HEART,
    source: CHOLESTEROL,
  },
  {
    loinc: '2093-3',
    name: t('Total cholesterol', 'Colesterol total'),
    measures: t(
      'This test measures all the cholesterol in your blood. Cholesterol is a waxy fat your body needs in small amounts.',
      'Esta prueba mide todo el colesterol en su sangre. El colesterol es una grasa que su cuerpo necesita en pequeñas cantidades.',
    ),
    high: t(
      'A high level can raise your chance of heart disease and stroke over time. Food, activity, weight, and family history all play a part.',
      'Un nivel alto puede aumentar con el tiempo el riesgo de enfermedades del corazón y derrames cerebrales. La comida, la actividad, el peso y la historia familiar influyen.',
    ),
    low: null,
    askCareTeam: ASK_HEART,
    source: CHOLESTEROL,
  },
  {
    loinc: '2571-8',
    name: t('Triglycerides', 'Triglicéridos'),
    measures: t(
      'This test measures triglycerides, a type of fat in your blood. Your body stores extra food energy as triglycerides.',
      'Esta prueba mide los triglicéridos, un tipo de grasa en su sangre. Su cuerpo guarda la energía extra de los alimentos como triglicéridos.',
    ),
    high: t(
      'A high level can raise your chance of heart disease. Sugar, alcohol, extra weight, and eating before the test can raise it.',
      'Un nivel alto puede aumentar el riesgo de enfermedades del corazón. El azúcar, el alcohol, el exceso de peso y comer antes de la prueba pueden subirlo.',
    ),
    low: null,
    askCareTeam: ASK_HEART,
    source: medlinePlus('Triglycerides Test', 'triglycerides-test'),
  },
  {
    loinc: '2085-9',
    name: t('HDL ("good") cholesterol', 'Colesterol HDL ("bueno")'),
    measures: t(
      'This test measures HDL cholesterol. HDL helps remove other cholesterol from your blood.',
      'Esta prueba mide el colesterol HDL. El HDL ayuda a sacar el otro colesterol de la sangre.',
    ),
    high: null,
    low: t(
      'A low level can raise your chance of heart disease. Being active and not smoking can help raise it.',
      'Un nivel bajo puede aumentar el riesgo de enfermedades del corazón. Mantenerse activo y no fumar pueden ayudar a subirlo.',
    ),
    askCareTeam: ASK_HEART,
    source: CHOLESTEROL,
  },
  {
    loinc: '18262-6',
    name: t('LDL ("bad") cholesterol', 'Colesterol LDL ("malo")'),
    measures: t(
      'This test measures LDL cholesterol. Too much LDL can build up in your blood vessels.',
      'Esta prueba mide el colesterol LDL. El exceso de LDL se puede acumular en los vasos sanguíneos.',
    ),
    high: t(
      'A high level can raise your chance of heart attack and stroke over time. Food, activity, and medicine can help lower it.',
      'Un nivel alto puede aumentar con el tiempo el riesgo de ataque al corazón y derrame cerebral. La comida, la actividad y los medicamentos pueden ayudar a bajarlo.',
    ),
    low: null,
    askCareTeam: ASK_HEART,
    source: CHOLESTEROL,
  },
  {
    loinc: '4548-4',
    name: t('Hemoglobin A1c', 'Hemoglobina A1c'),
    measures: t(
      'This test shows your average blood sugar over the past 2 to 3 months. You do not need to fast for it.',
      'Esta prueba muestra su nivel promedio de azúcar en la sangre de los últimos 2 a 3 meses. No necesita estar en ayunas.',
    ),
    high: t(
      'A high result can mean prediabetes or diabetes. If you have diabetes, it can mean your blood sugar has been higher than your goal.',
      'Un resultado alto puede indicar prediabetes o diabetes. Si usted tiene diabetes, puede indicar que su azúcar ha estado más alta que su meta.',
    ),
    low: null,
    askCareTeam: t(
      'Ask your care team if your result is 5.7% or higher. If you have diabetes, ask what your goal should be.',
      'Pregunte a su equipo de atención si su resultado es 5.7% o más. Si tiene diabetes, pregunte cuál debe ser su meta.',
    ),
    source: medlinePlus('Hemoglobin A1C (HbA1c) Test', 'hemoglobin-a1c-hba1c-test'),
  },
];
