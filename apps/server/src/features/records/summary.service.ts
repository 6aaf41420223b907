import type { AllergyIntolerance, Condition, Immunization, MedicationRequest, Patient } from '@medplum/fhirtypes';
import type { HealthSummary } from '@ourchart/contracts';
import type { PatientAccess } from '../../platform/access/patient-access.ts';
import { patientDisplayName } from '../../platform/fhir-store/display.ts';
import { isActiveClinical, isMistaken, toAllergyItem, toConditionItem, toImmunizationItem, toMedicationItem } from './record-items.ts';

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
    conditions: activeFirst(conditions.resources.filter((c) => !isMistaken.condition(c)).map(toConditionItem), (c) => isActiveClinical(c.clinicalStatus)),
    medications: activeFirst(medications.resources.filter((m) => !isMistaken.medication(m)).map(toMedicationItem), (m) => m.status === 'active'),
    allergies: activeFirst(allergies.resources.filter((a) => !isMistaken.allergy(a)).map(toAllergyItem), (a) => isActiveClinical(a.clinicalStatus)),
    immunizations: immunizations.resources.filter((i) => i.status !== 'entered-in-error').map(toImmunizationItem),
  };
}

function summaryPatient(p: Patient): HealthSummary['patient'] {
  return { id: p.id!, name: patientDisplayName(p), birthDate: p.birthDate ?? null };
}

/** Stable partition: items matching `active` keep their order and come first. */
function activeFirst<T>(items: T[], active: (t: T) => boolean): T[] {
  return [...items.filter(active), ...items.filter((t) => !active(t))];
}
