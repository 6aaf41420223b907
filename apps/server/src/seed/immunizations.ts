import type { Immunization } from '@medplum/fhirtypes';
import type { BillableVisit } from './billing.ts';
import { LOCATIONS, PRACTITIONERS, practitionerDisplay, type LocationKey } from './clinic.ts';
import { addDays, addMonths, atTime, toWeekday } from './dates.ts';
import { concept, PROFILES, ref, SYSTEMS, ucum, type Code } from './fhir-helpers.ts';
import type { SeedPatient } from './patients.ts';
import type { SeedContext } from './seed-context.ts';

const cvx = (code: string, display: string): Code => [SYSTEMS.cvx, code, display];

/** CVX vaccine codes with the name patients see. */
export const VACCINES = {
  hepB: { code: cvx('08', 'Hep B, adolescent or pediatric'), text: 'Hepatitis B', dose: 0.5 },
  rotavirus: { code: cvx('116', 'rotavirus, pentavalent'), text: 'Rotavirus (RV5, by mouth)', dose: 2 },
  dtap: { code: cvx('20', 'DTaP'), text: 'DTaP (diphtheria, tetanus, whooping cough)', dose: 0.5 },
  hib: { code: cvx('48', 'Hib (PRP-T)'), text: 'Hib', dose: 0.5 },
  pcv13: { code: cvx('133', 'Pneumococcal conjugate PCV 13'), text: 'Pneumococcal (PCV13)', dose: 0.5 },
  ipv: { code: cvx('10', 'IPV'), text: 'Polio (IPV)', dose: 0.5 },
  mmr: { code: cvx('03', 'MMR'), text: 'MMR (measles, mumps, rubella)', dose: 0.5 },
  varicella: { code: cvx('21', 'varicella'), text: 'Chickenpox (varicella)', dose: 0.5 },
  hepA: { code: cvx('83', 'Hep A, ped/adol, 2 dose'), text: 'Hepatitis A', dose: 0.5 },
  fluQuadrivalent: { code: cvx('150', 'Influenza, injectable, quadrivalent, preservative free'), text: 'Flu shot', dose: 0.5 },
  fluTrivalent: { code: cvx('140', 'Influenza, seasonal, injectable, preservative free'), text: 'Flu shot', dose: 0.5 },
  tdap: { code: cvx('115', 'Tdap'), text: 'Tdap (tetanus, diphtheria, whooping cough)', dose: 0.5 },
  hpv9: { code: cvx('165', 'HPV9'), text: 'HPV', dose: 0.5 },
  menACWY: { code: cvx('136', 'Meningococcal MCV4O'), text: 'Meningococcal (MenACWY)', dose: 0.5 },
  pcv20: { code: cvx('216', 'Pneumococcal conjugate PCV20'), text: 'Pneumococcal (PCV20)', dose: 0.5 },
  zoster: { code: cvx('187', 'zoster vaccine recombinant'), text: 'Shingles (Shingrix)', dose: 0.5 },
} as const satisfies Record<string, { code: Code; text: string; dose: number }>;
export type VaccineKey = keyof typeof VACCINES;

export type ImmunizationSpec = {
  vaccine: VaccineKey;
  date: string;
  doseNumber?: number;
  location: LocationKey;
  encounterId?: string;
  /** Bills the administration on this visit's claim. */
  visit?: BillableVisit;
};

/**
 * Adds a completed US Core Immunization given by the clinic nurse.
 */
export function addImmunization(ctx: SeedContext, patient: SeedPatient, spec: ImmunizationSpec): Immunization {
  const v = VACCINES[spec.vaccine];
  spec.visit?.items.push({ cpt: '90471', display: 'Immunization administration, first vaccine', charge: 32 });
  const oral = spec.vaccine === 'rotavirus';
  const arm = ctx.rng.pick(['LA', 'RA'] as const);
  const site: Code = spec.date < addMonths(patient.birthDate, 36)
    ? ['http://terminology.hl7.org/CodeSystem/v3-ActSite', 'LT', 'left thigh']
    : ['http://terminology.hl7.org/CodeSystem/v3-ActSite', arm, arm === 'LA' ? 'left arm' : 'right arm'];
  return ctx.add<Immunization>({
    resourceType: 'Immunization', id: ctx.nextId(patient.key, 'imm'), meta: { profile: [PROFILES.immunization] },
    status: 'completed', vaccineCode: concept(v.code, v.text),
    patient: ref('Patient', patient.id, patient.display),
    ...(spec.encounterId ?? spec.visit ? { encounter: ref('Encounter', spec.encounterId ?? spec.visit?.encounterId ?? '') } : {}),
    occurrenceDateTime: atTime(spec.date, ctx.rng.int(9 * 60, 16 * 60)),
    primarySource: true,
    location: ref('Location', LOCATIONS[spec.location].id, LOCATIONS[spec.location].name),
    lotNumber: ctx.rng.lot(), expirationDate: addMonths(spec.date, ctx.rng.int(6, 18)),
    ...(oral ? {} : { site: concept(site) }),
    route: concept(oral
      ? ['http://terminology.hl7.org/CodeSystem/v3-RouteOfAdministration', 'PO', 'Swallow, oral']
      : ['http://terminology.hl7.org/CodeSystem/v3-RouteOfAdministration', 'IM', 'Injection, intramuscular']),
    doseQuantity: ucum(v.dose, 'mL'),
    performer: [{
      function: concept(['http://terminology.hl7.org/CodeSystem/v2-0443', 'AP', 'Administering Provider']),
      actor: ref('Practitioner', PRACTITIONERS.nurse.id, practitionerDisplay('nurse')),
    }],
    ...(spec.doseNumber ? { protocolApplied: [{ doseNumberPositiveInt: spec.doseNumber }] } : {}),
  });
}

/**
 * Records a vaccine that was offered and not given, with the reason (v3 ActReason).
 */
export function addImmunizationNotDone(ctx: SeedContext, patient: SeedPatient, vaccine: VaccineKey, date: string, reason: Code, note: string): Immunization {
  const v = VACCINES[vaccine];
  return ctx.add<Immunization>({
    resourceType: 'Immunization', id: ctx.nextId(patient.key, 'imm'), meta: { profile: [PROFILES.immunization] },
    status: 'not-done', statusReason: concept(reason), vaccineCode: concept(v.code, v.text),
    patient: ref('Patient', patient.id, patient.display),
    occurrenceDateTime: atTime(date, 11 * 60), primarySource: true,
    location: ref('Location', LOCATIONS.main.id, LOCATIONS.main.name),
    note: [{ text: note }],
  });
}

/** The flu vaccine product for a season (US vaccines became trivalent in 2024-25). */
export function fluVaccineFor(date: string): VaccineKey {
  return Number(date.slice(0, 4)) >= 2024 ? 'fluTrivalent' : 'fluQuadrivalent';
}

/** [vaccine, age in months, dose number] for the CDC birth-to-6-years schedule. */
const CHILDHOOD_SCHEDULE: [VaccineKey, number, number][] = [
  ['hepB', 0, 1], ['hepB', 2, 2], ['rotavirus', 2, 1], ['dtap', 2, 1], ['hib', 2, 1], ['pcv13', 2, 1], ['ipv', 2, 1],
  ['rotavirus', 4, 2], ['dtap', 4, 2], ['hib', 4, 2], ['pcv13', 4, 2], ['ipv', 4, 2],
  ['hepB', 6, 3], ['rotavirus', 6, 3], ['dtap', 6, 3], ['hib', 6, 3], ['pcv13', 6, 3], ['ipv', 6, 3],
  ['hib', 12, 4], ['pcv13', 12, 4], ['mmr', 12, 1], ['varicella', 12, 1], ['hepA', 12, 1],
  ['dtap', 15, 4], ['hepA', 18, 2],
  ['dtap', 54, 5], ['ipv', 54, 4], ['mmr', 54, 2], ['varicella', 54, 2],
];

/**
 * Adds the full CDC childhood series up to the anchor date, plus a flu shot every October
 * from 6 months of age (two doses, four weeks apart, in the first season).
 */
export function addChildhoodSeries(ctx: SeedContext, patient: SeedPatient, fluFromYearsAgo: number): void {
  for (const [vaccine, months, dose] of CHILDHOOD_SCHEDULE) {
    const date = months === 0 ? addDays(patient.birthDate, 1) : toWeekday(addDays(addMonths(patient.birthDate, months), ctx.rng.int(0, 10)));
    if (date < ctx.anchor) addImmunization(ctx, patient, { vaccine, date, doseNumber: dose, location: 'westside' });
  }
  addFluSeasons(ctx, patient, fluFromYearsAgo, 'westside');
}

/**
 * Adds one flu shot per autumn for the last `years` seasons (only after 6 months of age).
 */
export function addFluSeasons(ctx: SeedContext, patient: SeedPatient, years: number, location: LocationKey): void {
  const anchorYear = Number(ctx.anchor.slice(0, 4));
  const sixMonths = addMonths(patient.birthDate, 6);
  let first = true;
  for (let year = anchorYear - years; year <= anchorYear; year++) {
    const date = toWeekday(`${year}-10-${String(ctx.rng.int(3, 28)).padStart(2, '0')}`);
    if (date < sixMonths || date >= addDays(ctx.anchor, -1)) continue;
    const vaccine = fluVaccineFor(date);
    addImmunization(ctx, patient, { vaccine, date, location });
    const secondDose = toWeekday(addDays(date, 28));
    if (first && date < addMonths(patient.birthDate, 24) && secondDose < ctx.anchor) {
      addImmunization(ctx, patient, { vaccine, date: secondDose, doseNumber: 2, location });
    }
    first = false;
  }
}
