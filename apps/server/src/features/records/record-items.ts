import type { AllergyIntolerance, Annotation, Condition, Immunization, MedicationRequest } from '@medplum/fhirtypes';
import type { AllergyItem, AllergyRecord, ConditionItem, ConditionRecord, ImmunizationItem, MedicationItem, MedicationRecord } from '@ourchart/contracts';
import { splitReference } from '../../platform/fhir-store/indexer.ts';
import { conceptText, referenceText } from '../../platform/fhir-store/display.ts';
import { toDosageDetail } from './record-dosage.ts';

/*
 * FHIR → contract mappers shared by the health summary and the record pages: the summary item
 * is the core, and each page's record adds its details to it, so one piece of code says what a
 * condition's onset or a medicine's prescriber is.
 */

/** The code of a CodeableConcept's first coding (FHIR status concepts are coded, not worded). */
export function code(cc: { coding?: { code?: string }[] } | undefined): string | null {
  return cc?.coding?.[0]?.code ?? null;
}

export function isActiveClinical(status: string | null): boolean {
  return status === null || status === 'active' || status === 'recurrence' || status === 'relapse';
}

/** Medicines still being taken (or paused) count as current. */
export function isActiveMedication(status: string): boolean {
  return status === 'active' || status === 'on-hold';
}

/** Mistaken entries are never shown (FHIR: entered-in-error). */
export const isMistaken = {
  condition: (c: Condition) => code(c.verificationStatus) === 'entered-in-error',
  allergy: (a: AllergyIntolerance) => code(a.verificationStatus) === 'entered-in-error',
  medication: (m: MedicationRequest) => m.status === 'entered-in-error' || m.status === 'draft',
};

function notes(annotations: Annotation[] | undefined): string[] {
  return (annotations ?? []).map((n) => n.text).filter((t): t is string => !!t);
}

export function toConditionItem(c: Condition): ConditionItem {
  return {
    id: c.id!,
    name: conceptText(c.code) ?? 'Unnamed condition',
    clinicalStatus: code(c.clinicalStatus),
    onset: c.onsetDateTime ?? c.onsetPeriod?.start ?? c.recordedDate ?? null,
    abatement: c.abatementDateTime ?? c.abatementPeriod?.end ?? null,
  };
}

export function toConditionRecord(c: Condition): ConditionRecord {
  return {
    ...toConditionItem(c),
    verificationStatus: code(c.verificationStatus),
    recorded: c.recordedDate ?? null,
    recorder: referenceText(c.recorder) ?? referenceText(c.asserter),
    encounterId: c.encounter?.reference ? (splitReference(c.encounter.reference)?.targetId ?? null) : null,
    notes: notes(c.note),
  };
}

export function toMedicationItem(m: MedicationRequest): MedicationItem {
  const instructions = (m.dosageInstruction ?? []).map((d) => d.patientInstruction ?? d.text).filter(Boolean).join(' ');
  return {
    id: m.id!,
    name: conceptText(m.medicationCodeableConcept) ?? referenceText(m.medicationReference) ?? 'Unnamed medicine',
    status: m.status,
    instructions: instructions || null,
    authoredOn: m.authoredOn ?? null,
    prescriber: referenceText(m.requester),
  };
}

export function toMedicationRecord(m: MedicationRequest): MedicationRecord {
  return {
    ...toMedicationItem(m),
    statusReason: conceptText(m.statusReason),
    reasons: [...(m.reasonCode ?? []).map(conceptText), ...(m.reasonReference ?? []).map(referenceText)].filter((r): r is string => !!r),
    dosage: (m.dosageInstruction ?? []).map(toDosageDetail),
    refills: m.dispenseRequest?.numberOfRepeatsAllowed ?? null,
  };
}

export function toAllergyItem(a: AllergyIntolerance): AllergyItem {
  const reactions = (a.reaction ?? []).flatMap((r) =>
    (r.manifestation ?? []).map((mf) => ({ manifestation: conceptText(mf) ?? '', severity: r.severity ?? null })).filter((x) => x.manifestation),
  );
  return {
    id: a.id!,
    substance: conceptText(a.code) ?? 'Unnamed allergy',
    clinicalStatus: code(a.clinicalStatus),
    criticality: a.criticality ?? null,
    reactions,
    recorded: a.recordedDate ?? a.onsetDateTime ?? null,
  };
}

export function toAllergyRecord(a: AllergyIntolerance): AllergyRecord {
  return {
    ...toAllergyItem(a),
    verificationStatus: code(a.verificationStatus),
    categories: a.category ?? [],
    type: a.type ?? null,
    onset: a.onsetDateTime ?? a.onsetPeriod?.start ?? a.onsetString ?? null,
    lastOccurrence: a.lastOccurrence ?? null,
    recorder: referenceText(a.recorder) ?? referenceText(a.asserter),
    notes: notes(a.note),
  };
}

export function toImmunizationItem(i: Immunization): ImmunizationItem {
  return {
    id: i.id!,
    vaccine: conceptText(i.vaccineCode) ?? 'Vaccine',
    date: i.occurrenceDateTime ?? i.occurrenceString ?? null,
    status: i.status,
  };
}

/** Splits into current and earlier items, each newest first by the given date (undated last). */
export function splitActivePast<T>(items: T[], isActive: (t: T) => boolean, dateOf: (t: T) => string | null): { active: T[]; past: T[] } {
  const newestFirst = [...items].sort((a, b) => (dateOf(b) ?? '').localeCompare(dateOf(a) ?? ''));
  return { active: newestFirst.filter(isActive), past: newestFirst.filter((t) => !isActive(t)) };
}
