import type { AllergyIntolerance, Condition, MedicationRequest } from '@medplum/fhirtypes';
import type { AllergyList, ConditionList, MedicationList } from '@ourchart/contracts';
import type { PatientAccess } from '../../platform/access/patient-access.ts';
import {
  isActiveClinical, isActiveMedication, isMistaken, splitActivePast, toAllergyRecord, toConditionRecord, toMedicationRecord,
} from './record-items.ts';

// A record page shows everything on file; a lifetime of prescriptions stays well under this.
const MAX_ITEMS = '1000';

/**
 * The Medications page: prescriptions of the patient in context with structured dose
 * instructions, current ones (active, on hold) first, then earlier ones, each newest first.
 * Mistaken and draft entries are left out. Reads go through PatientAccess (audited).
 */
export async function listMedications({ access }: { access: PatientAccess }): Promise<MedicationList> {
  const found = await access.search<MedicationRequest>('MedicationRequest', [['_count', MAX_ITEMS]]);
  const items = found.resources.filter((m) => !isMistaken.medication(m)).map(toMedicationRecord);
  return splitActivePast(items, (m) => isActiveMedication(m.status), (m) => m.authoredOn);
}

/**
 * The Allergies page: allergies and intolerances with reactions, severity, risk and onset;
 * current ones (active, or without a status) first. Mistaken entries are left out.
 */
export async function listAllergies({ access }: { access: PatientAccess }): Promise<AllergyList> {
  const found = await access.search<AllergyIntolerance>('AllergyIntolerance', [['_count', MAX_ITEMS]]);
  const items = found.resources.filter((a) => !isMistaken.allergy(a)).map(toAllergyRecord);
  return splitActivePast(items, (a) => isActiveClinical(a.clinicalStatus), (a) => a.onset ?? a.recorded);
}

/**
 * The Conditions page: problems and diagnoses with onset, end, clinical and verification status
 * and who recorded them; current ones (active, recurrence, relapse) first. Mistaken entries are left out.
 */
export async function listConditions({ access }: { access: PatientAccess }): Promise<ConditionList> {
  const found = await access.search<Condition>('Condition', [['_count', MAX_ITEMS]]);
  const items = found.resources.filter((c) => !isMistaken.condition(c)).map(toConditionRecord);
  return splitActivePast(items, (c) => isActiveClinical(c.clinicalStatus), (c) => c.onset ?? c.recorded);
}
