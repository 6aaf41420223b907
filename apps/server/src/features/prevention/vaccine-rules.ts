import { cvx, months, type PreventionRule, type RuleSource } from './rule-types.ts';

/**
 * A documented subset of the CDC immunization schedules (docs/health-record/prevention-and-vitals.md
 * lists each rule). Doses are matched by CVX code (Immunization.vaccineCode, CDC CVX table),
 * combination vaccines included. Minimum intervals between doses and medical conditions that
 * change a schedule are not modelled: those are for the care team, and every item says so.
 */
const CHILD: RuleSource = {
  name: 'CDC Child and Adolescent Immunization Schedule, United States, 2025',
  url: 'https://www.cdc.gov/vaccines/hcp/imz-schedules/child-adolescent-age.html',
};
const ADULT: RuleSource = {
  name: 'CDC Adult Immunization Schedule, United States, 2025',
  url: 'https://www.cdc.gov/vaccines/hcp/imz-schedules/adult-age.html',
};

/** CVX codes per antigen, combinations included (CDC "CVX codes": https://www2a.cdc.gov/vaccines/iis/iisstandards/vaccines.asp?rpt=cvx). */
export const CVX = {
  hepB: ['08', '43', '44', '45', '51', '102', '104', '110', '146', '189', '220'],
  rotavirus: ['116', '119', '122'],
  dtap: ['01', '20', '22', '50', '102', '106', '107', '110', '120', '130', '146'],
  hib: ['17', '22', '46', '47', '48', '49', '50', '51', '102', '120', '146', '148'],
  pcv: ['100', '133', '152', '215', '216'],
  polio: ['02', '10', '89', '110', '120', '130', '146'],
  mmr: ['03', '94'],
  varicella: ['21', '94'],
  hepA: ['31', '52', '83', '85', '104'],
  tdap: ['115'],
  tdOrTdap: ['09', '113', '115', '138', '139', '196'],
  hpv: ['62', '118', '137', '165'],
  menACWY: ['32', '108', '114', '136', '147', '203'],
  influenza: ['88', '111', '135', '140', '141', '144', '149', '150', '151', '153', '155', '158', '161', '166', '168', '171', '185', '186', '197', '200', '202', '205'],
  covid: ['207', '208', '210', '211', '212', '213', '217', '218', '219', '221', '228', '229', '230', '300', '301', '302', '308', '309', '310', '311', '312', '313'],
  zosterRecombinant: ['187'],
  pneumococcalAdult: ['215', '216', '327'],
  rsvAdult: ['303', '305', '326'],
} as const;

export const VACCINE_RULES: readonly PreventionRule[] = [
  // Birth, 1-2 months, 6-18 months; all adults 19-59 (ACIP 2022) catch up at any age in the window.
  { id: 'hepb', kind: 'vaccine', schedule: 'series', minAgeMonths: 0, maxAgeMonths: months(60) - 1, codes: cvx(...CVX.hepB),
    doseAgesMonths: [0, 1, 6], graceMonths: 2, routineUntilMonths: 18, shorterWith: { cvx: ['189'], doses: 2 }, source: CHILD },
  // Oral; not started after 15 weeks, none after 8 months, so no catch-up.
  { id: 'rotavirus', kind: 'vaccine', schedule: 'series', minAgeMonths: 2, maxAgeMonths: 8, codes: cvx(...CVX.rotavirus),
    doseAgesMonths: [2, 4, 6], graceMonths: 1, routineUntilMonths: 8, shorterWith: { cvx: ['119'], doses: 2 }, source: CHILD },
  { id: 'dtap', kind: 'vaccine', schedule: 'series', minAgeMonths: 2, maxAgeMonths: months(7) - 1, codes: cvx(...CVX.dtap),
    doseAgesMonths: [2, 4, 6, 15, 48], graceMonths: 3, routineUntilMonths: months(7) - 1, source: CHILD },
  { id: 'hib', kind: 'vaccine', schedule: 'series', minAgeMonths: 2, maxAgeMonths: months(5) - 1, codes: cvx(...CVX.hib),
    doseAgesMonths: [2, 4, 6, 12], graceMonths: 3, routineUntilMonths: 18, source: CHILD },
  { id: 'pcv', kind: 'vaccine', schedule: 'series', minAgeMonths: 2, maxAgeMonths: months(5) - 1, codes: cvx(...CVX.pcv),
    doseAgesMonths: [2, 4, 6, 12], graceMonths: 3, routineUntilMonths: 18, source: CHILD },
  { id: 'polio', kind: 'vaccine', schedule: 'series', minAgeMonths: 2, maxAgeMonths: months(18) - 1, codes: cvx(...CVX.polio),
    doseAgesMonths: [2, 4, 6, 48], graceMonths: 3, routineUntilMonths: months(7) - 1, source: CHILD },
  { id: 'mmr', kind: 'vaccine', schedule: 'series', minAgeMonths: 12, maxAgeMonths: months(19) - 1, codes: cvx(...CVX.mmr),
    doseAgesMonths: [12, 48], graceMonths: 3, routineUntilMonths: months(7) - 1, source: CHILD },
  { id: 'varicella', kind: 'vaccine', schedule: 'series', minAgeMonths: 12, maxAgeMonths: months(19) - 1, codes: cvx(...CVX.varicella),
    doseAgesMonths: [12, 48], graceMonths: 3, routineUntilMonths: months(7) - 1, source: CHILD },
  { id: 'hepa', kind: 'vaccine', schedule: 'series', minAgeMonths: 12, maxAgeMonths: months(19) - 1, codes: cvx(...CVX.hepA),
    doseAgesMonths: [12, 18], graceMonths: 6, routineUntilMonths: 24, source: CHILD },
  { id: 'tdap-teen', kind: 'vaccine', schedule: 'series', minAgeMonths: months(11), maxAgeMonths: months(19) - 1, codes: cvx(...CVX.tdap),
    doseAgesMonths: [months(11)], graceMonths: 24, routineUntilMonths: months(13), source: CHILD },
  // Two doses 6-12 months apart when started before 15; three doses when started at 15-26.
  { id: 'hpv', kind: 'vaccine', schedule: 'series', minAgeMonths: months(11), maxAgeMonths: months(27) - 1, codes: cvx(...CVX.hpv),
    doseAgesMonths: [months(11), months(11.5)], graceMonths: 24, routineUntilMonths: months(13),
    lateStart: { fromAgeMonths: months(15), doses: 3 }, source: CHILD },
  { id: 'menacwy', kind: 'vaccine', schedule: 'series', minAgeMonths: months(11), maxAgeMonths: months(19) - 1, codes: cvx(...CVX.menACWY),
    doseAgesMonths: [months(11), months(16)], graceMonths: 24, routineUntilMonths: months(18), source: CHILD },
  { id: 'influenza', kind: 'vaccine', schedule: 'season', minAgeMonths: 6, maxAgeMonths: months(130), seasonStartMonth: 8, codes: cvx(...CVX.influenza), source: ADULT },
  // 2025-26: shared clinical decision-making for most people, so the patient asks.
  { id: 'covid', kind: 'vaccine', schedule: 'ask', everyMonths: 12, minAgeMonths: 6, maxAgeMonths: months(130), codes: cvx(...CVX.covid), source: ADULT },
  // Adults: Td or Tdap every 10 years (Tdap once as an adult if never had it).
  { id: 'td-booster', kind: 'vaccine', schedule: 'repeat', minAgeMonths: months(19), maxAgeMonths: months(130), codes: cvx(...CVX.tdOrTdap),
    methods: [{ codes: cvx(...CVX.tdOrTdap), everyMonths: 120 }], source: ADULT },
  // Ages 27-45: shared clinical decision-making.
  { id: 'hpv-adult', kind: 'vaccine', schedule: 'ask', everyMonths: null, minAgeMonths: months(27), maxAgeMonths: months(46) - 1, codes: cvx(...CVX.hpv), source: ADULT },
  // Recombinant zoster (Shingrix): 2 doses 2-6 months apart from age 50.
  { id: 'zoster', kind: 'vaccine', schedule: 'series', minAgeMonths: months(50), maxAgeMonths: months(130), codes: cvx(...CVX.zosterRecombinant),
    doseAgesMonths: [months(50), months(50) + 2], graceMonths: 6, routineUntilMonths: months(51), source: ADULT },
  // ACIP October 2024: one pneumococcal conjugate vaccine (PCV20 or PCV21, or PCV15 then PPSV23) from age 50.
  { id: 'pneumococcal', kind: 'vaccine', schedule: 'once', minAgeMonths: months(50), maxAgeMonths: months(130), codes: cvx(...CVX.pneumococcalAdult), source: ADULT },
  // ACIP 2025: one RSV dose for everyone 75 and older; 50-74 only with higher risk (ask).
  { id: 'rsv', kind: 'vaccine', schedule: 'once', minAgeMonths: months(75), maxAgeMonths: months(130), codes: cvx(...CVX.rsvAdult), source: ADULT },
  { id: 'rsv-risk', kind: 'vaccine', schedule: 'ask', everyMonths: null, minAgeMonths: months(50), maxAgeMonths: months(75) - 1, codes: cvx(...CVX.rsvAdult), source: ADULT },
];
