import type { Questionnaire } from '@medplum/fhirtypes';
import type { FhirStore } from '../../platform/fhir-store/store.ts';
import { gad7, phq9 } from './instruments.ts';
import { preVisitHealth } from './pre-visit-health.ts';

/** Every questionnaire the portal ships: PHQ-9, GAD-7 and the pre-visit health form. */
export function builtInQuestionnaires(): Questionnaire[] {
  return [phq9(), gad7(), preVisitHealth()];
}

/**
 * Puts the built-in questionnaires in the store under their fixed ids (phq-9, gad-7,
 * pre-visit-health), as visit_types.questionnaire_ids name them. Idempotent: an unchanged
 * definition writes no new version. Called by the demo seed and by tests.
 */
export async function seedQuestionnaires(store: FhirStore): Promise<void> {
  for (const q of builtInQuestionnaires()) await store.update(q);
}
