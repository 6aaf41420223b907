/** Blood chemistry: sugar, kidneys, salts and minerals. */
import { ASK_GENERAL, medlinePlus, sameAs, t, type LabExplanation } from './types.ts';

const glucose: LabExplanation = {
  loinc: '2345-7',
  name: t('Glucose (blood sugar)', 'Glucosa (azúcar en la sangre)'),
  measures: t(
    'This test measures the sugar in your blood. Sugar from food gives your body energy.',
    'Esta prueba mide el azúcar en su sangre. El azúcar de los alimentos le da energía a su cuerpo.',
  ),
  high: t(
    'A high level can mean your body has trouble using sugar. It can be a sign of diabetes or prediabetes. Eating before the test can also raise it.',
    'Un nivel alto puede indicar que a su cuerpo le cuesta usar el azúcar. Puede ser una señal de diabetes o prediabetes. Comer antes de la prueba también puede subirlo.',
  ),
  low: t(
    'A low level can happen with some diabetes medicines or after a long time without food. It can make you feel shaky or dizzy.',
    'Un nivel bajo puede ocurrir con algunos medicamentos para la diabetes o después de pasar mucho tiempo sin comer. Puede hacerle sentir tembloroso o mareado.',
  ),
  askCareTeam: t(
    'Ask your care team if your result is high or low. Get help right away if you feel very shaky, confused, or faint.',
    'Pregunte a su equipo de atención si su resultado está alto o bajo. Busque ayuda de inmediato si se siente muy tembloroso, confundido o a punto de desmayarse.',
  ),
  source: medlinePlus('Blood Glucose Test', 'blood-glucose-test'),
};

const bun: LabExplanation = {
  loinc: '3094-0',
  name: t('BUN (urea nitrogen)', 'BUN (nitrógeno ureico en la sangre)'),
  measures: t(
    'This test measures a waste product called urea in your blood. Your kidneys remove it from your body.',
    'Esta prueba mide un desecho llamado urea en su sangre. Sus riñones lo sacan del cuerpo.',
  ),
  high: t(
    'A high level can mean your kidneys are not working as well as they should. Not drinking enough water can also raise it.',
    'Un nivel alto puede indicar que sus riñones no funcionan tan bien como deberían. No tomar suficiente agua también puede subirlo.',
  ),
  low: t(
    'A low level is not common. It can happen with a diet low in protein or with some liver problems.',
    'Un nivel bajo no es común. Puede ocurrir con una dieta baja en proteínas o con algunos problemas del hígado.',
  ),
  askCareTeam: ASK_GENERAL,
  source: medlinePlus('BUN (Blood Urea Nitrogen)', 'bun-blood-urea-nitrogen'),
};

const creatinine: LabExplanation = {
  loinc: '2160-0',
  name: t('Creatinine', 'Creatinina'),
  measures: t(
    'This test measures creatinine, a waste product from your muscles. It shows how well your kidneys clean your blood.',
    'Esta prueba mide la creatinina, un desecho de sus músculos. Muestra qué tan bien sus riñones limpian la sangre.',
  ),
  high: t(
    'A high level can mean your kidneys are not working as well as they should. Some medicines, heavy exercise, or not drinking enough can also raise it.',
    'Un nivel alto puede indicar que sus riñones no funcionan tan bien como deberían. Algunos medicamentos, el ejercicio intenso o tomar poca agua también pueden subirlo.',
  ),
  low: t(
    'A low level is usually not a worry. It can happen in people with less muscle.',
    'Un nivel bajo por lo general no es motivo de preocupación. Puede ocurrir en personas con menos músculo.',
  ),
  askCareTeam: ASK_GENERAL,
  source: medlinePlus('Creatinine Test', 'creatinine-test'),
};

const egfr: LabExplanation = {
  loinc: '98979-8',
  name: t('eGFR (kidney function)', 'TFGe (función de los riñones)'),
  measures: t(
    'This number shows how well your kidneys filter your blood. It is figured out from your creatinine, age, and other facts.',
    'Este número muestra qué tan bien sus riñones filtran la sangre. Se calcula con su creatinina, su edad y otros datos.',
  ),
  high: null,
  low: t(
    'A low number can mean your kidneys are not filtering as well as they should. One low result is not always a problem, so it is often checked again.',
    'Un número bajo puede indicar que sus riñones no filtran tan bien como deberían. Un solo resultado bajo no siempre es un problema, por eso a menudo se repite.',
  ),
  askCareTeam: t(
    'Ask your care team if your number is below 60. Ask what you can do to protect your kidneys.',
    'Pregunte a su equipo de atención si su número es menor de 60. Pregunte qué puede hacer para proteger sus riñones.',
  ),
  source: medlinePlus('Glomerular Filtration Rate (GFR) Test', 'glomerular-filtration-rate-gfr-test'),
};

const sodium: LabExplanation = {
  loinc: '2951-2',
  name: t('Sodium', 'Sodio'),
  measures: t(
    'This test measures sodium, a type of salt in your blood. Sodium helps your nerves, muscles, and body water stay in balance.',
    'Esta prueba mide el sodio, un tipo de sal en su sangre. El sodio ayuda a mantener en equilibrio los nervios, los músculos y el agua del cuerpo.',
  ),
  high: t(
    'A high level often means your body needs more water. It can also happen with some medicines or health problems.',
    'Un nivel alto a menudo indica que su cuerpo necesita más agua. También puede ocurrir con algunos medicamentos o problemas de salud.',
  ),
  low: t(
    'A low level can happen with some medicines, drinking a lot of water, or heart, kidney, or liver problems.',
    'Un nivel bajo puede ocurrir con algunos medicamentos, por tomar mucha agua o por problemas del corazón, los riñones o el hígado.',
  ),
  askCareTeam: ASK_GENERAL,
  source: medlinePlus('Sodium Blood Test', 'sodium-blood-test'),
};

const potassium: LabExplanation = {
  loinc: '2823-3',
  name: t('Potassium', 'Potasio'),
  measures: t(
    'This test measures potassium in your blood. Potassium helps your heart and muscles work.',
    'Esta prueba mide el potasio en su sangre. El potasio ayuda a que su corazón y sus músculos funcionen.',
  ),
  high: t(
    'A high level can happen with kidney problems or some medicines. Sometimes the blood sample itself gives a high reading.',
    'Un nivel alto puede ocurrir con problemas de los riñones o con algunos medicamentos. A veces la misma muestra de sangre da un resultado alto.',
  ),
  low: t(
    'A low level can happen with vomiting, diarrhea, or some water pills. It can cause weak muscles or cramps.',
    'Un nivel bajo puede ocurrir con vómitos, diarrea o algunas pastillas para orinar. Puede causar debilidad o calambres en los músculos.',
  ),
  askCareTeam: t(
    'Ask your care team if your result is high or low. Get help right away if your heart feels like it is racing or skipping.',
    'Pregunte a su equipo de atención si su resultado está alto o bajo. Busque ayuda de inmediato si siente el corazón muy acelerado o con latidos irregulares.',
  ),
  source: medlinePlus('Potassium Blood Test', 'potassium-blood-test'),
};

const chloride: LabExplanation = {
  loinc: '2075-0',
  name: t('Chloride', 'Cloruro'),
  measures: t(
    'This test measures chloride, a type of salt in your blood. It works with sodium to keep body water in balance.',
    'Esta prueba mide el cloruro, un tipo de sal en su sangre. Trabaja con el sodio para mantener en equilibrio el agua del cuerpo.',
  ),
  high: t(
    'A high level can happen when your body needs more water. It can also happen with some kidney problems.',
    'Un nivel alto puede ocurrir cuando su cuerpo necesita más agua. También puede ocurrir con algunos problemas de los riñones.',
  ),
  low: t(
    'A low level can happen with vomiting, some medicines, or some heart or lung problems.',
    'Un nivel bajo puede ocurrir con vómitos, con algunos medicamentos o con algunos problemas del corazón o los pulmones.',
  ),
  askCareTeam: ASK_GENERAL,
  source: medlinePlus('Chloride Blood Test', 'chloride-blood-test'),
};

const co2: LabExplanation = {
  loinc: '2028-9',
  name: t('Carbon dioxide (bicarbonate)', 'Dióxido de carbono (bicarbonato)'),
  measures: t(
    'This test measures bicarbonate in your blood. It helps keep the acid in your body in balance.',
    'Esta prueba mide el bicarbonato en su sangre. Ayuda a mantener en equilibrio el ácido del cuerpo.',
  ),
  high: t(
    'A high level can happen with vomiting, some medicines, or some lung problems.',
    'Un nivel alto puede ocurrir con vómitos, con algunos medicamentos o con algunos problemas de los pulmones.',
  ),
  low: t(
    'A low level can happen with diarrhea, kidney problems, or diabetes that is not under control.',
    'Un nivel bajo puede ocurrir con diarrea, con problemas de los riñones o con diabetes que no está bajo control.',
  ),
  askCareTeam: ASK_GENERAL,
  source: medlinePlus('Electrolyte Panel', 'electrolyte-panel'),
};

const calcium: LabExplanation = {
  loinc: '17861-6',
  name: t('Calcium', 'Calcio'),
  measures: t(
    'This test measures calcium in your blood. Calcium keeps your bones strong and helps your heart, nerves, and muscles.',
    'Esta prueba mide el calcio en su sangre. El calcio mantiene fuertes sus huesos y ayuda al corazón, los nervios y los músculos.',
  ),
  high: t(
    'A high level can happen with problems in the glands that control calcium. It can also happen with some medicines.',
    'Un nivel alto puede ocurrir con problemas en las glándulas que controlan el calcio. También puede ocurrir con algunos medicamentos.',
  ),
  low: t(
    'A low level can happen with low vitamin D, low protein in the blood, or kidney problems.',
    'Un nivel bajo puede ocurrir con poca vitamina D, poca proteína en la sangre o problemas de los riñones.',
  ),
  askCareTeam: ASK_GENERAL,
  source: medlinePlus('Calcium Blood Test', 'calcium-blood-test'),
};

const magnesium: LabExplanation = {
  loinc: '19123-9',
  name: t('Magnesium', 'Magnesio'),
  measures: t(
    'This test measures magnesium in your blood. Magnesium helps your muscles, nerves, and heart work.',
    'Esta prueba mide el magnesio en su sangre. El magnesio ayuda a que sus músculos, nervios y corazón funcionen.',
  ),
  high: t(
    'A high level is not common. It can happen with kidney problems or with too many antacids or laxatives.',
    'Un nivel alto no es común. Puede ocurrir con problemas de los riñones o por tomar demasiados antiácidos o laxantes.',
  ),
  low: t(
    'A low level can happen with diarrhea, heavy drinking, some medicines, or a poor diet.',
    'Un nivel bajo puede ocurrir con diarrea, por tomar mucho alcohol, con algunos medicamentos o con una mala alimentación.',
  ),
  askCareTeam: ASK_GENERAL,
  source: medlinePlus('Magnesium Blood Test', 'magnesium-blood-test'),
};

const phosphate: LabExplanation = {
  loinc: '2777-1',
  name: t('Phosphorus (phosphate)', 'Fósforo (fosfato)'),
  measures: t(
    'This test measures phosphate in your blood. It works with calcium to build strong bones and teeth.',
    'Esta prueba mide el fosfato en su sangre. Trabaja con el calcio para formar huesos y dientes fuertes.',
  ),
  high: t(
    'A high level can happen with kidney problems. It can also happen with some gland problems.',
    'Un nivel alto puede ocurrir con problemas de los riñones. También puede ocurrir con algunos problemas de las glándulas.',
  ),
  low: t(
    'A low level can happen with a poor diet, heavy drinking, or low vitamin D.',
    'Un nivel bajo puede ocurrir con una mala alimentación, por tomar mucho alcohol o con poca vitamina D.',
  ),
  askCareTeam: ASK_GENERAL,
  source: medlinePlus('Phosphate in Blood', 'phosphate-in-blood'),
};

const uricAcid: LabExplanation = {
  loinc: '3084-1',
  name: t('Uric acid', 'Ácido úrico'),
  measures: t(
    'This test measures uric acid, a waste product in your blood. Your kidneys remove it in your urine.',
    'Esta prueba mide el ácido úrico, un desecho en su sangre. Sus riñones lo sacan en la orina.',
  ),
  high: t(
    'A high level can lead to gout, which causes painful joints. It can also lead to kidney stones.',
    'Un nivel alto puede causar gota, que produce dolor en las articulaciones. También puede causar piedras en los riñones.',
  ),
  low: t(
    'A low level is not common. It is usually not a worry.',
    'Un nivel bajo no es común. Por lo general no es motivo de preocupación.',
  ),
  askCareTeam: t(
    'Ask your care team if your result is high. Tell them if you have sudden joint pain or swelling.',
    'Pregunte a su equipo de atención si su resultado está alto. Avíseles si tiene dolor o hinchazón repentina en una articulación.',
  ),
  source: medlinePlus('Uric Acid Test', 'uric-acid-test'),
};

/** Synthea and other sources use these codes for the same tests (e.g. blood instead of serum). */
export const CHEMISTRY: readonly LabExplanation[] = [
  glucose, sameAs(glucose, '2339-0'),
  bun, sameAs(bun, '6299-2'),
  creatinine, sameAs(creatinine, '38483-4'),
  egfr, sameAs(egfr, '33914-3'),
  sodium, sameAs(sodium, '2947-0'),
  potassium, sameAs(potassium, '6298-4'),
  chloride, sameAs(chloride, '2069-3'),
  co2, sameAs(co2, '20565-8'),
  calcium, sameAs(calcium, '49765-1'),
  magnesium,
  phosphate,
  uricAcid,
];
