import type { CodeableConcept, DiagnosticReport, Observation, ObservationReferenceRange } from '@medplum/fhirtypes';
import type { BillableVisit } from './billing.ts';
import { CLINIC_ID, CLINIC_NAME, PRACTITIONERS, practitionerDisplay, type PractitionerKey } from './clinic.ts';
import { addDays, atTime } from './dates.ts';
import { concept, PROFILES, ref, refTo, SYSTEMS, ucum } from './fhir-helpers.ts';
import { LAB_PANELS, LAB_TESTS, type LabPanelKey, type LabTest, type LabTestKey } from './lab-catalog.ts';
import type { SeedPatient } from './patients.ts';
import type { SeedContext } from './seed-context.ts';

const INTERPRETATIONS = {
  N: 'Normal', H: 'High', L: 'Low', HH: 'Critical high', LL: 'Critical low',
} as const;
type Flag = keyof typeof INTERPRETATIONS;

const bySex = <T>(v: T | { female: T; male: T } | undefined, sex: 'female' | 'male'): T | undefined =>
  v !== null && typeof v === 'object' ? (v as { female: T; male: T })[sex] : (v as T | undefined);

/** Interpretation flag of a value against a test's reference and critical limits. */
export function interpret(test: LabTest, value: number, sex: 'female' | 'male'): Flag {
  const low = bySex(test.low, sex);
  const high = bySex(test.high, sex);
  if (test.critHigh !== undefined && value >= test.critHigh) return 'HH';
  if (test.critLow !== undefined && value <= test.critLow) return 'LL';
  if (high !== undefined && value > high) return 'H';
  if (low !== undefined && value < low) return 'L';
  return 'N';
}

function interpretationConcept(flag: Flag): CodeableConcept[] {
  return [concept([SYSTEMS.interpretation, flag, INTERPRETATIONS[flag]])];
}

function referenceRange(test: LabTest, sex: 'female' | 'male'): ObservationReferenceRange[] {
  const low = bySex(test.low, sex);
  const high = bySex(test.high, sex);
  return [{
    ...(low !== undefined ? { low: ucum(low, test.unit) } : {}),
    ...(high !== undefined ? { high: ucum(high, test.unit) } : {}),
    text: bySex(test.rangeText, sex),
  }];
}

export type LabPanelSpec = {
  panel: LabPanelKey;
  date: string;
  orderedBy: PractitionerKey;
  /** Values that tell the story; the rest are drawn from the healthy range. */
  values?: Partial<Record<LabTestKey, number>>;
  encounterId?: string;
  visit?: BillableVisit;
  conclusion?: string;
};

export type LabPanelResult = { report: DiagnosticReport; observations: Observation[] };

/**
 * Adds a lab DiagnosticReport and its result Observations (US Core lab profiles).
 * Specimens are drawn in the morning and resulted the same afternoon.
 */
export function addLabPanel(ctx: SeedContext, patient: SeedPatient, spec: LabPanelSpec): LabPanelResult {
  const panel = LAB_PANELS[spec.panel];
  const collected = atTime(spec.date, ctx.rng.int(8 * 60, 11 * 60));
  const issued = atTime(spec.date, ctx.rng.int(14 * 60, 17 * 60));
  const subject = ref('Patient', patient.id, patient.display);
  const performer = [ref('Organization', CLINIC_ID, `${CLINIC_NAME} Laboratory`)];
  const encounter = spec.encounterId ? { encounter: ref('Encounter', spec.encounterId) } : {};
  const observations = (panel.tests as readonly LabTestKey[]).map((key) => {
    const test = LAB_TESTS[key];
    const value = spec.values?.[key] ?? ctx.rng.float(test.typical[0], test.typical[1], test.decimals);
    return ctx.add<Observation>({
      resourceType: 'Observation', id: ctx.nextId(patient.key, 'lab'), meta: { profile: [PROFILES.labObservation] },
      status: 'final',
      category: [concept([SYSTEMS.obsCategory, 'laboratory', 'Laboratory'])],
      code: concept([SYSTEMS.loinc, test.loinc, test.display], test.text),
      subject, ...encounter, effectiveDateTime: collected, issued, performer,
      valueQuantity: ucum(value, test.unit),
      interpretation: interpretationConcept(interpret(test, value, patient.gender)),
      referenceRange: referenceRange(test, patient.gender),
    });
  });
  const report = ctx.add<DiagnosticReport>({
    resourceType: 'DiagnosticReport', id: ctx.nextId(patient.key, 'report'), meta: { profile: [PROFILES.labReport] },
    status: 'final',
    category: [concept([SYSTEMS.v2Section, 'LAB', 'Laboratory'])],
    code: concept(panel.code, panel.text),
    subject, ...encounter, effectiveDateTime: collected, issued, performer,
    resultsInterpreter: [ref('Practitioner', PRACTITIONERS[spec.orderedBy].id, practitionerDisplay(spec.orderedBy))],
    result: observations.map((o) => refTo(o, o.code?.text)),
    ...(spec.conclusion ? { conclusion: spec.conclusion } : {}),
  });
  spec.visit?.items.push({ cpt: panel.cpt[0], display: panel.cpt[1], charge: panel.cpt[2] });
  return { report, observations };
}

export type LabCorrectionSpec = {
  result: LabPanelResult;
  test: LabTestKey;
  correctedValue: number;
  daysLater: number;
  note: string;
};

/**
 * Queues a corrected version of one result and of its report in ctx.corrections
 * (same ids, applied after the bundle, so the server keeps the first version in history).
 */
export function correctLabResult(ctx: SeedContext, patient: SeedPatient, spec: LabCorrectionSpec): void {
  const test = LAB_TESTS[spec.test];
  const original = spec.result.observations.find((o) => o.code?.coding?.[0]?.code === test.loinc);
  if (!original?.issued) throw new Error(`No ${spec.test} result to correct`);
  const correctedAt = atTime(addDays(original.issued.slice(0, 10), spec.daysLater), 10 * 60 + 15);
  const observation: Observation = {
    ...structuredClone(original), status: 'corrected', issued: correctedAt,
    valueQuantity: ucum(spec.correctedValue, test.unit),
    interpretation: interpretationConcept(interpret(test, spec.correctedValue, patient.gender)),
    note: [{ time: correctedAt, text: spec.note }],
  };
  const report: DiagnosticReport = {
    ...structuredClone(spec.result.report), status: 'corrected', issued: correctedAt,
    conclusion: `Corrected report. ${spec.note}`,
  };
  ctx.corrections.push(observation, report);
}
