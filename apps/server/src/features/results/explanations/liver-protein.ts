/** Liver tests and blood proteins. */
import { ASK_GENERAL, medlinePlus, t, type LabExplanation } from './types.ts';

export const LIVER_PROTEIN: readonly LabExplanation[] = [
  {
    loinc: '2885-2',
    name: t('Total protein', 'Proteína total'),
    measures: t(
      'This test measures all the protein in your blood. Protein helps your body grow, heal, and fight germs.',
      'Esta prueba mide toda la proteína en su sangre. La proteína ayuda a su cuerpo a crecer, sanar y combatir los gérmenes.',
    ),
    high: t(
      'A high level can happen when your body needs more water. It can also happen with long-lasting swelling or infection.',
      'Un nivel alto puede ocurrir cuando su cuerpo necesita más agua. También puede ocurrir con una inflamación o infección que dura mucho tiempo.',
    ),
    low: t(
      'A low level can happen with liver or kidney problems. It can also happen when your body does not take in enough food.',
      'Un nivel bajo puede ocurrir con problemas del hígado o los riñones. También puede ocurrir cuando su cuerpo no recibe suficiente alimento.',
    ),
    askCareTeam: ASK_GENERAL,
    source: medlinePlus('Comprehensive Metabolic Panel (CMP)', 'comprehensive-metabolic-panel-cmp'),
  },
  {
    loinc: '1751-7',
    name: t('Albumin', 'Albúmina'),
    measures: t(
      'This test measures albumin, a protein made by your liver. It keeps fluid in your blood vessels.',
      'Esta prueba mide la albúmina, una proteína que produce su hígado. Ayuda a mantener el líquido dentro de los vasos sanguíneos.',
    ),
    high: t(
      'A high level often means your body needs more water.',
      'Un nivel alto a menudo indica que su cuerpo necesita más agua.',
    ),
    low: t(
      'A low level can happen with liver or kidney problems. It can also happen when you do not get enough food.',
      'Un nivel bajo puede ocurrir con problemas del hígado o los riñones. También puede ocurrir cuando no come lo suficiente.',
    ),
    askCareTeam: ASK_GENERAL,
    source: medlinePlus('Albumin Blood Test', 'albumin-blood-test'),
  },
  {
    loinc: '10834-0',
    name: t('Globulin', 'Globulina'),
    measures: t(
      'Globulins are proteins in your blood. Many of them help fight germs. This number is total protein minus albumin.',
      'Las globulinas son proteínas de la sangre. Muchas ayudan a combatir los gérmenes. Este número es la proteína total menos la albúmina.',
    ),
    high: t(
      'A high level can happen with long-lasting infection or swelling. It can also happen with some immune system problems.',
      'Un nivel alto puede ocurrir con una infección o inflamación que dura mucho tiempo. También puede ocurrir con algunos problemas del sistema inmunitario.',
    ),
    low: t(
      'A low level can happen with liver or kidney problems. It can also happen with some immune system problems.',
      'Un nivel bajo puede ocurrir con problemas del hígado o los riñones. También puede ocurrir con algunos problemas del sistema inmunitario.',
    ),
    askCareTeam: ASK_GENERAL,
    source: medlinePlus('Comprehensive Metabolic Panel (CMP)', 'comprehensive-metabolic-panel-cmp'),
  },
  {
    loinc: '1975-2',
    name: t('Bilirubin (total)', 'Bilirrubina (total)'),
    measures: t(
      'This test measures bilirubin, a yellow substance in your blood. It is made when old red blood cells break down. Your liver removes it.',
      'Esta prueba mide la bilirrubina, una sustancia amarilla en su sangre. Se forma cuando se descomponen los glóbulos rojos viejos. Su hígado la elimina.',
    ),
    high: t(
      'A high level can mean your liver or gallbladder needs a closer look. Very high levels can make the skin or eyes look yellow. A mild rise is common and often harmless.',
      'Un nivel alto puede indicar que hay que revisar mejor el hígado o la vesícula. Un nivel muy alto puede poner la piel o los ojos amarillos. Un aumento leve es común y a menudo no es dañino.',
    ),
    low: null,
    askCareTeam: t(
      'Ask your care team if your result is high. Call them if your skin or eyes look yellow.',
      'Pregunte a su equipo de atención si su resultado está alto. Llámeles si su piel o sus ojos se ven amarillos.',
    ),
    source: medlinePlus('Bilirubin Blood Test', 'bilirubin-blood-test'),
  },
  {
    loinc: '6768-6',
    name: t('Alkaline phosphatase (ALP)', 'Fosfatasa alcalina (FA)'),
    measures: t(
      'This test measures ALP, a protein found mostly in your liver and bones.',
      'Esta prueba mide la FA, una proteína que está sobre todo en el hígado y los huesos.',
    ),
    high: t(
      'A high level can mean a problem with the liver, gallbladder, or bones. It is normal for it to be higher in growing children and during pregnancy.',
      'Un nivel alto puede indicar un problema del hígado, la vesícula o los huesos. Es normal que esté más alto en niños que están creciendo y durante el embarazo.',
    ),
    low: t(
      'A low level is not common. It can happen with a poor diet.',
      'Un nivel bajo no es común. Puede ocurrir con una mala alimentación.',
    ),
    askCareTeam: ASK_GENERAL,
    source: medlinePlus('Alkaline Phosphatase', 'alkaline-phosphatase'),
  },
  {
    loinc: '1742-6',
    name: t('ALT (liver enzyme)', 'ALT (enzima del hígado)'),
    measures: t(
      'This test measures ALT, a protein found mostly in your liver. It leaks into the blood when liver cells are hurt.',
      'Esta prueba mide la ALT, una proteína que está sobre todo en el hígado. Pasa a la sangre cuando las células del hígado sufren daño.',
    ),
    high: t(
      'A high level can mean your liver is irritated or hurt. Causes include fatty liver, alcohol, some medicines, and infection.',
      'Un nivel alto puede indicar que su hígado está irritado o dañado. Algunas causas son el hígado graso, el alcohol, algunos medicamentos y las infecciones.',
    ),
    low: null,
    askCareTeam: t(
      'Ask your care team if your result is high. Tell them about all medicines and supplements you take.',
      'Pregunte a su equipo de atención si su resultado está alto. Dígales todos los medicamentos y suplementos que toma.',
    ),
    source: medlinePlus('ALT Blood Test', 'alt-blood-test'),
  },
  {
    loinc: '1920-8',
    name: t('AST (liver enzyme)', 'AST (enzima del hígado)'),
    measures: t(
      'This test measures AST, a protein found in your liver, muscles, and heart. It leaks into the blood when these cells are hurt.',
      'Esta prueba mide la AST, una proteína que está en el hígado, los músculos y el corazón. Pasa a la sangre cuando esas células sufren daño.',
    ),
    high: t(
      'A high level can mean your liver is irritated or hurt. Hard exercise or a muscle injury can also raise it.',
      'Un nivel alto puede indicar que su hígado está irritado o dañado. El ejercicio intenso o una lesión de los músculos también pueden subirlo.',
    ),
    low: null,
    askCareTeam: t(
      'Ask your care team if your result is high. Tell them about all medicines and supplements you take.',
      'Pregunte a su equipo de atención si su resultado está alto. Dígales todos los medicamentos y suplementos que toma.',
    ),
    source: medlinePlus('AST Test', 'ast-test'),
  },
];
