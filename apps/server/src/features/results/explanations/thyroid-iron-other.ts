/** Thyroid, iron, vitamin D, PSA, clotting, and inflammation tests. */
import { ASK_GENERAL, medlinePlus, t, type LabExplanation } from './types.ts';

export const THYROID_IRON_OTHER: readonly LabExplanation[] = [
  {
    loinc: '3016-3',
    name: t('TSH (thyroid)', 'TSH (tiroides)'),
    measures: t(
      'This test measures TSH, a hormone that tells your thyroid how much thyroid hormone to make. The thyroid controls how your body uses energy.',
      'Esta prueba mide la TSH, una hormona que le indica a la tiroides cuánta hormona debe producir. La tiroides controla cómo su cuerpo usa la energía.',
    ),
    high: t(
      'A high level can mean your thyroid is not making enough hormone. This can make you feel tired, cold, or slowed down.',
      'Un nivel alto puede indicar que su tiroides no produce suficiente hormona. Esto puede hacerle sentir cansado, con frío o más lento.',
    ),
    low: t(
      'A low level can mean your thyroid is making too much hormone. This can make you feel shaky, nervous, or have a fast heartbeat.',
      'Un nivel bajo puede indicar que su tiroides produce demasiada hormona. Esto puede hacerle sentir tembloroso, nervioso o con el corazón acelerado.',
    ),
    askCareTeam: t(
      'Ask your care team if your result is high or low. If you take thyroid medicine, ask if your dose needs a change.',
      'Pregunte a su equipo de atención si su resultado está alto o bajo. Si toma medicina para la tiroides, pregunte si hay que cambiar la dosis.',
    ),
    source: medlinePlus('TSH (Thyroid-Stimulating Hormone) Test', 'tsh-thyroid-stimulating-hormone-test'),
  },
  {
    loinc: '3024-7',
    name: t('Free T4 (thyroid hormone)', 'T4 libre (hormona tiroidea)'),
    measures: t(
      'This test measures T4, the main hormone your thyroid makes. It is often checked along with TSH.',
      'Esta prueba mide la T4, la hormona principal que produce la tiroides. A menudo se revisa junto con la TSH.',
    ),
    high: t(
      'A high level can mean your thyroid is too active.',
      'Un nivel alto puede indicar que su tiroides está demasiado activa.',
    ),
    low: t(
      'A low level can mean your thyroid is not active enough.',
      'Un nivel bajo puede indicar que su tiroides no está lo bastante activa.',
    ),
    askCareTeam: ASK_GENERAL,
    source: medlinePlus('Thyroxine (T4) Test', 'thyroxine-t4-test'),
  },
  {
    loinc: '2276-4',
    name: t('Ferritin (iron stores)', 'Ferritina (reservas de hierro)'),
    measures: t(
      'This test measures ferritin, a protein that stores iron. It shows how much iron your body has saved up.',
      'Esta prueba mide la ferritina, una proteína que guarda el hierro. Muestra cuánto hierro tiene guardado su cuerpo.',
    ),
    high: t(
      'A high level can happen with swelling, infection, or liver problems. It can also mean your body stores too much iron.',
      'Un nivel alto puede ocurrir con inflamación, infecciones o problemas del hígado. También puede indicar que su cuerpo guarda demasiado hierro.',
    ),
    low: t(
      'A low level often means your iron stores are low. This can lead to anemia and feeling tired.',
      'Un nivel bajo a menudo indica que tiene pocas reservas de hierro. Esto puede causar anemia y cansancio.',
    ),
    askCareTeam: t(
      'Ask your care team if your result is low or high. Ask before you start or stop iron pills.',
      'Pregunte a su equipo de atención si su resultado está bajo o alto. Consulte antes de empezar o dejar de tomar pastillas de hierro.',
    ),
    source: medlinePlus('Ferritin Blood Test', 'ferritin-blood-test'),
  },
  {
    loinc: '2498-4',
    name: t('Iron', 'Hierro'),
    measures: t(
      'This test measures the iron in your blood. Your body needs iron to make red blood cells.',
      'Esta prueba mide el hierro en su sangre. Su cuerpo necesita hierro para producir glóbulos rojos.',
    ),
    high: t(
      'A high level can happen with iron pills or when your body stores too much iron.',
      'Un nivel alto puede ocurrir por tomar pastillas de hierro o cuando su cuerpo guarda demasiado hierro.',
    ),
    low: t(
      'A low level can happen with blood loss or not getting enough iron from food. It can lead to anemia.',
      'Un nivel bajo puede ocurrir por pérdida de sangre o por no recibir suficiente hierro de los alimentos. Puede causar anemia.',
    ),
    askCareTeam: ASK_GENERAL,
    source: medlinePlus('Iron Tests', 'iron-tests'),
  },
  {
    loinc: '62292-8',
    name: t('Vitamin D', 'Vitamina D'),
    measures: t(
      'This test measures vitamin D in your blood. Vitamin D helps keep your bones strong.',
      'Esta prueba mide la vitamina D en su sangre. La vitamina D ayuda a mantener fuertes sus huesos.',
    ),
    high: t(
      'A high level usually comes from taking too many vitamin D pills.',
      'Un nivel alto por lo general se debe a tomar demasiadas pastillas de vitamina D.',
    ),
    low: t(
      'A low level can happen with little sun, a diet low in vitamin D, or some health problems. Over time, it can weaken bones.',
      'Un nivel bajo puede ocurrir por recibir poco sol, por una dieta con poca vitamina D o por algunos problemas de salud. Con el tiempo, puede debilitar los huesos.',
    ),
    askCareTeam: t(
      'Ask your care team if your result is low or high. Ask if you should take a vitamin D supplement.',
      'Pregunte a su equipo de atención si su resultado está bajo o alto. Pregunte si debe tomar un suplemento de vitamina D.',
    ),
    source: medlinePlus('Vitamin D Test', 'vitamin-d-test'),
  },
  {
    loinc: '2857-1',
    name: t('PSA (prostate test)', 'PSA (prueba de la próstata)'),
    measures: t(
      'This test measures PSA, a protein made by the prostate gland in men.',
      'Esta prueba mide el PSA, una proteína que produce la glándula próstata en los hombres.',
    ),
    high: t(
      'A high level can happen with a large prostate, infection, or prostate cancer. Most men with a high level do not have cancer.',
      'Un nivel alto puede ocurrir con una próstata agrandada, una infección o cáncer de próstata. La mayoría de los hombres con un nivel alto no tienen cáncer.',
    ),
    low: null,
    askCareTeam: t(
      'Ask your care team if your result is high or has gone up. Ask about the next steps.',
      'Pregunte a su equipo de atención si su resultado está alto o ha subido. Pregunte cuáles son los próximos pasos.',
    ),
    source: medlinePlus('Prostate-Specific Antigen (PSA) Test', 'prostate-specific-antigen-psa-test'),
  },
  {
    loinc: '6301-6',
    name: t('INR (blood clotting time)', 'INR (tiempo de coagulación)'),
    measures: t(
      'This test shows how long it takes your blood to clot. It is often used to check blood thinner medicine, like warfarin.',
      'Esta prueba muestra cuánto tarda su sangre en coagular. A menudo se usa para revisar medicinas que hacen la sangre más líquida, como la warfarina.',
    ),
    high: t(
      'A high result means your blood clots more slowly. This can raise your chance of bleeding.',
      'Un resultado alto significa que su sangre coagula más despacio. Esto puede aumentar el riesgo de sangrado.',
    ),
    low: t(
      'If you take a blood thinner, a low result can mean your blood clots too easily.',
      'Si toma una medicina para hacer la sangre más líquida, un resultado bajo puede indicar que su sangre coagula con demasiada facilidad.',
    ),
    askCareTeam: t(
      'Ask your care team if your result is outside your goal range. Do not change your medicine dose on your own.',
      'Pregunte a su equipo de atención si su resultado está fuera de su rango meta. No cambie la dosis de su medicina por su cuenta.',
    ),
    source: medlinePlus('Prothrombin Time Test and INR (PT/INR)', 'prothrombin-time-test-and-inr-ptinr'),
  },
  {
    loinc: '1988-5',
    name: t('C-reactive protein (CRP)', 'Proteína C reactiva (PCR)'),
    measures: t(
      'This test measures CRP, a protein your liver makes when there is swelling or infection in your body.',
      'Esta prueba mide la PCR, una proteína que produce el hígado cuando hay inflamación o infección en el cuerpo.',
    ),
    high: t(
      'A high level can mean there is infection or swelling somewhere in your body. It does not show where or why.',
      'Un nivel alto puede indicar que hay una infección o inflamación en alguna parte del cuerpo. No muestra dónde ni por qué.',
    ),
    low: null,
    askCareTeam: ASK_GENERAL,
    source: medlinePlus('C-Reactive Protein (CRP) Test', 'c-reactive-protein-crp-test'),
  },
];
