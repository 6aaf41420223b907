/** Complete blood count (CBC) and its parts. */
import { ASK_GENERAL, medlinePlus, sameAs, t, type LabExplanation } from './types.ts';

const CBC = medlinePlus('Complete Blood Count (CBC)', 'complete-blood-count-cbc');

const hematocrit: LabExplanation = {
  loinc: '4544-3',
  name: t('Hematocrit', 'Hematocrito'),
  measures: t(
    'This test measures how much of your blood is made of red blood cells.',
    'Esta prueba mide qué parte de su sangre está formada por glóbulos rojos.',
  ),
  high: t(
    'A high level can happen when your body needs more water. It can also happen with smoking, lung problems, or living at high altitude.',
    'Un nivel alto puede ocurrir cuando su cuerpo necesita más agua. También puede ocurrir por fumar, por problemas de los pulmones o por vivir en un lugar alto.',
  ),
  low: t(
    'A low level can be a sign of anemia, which means too few red blood cells. It can make you feel tired or weak.',
    'Un nivel bajo puede ser una señal de anemia, es decir, muy pocos glóbulos rojos. Puede hacerle sentir cansado o débil.',
  ),
  askCareTeam: ASK_GENERAL,
  source: medlinePlus('Hematocrit Test', 'hematocrit-test'),
};

export const BLOOD_COUNTS: readonly LabExplanation[] = [
  {
    loinc: '58410-2',
    name: t('Complete blood count (CBC)', 'Hemograma completo'),
    measures: t(
      'This group of tests counts the cells in your blood. It checks red blood cells, white blood cells, and platelets.',
      'Este grupo de pruebas cuenta las células de su sangre. Revisa los glóbulos rojos, los glóbulos blancos y las plaquetas.',
    ),
    high: null,
    low: null,
    askCareTeam: t(
      'Look at each test in the group to see which ones are outside the normal range. Ask your care team what the results mean for you.',
      'Mire cada prueba del grupo para ver cuáles están fuera del rango normal. Pregunte a su equipo de atención qué significan los resultados para usted.',
    ),
    source: CBC,
  },
  {
    loinc: '6690-2',
    name: t('White blood cells (WBC)', 'Glóbulos blancos'),
    measures: t(
      'This test counts the white blood cells in your blood. These cells help your body fight germs.',
      'Esta prueba cuenta los glóbulos blancos en su sangre. Estas células ayudan a su cuerpo a combatir los gérmenes.',
    ),
    high: t(
      'A high count often means your body is fighting an infection or swelling. Stress and some medicines can also raise it.',
      'Un conteo alto a menudo indica que su cuerpo está combatiendo una infección o inflamación. El estrés y algunos medicamentos también pueden subirlo.',
    ),
    low: t(
      'A low count can make it harder to fight germs. It can happen with some infections, medicines, or bone marrow problems.',
      'Un conteo bajo puede hacer más difícil combatir los gérmenes. Puede ocurrir con algunas infecciones, medicamentos o problemas de la médula ósea.',
    ),
    askCareTeam: t(
      'Ask your care team if your count is high or low. Call them if you have a fever.',
      'Pregunte a su equipo de atención si su conteo está alto o bajo. Llámeles si tiene fiebre.',
    ),
    source: medlinePlus('White Blood Count (WBC)', 'white-blood-count-wbc'),
  },
  {
    loinc: '789-8',
    name: t('Red blood cells (RBC)', 'Glóbulos rojos'),
    measures: t(
      'This test counts the red blood cells in your blood. These cells carry oxygen to all parts of your body.',
      'Esta prueba cuenta los glóbulos rojos en su sangre. Estas células llevan oxígeno a todo el cuerpo.',
    ),
    high: t(
      'A high count can happen when your body needs more water. It can also happen with smoking or lung or heart problems.',
      'Un conteo alto puede ocurrir cuando su cuerpo necesita más agua. También puede ocurrir por fumar o por problemas de los pulmones o el corazón.',
    ),
    low: t(
      'A low count can be a sign of anemia. Causes include blood loss and low iron or vitamins.',
      'Un conteo bajo puede ser una señal de anemia. Algunas causas son la pérdida de sangre y la falta de hierro o vitaminas.',
    ),
    askCareTeam: ASK_GENERAL,
    source: medlinePlus('Red Blood Cell (RBC) Count', 'red-blood-cell-rbc-count'),
  },
  {
    loinc: '718-7',
    name: t('Hemoglobin', 'Hemoglobina'),
    measures: t(
      'This test measures hemoglobin, the protein in red blood cells that carries oxygen.',
      'Esta prueba mide la hemoglobina, la proteína de los glóbulos rojos que lleva el oxígeno.',
    ),
    high: t(
      'A high level can happen with smoking, lung problems, or living at high altitude. Not drinking enough water can also raise it.',
      'Un nivel alto puede ocurrir por fumar, por problemas de los pulmones o por vivir en un lugar alto. Tomar poca agua también puede subirlo.',
    ),
    low: t(
      'A low level can be a sign of anemia. It can make you feel tired, weak, or short of breath.',
      'Un nivel bajo puede ser una señal de anemia. Puede hacerle sentir cansado, débil o con falta de aire.',
    ),
    askCareTeam: t(
      'Ask your care team if your result is low or high. Get help right away if you have chest pain or trouble breathing.',
      'Pregunte a su equipo de atención si su resultado está bajo o alto. Busque ayuda de inmediato si tiene dolor de pecho o le cuesta respirar.',
    ),
    source: medlinePlus('Hemoglobin Test', 'hemoglobin-test'),
  },
  hematocrit,
  sameAs(hematocrit, '20570-8'),
  {
    loinc: '787-2',
    name: t('MCV (red blood cell size)', 'VCM (tamaño de los glóbulos rojos)'),
    measures: t(
      'This test measures the average size of your red blood cells.',
      'Esta prueba mide el tamaño promedio de sus glóbulos rojos.',
    ),
    high: t(
      'Large red blood cells can happen with low vitamin B12 or folate. Alcohol, liver problems, and some medicines can also raise it.',
      'Los glóbulos rojos grandes pueden ocurrir con poca vitamina B12 o poco folato. El alcohol, los problemas del hígado y algunos medicamentos también pueden subirlo.',
    ),
    low: t(
      'Small red blood cells often happen with low iron. Some inherited blood conditions can also cause them.',
      'Los glóbulos rojos pequeños a menudo ocurren con poco hierro. Algunas condiciones de la sangre que se heredan también pueden causarlos.',
    ),
    askCareTeam: ASK_GENERAL,
    source: medlinePlus('MCV (Mean Corpuscular Volume)', 'mcv-mean-corpuscular-volume'),
  },
  {
    loinc: '785-6',
    name: t('MCH (hemoglobin per red blood cell)', 'HCM (hemoglobina en cada glóbulo rojo)'),
    measures: t(
      'This test shows the average amount of hemoglobin in each red blood cell.',
      'Esta prueba muestra la cantidad promedio de hemoglobina en cada glóbulo rojo.',
    ),
    high: t(
      'A high level can happen when red blood cells are larger than usual. This can happen with low vitamin B12 or folate.',
      'Un nivel alto puede ocurrir cuando los glóbulos rojos son más grandes de lo normal. Esto puede pasar con poca vitamina B12 o poco folato.',
    ),
    low: t(
      'A low level often happens with low iron.',
      'Un nivel bajo a menudo ocurre con poco hierro.',
    ),
    askCareTeam: ASK_GENERAL,
    source: CBC,
  },
  {
    loinc: '786-4',
    name: t('MCHC (hemoglobin concentration)', 'CHCM (concentración de hemoglobina)'),
    measures: t(
      'This test shows how packed with hemoglobin your red blood cells are, on average.',
      'Esta prueba muestra, en promedio, cuánta hemoglobina hay dentro de sus glóbulos rojos.',
    ),
    high: t(
      'A high level is not common. It can happen with some red blood cell problems.',
      'Un nivel alto no es común. Puede ocurrir con algunos problemas de los glóbulos rojos.',
    ),
    low: t(
      'A low level often happens with low iron.',
      'Un nivel bajo a menudo ocurre con poco hierro.',
    ),
    askCareTeam: ASK_GENERAL,
    source: CBC,
  },
  {
    loinc: '21000-5',
    name: t('RDW (red blood cell size range)', 'ADE (variación del tamaño de los glóbulos rojos)'),
    measures: t(
      'This test shows how much your red blood cells differ in size.',
      'Esta prueba muestra cuánto varía el tamaño de sus glóbulos rojos.',
    ),
    high: t(
      'A high level means your red blood cells vary a lot in size. It can happen with low iron, vitamin B12, or folate.',
      'Un nivel alto indica que el tamaño de sus glóbulos rojos varía mucho. Puede ocurrir con poco hierro, poca vitamina B12 o poco folato.',
    ),
    low: null,
    askCareTeam: ASK_GENERAL,
    source: medlinePlus('RDW (Red Cell Distribution Width)', 'rdw-red-cell-distribution-width'),
  },
  {
    loinc: '777-3',
    name: t('Platelets', 'Plaquetas'),
    measures: t(
      'This test counts the platelets in your blood. Platelets help your blood clot and stop bleeding.',
      'Esta prueba cuenta las plaquetas en su sangre. Las plaquetas ayudan a que la sangre coagule y deje de sangrar.',
    ),
    high: t(
      'A high count can happen with infection, swelling, or low iron. Rarely, it comes from a bone marrow problem.',
      'Un conteo alto puede ocurrir con infecciones, inflamación o poco hierro. Pocas veces se debe a un problema de la médula ósea.',
    ),
    low: t(
      'A low count can make you bruise or bleed more easily. It can happen with some infections, medicines, or liver problems.',
      'Un conteo bajo puede hacer que le salgan moretones o que sangre con más facilidad. Puede ocurrir con algunas infecciones, medicamentos o problemas del hígado.',
    ),
    askCareTeam: t(
      'Ask your care team if your count is high or low. Call them if you have bleeding that will not stop.',
      'Pregunte a su equipo de atención si su conteo está alto o bajo. Llámeles si tiene un sangrado que no se detiene.',
    ),
    source: medlinePlus('Platelet Tests', 'platelet-tests'),
  },
  {
    loinc: '32623-1',
    name: t('MPV (platelet size)', 'VPM (tamaño de las plaquetas)'),
    measures: t(
      'This test measures the average size of your platelets.',
      'Esta prueba mide el tamaño promedio de sus plaquetas.',
    ),
    high: t(
      'A high level can mean your body is making many new platelets. New platelets are larger.',
      'Un nivel alto puede indicar que su cuerpo está produciendo muchas plaquetas nuevas. Las plaquetas nuevas son más grandes.',
    ),
    low: t(
      'A low level can mean your body is making fewer platelets. Your care team looks at it together with your platelet count.',
      'Un nivel bajo puede indicar que su cuerpo produce menos plaquetas. Su equipo de atención lo revisa junto con su conteo de plaquetas.',
    ),
    askCareTeam: ASK_GENERAL,
    source: medlinePlus('MPV Blood Test', 'mpv-blood-test'),
  },
  {
    loinc: '32207-3',
    name: t('PDW (platelet size range)', 'ADP (variación del tamaño de las plaquetas)'),
    measures: t(
      'This test shows how much your platelets differ in size.',
      'Esta prueba muestra cuánto varía el tamaño de sus plaquetas.',
    ),
    high: t(
      'A high level means your platelets vary a lot in size. Your care team looks at it together with your other platelet results.',
      'Un nivel alto indica que el tamaño de sus plaquetas varía mucho. Su equipo de atención lo revisa junto con sus otros resultados de plaquetas.',
    ),
    low: null,
    askCareTeam: ASK_GENERAL,
    source: medlinePlus('Platelet Tests', 'platelet-tests'),
  },
];
