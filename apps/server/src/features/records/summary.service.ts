import type { AllergyIntolerance, Condition, Immunization, MedicationRequest, Patient } from '@medplum/fhirtypes';
import type { AllergyItem, ConditionItem, HealthSummary, ImmunizationItem, MedicationItem } from '@ourchart/contracts';
import type { PatientAccess } from '../../platform/access/patient-access.ts';
import { conceptText, patientDisplayName, referenceText } from '../../platform/fhir-store/display.ts';

const MAX_ITEMS = '200';

/**
 * The health summary on the home page: problems, medications, allergies and immunizations of the
 * patient in context, current ones first. Every read goes through PatientAccess (audited).
 */
export async function getHealthSummary({ access }: { access: PatientAccess }): Promise<HealthSummary> {
  const [patient, conditions, medications, allergies, immunizations] = await Promise.all([
    access.readPatient(),
    access.search<Condition>('Condition', [['_count', MAX_ITEMS], ['_sort', '-onset-date']]),
    access.search<MedicationRequest>('MedicationRequest', [['_count', MAX_ITEMS], ['_sort', '-authoredon']]),
    access.search<AllergyIntolerance>('AllergyIntolerance', [['_count', MAX_ITEMS]]),
    access.search<Immunization>('Immunization', [['_count', MAX_ITEMS], ['_sort', '-date']]),
  ]);
  return {
    patient: summaryPatient(patient),
    conditions: activeFirst(conditions.resources.map(toConditionItem), (c) => isActiveClinical(c.clinicalStatus)),
    medications: activeFirst(medications.resources.filter((m) => m.status !== 'entered-in-error').map(toMedicationItem), (m) => m.status === 'active'),
    allergies: activeFirst(allergies.resources.filter((a) => conceptText(a.verificationStatus) !== 'entered-in-error').map(toAllergyItem), (a) => isActiveClinical(a.clinicalStatus)),
    immunizations: immunizations.resources.filter((i) => i.status !== 'entered-in-error').map(toImmunizationItem),
  };
}

function summaryPatient(p: Patient): HealthSummary['patient'] {
  return { id: p.id!, name: patientDisplayName(p), birthDate: p.birthDate ?? null };
}

function code(cc: { coding?: { code?: string }[] } | undefined): string | null {
  return cc?.coding?.[0]?.code ?? null;
}

function isActiveClinical(status: string | null): boolean {
  return status === null || status === 'active' || status === 'recurrence' || status === 'relapse';
}

/** Stable partition: items matching `active` keep their order and come first. */
function activeFirst<T>(items: T[], active: (t: T) => boolean): T[] {
  return [...items.filter(active), ...items.filter((t) => !active(t))];
}

function toConditionItem(c: Condition): ConditionItem {
  return {
    id: c.id!,
    name: conceptText(c.code) ?? 'Unnamed condition',
    clinicalStatus: code(c.clinicalStatus),
    onset: c.onsetDateTime ?? c.onsetPeriod?.start ?? c.recordedDate ?? null,
    abatement: c.abatementDateTime ?? c.abatementPeriod?.end ?? null,
  };
}

function toMedicationItem(m: MedicationRequest): MedicationItem {
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

function toAllergyItem(a: AllergyIntolerance): AllergyItem {
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

function toImmunizationItem(i: Immunization): ImmunizationItem {
  return {
    id: i.id!,
    vaccine: conceptText(i.vaccineCode) ?? 'Vaccine',
    date: i.occurrenceDateTime ?? i.occurrenceString ?? null,
    status: i.status,
  };
}
