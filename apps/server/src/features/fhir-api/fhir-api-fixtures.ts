import type { Immunization, Medication, MedicationRequest, Observation, Provenance } from '@medplum/fhirtypes';
import type { AppContext } from '../../context.ts';
import { buildCondition, buildObservation } from '../../test/factories.ts';

export type SeededRecord = {
  /** Three laboratory results; the first has two versions (preliminary, then final). */
  labIds: string[];
  vitalId: string;
  conditionId: string;
  medicationRequestId: string;
  medicationId: string;
  immunizationId: string;
  /** A Provenance of the patient targeting the first result. */
  provenanceId: string;
};

const CATEGORY = 'http://terminology.hl7.org/CodeSystem/observation-category';

/** A Provenance in `patientId`'s compartment (it targets the Patient) that also targets `target`. */
export async function seedProvenance(ctx: AppContext, patientId: string, target: string): Promise<string> {
  const p = await ctx.store.create<Provenance>({
    resourceType: 'Provenance',
    target: [{ reference: `Patient/${patientId}` }, { reference: target }],
    recorded: '2024-03-05T10:00:00Z',
    agent: [{ who: { display: 'OurChart lab interface' } }],
  });
  return p.id!;
}

/**
 * A small record for FHIR API tests: results (lab and vital signs, one corrected), a condition,
 * a prescription of a shared Medication, an immunization and a Provenance. The vital sign's focus is
 * the condition; `focusOn` makes the last lab result point at another resource (another patient's,
 * to prove _include stays inside).
 */
export async function seedFhirRecord(ctx: AppContext, patientId: string, options: { focusOn?: string } = {}): Promise<SeededRecord> {
  const labIds: string[] = [];
  for (let i = 0; i < 3; i++) {
    const focus = i === 2 && options.focusOn ? { focus: [{ reference: options.focusOn }] } : {};
    const o = await ctx.store.create(buildObservation(patientId, { effectiveDateTime: `2024-0${i + 1}-05T09:30:00Z`, status: i === 0 ? 'preliminary' : 'final', ...focus }));
    labIds.push(o.id!);
  }
  const first = (await ctx.store.read('Observation', labIds[0]!)) as Observation;
  await ctx.store.update<Observation>({ ...first, status: 'final' });
  const condition = await ctx.store.create(buildCondition(patientId));
  const vital = await ctx.store.create(buildObservation(patientId, {
    focus: [{ reference: `Condition/${condition.id}` }],
    category: [{ coding: [{ system: CATEGORY, code: 'vital-signs' }] }],
    code: { coding: [{ system: 'http://loinc.org', code: '8867-4', display: 'Heart rate' }] },
    valueQuantity: { value: 72, unit: '/min', system: 'http://unitsofmeasure.org', code: '/min' },
  }));
  const medication = await ctx.store.create<Medication>({
    resourceType: 'Medication', code: { coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '860975', display: 'metformin 500 MG Oral Tablet' }] },
  });
  const request = await ctx.store.create<MedicationRequest>({
    resourceType: 'MedicationRequest', status: 'active', intent: 'order', subject: { reference: `Patient/${patientId}` },
    medicationReference: { reference: `Medication/${medication.id}` }, authoredOn: '2024-02-01',
  });
  const immunization = await ctx.store.create<Immunization>({
    resourceType: 'Immunization', status: 'completed', patient: { reference: `Patient/${patientId}` }, occurrenceDateTime: '2023-10-01',
    vaccineCode: { coding: [{ system: 'http://hl7.org/fhir/sid/cvx', code: '141', display: 'Influenza, seasonal, injectable' }] },
  });
  const provenanceId = await seedProvenance(ctx, patientId, `Observation/${labIds[0]}`);
  return {
    labIds, vitalId: vital.id!, conditionId: condition.id!, medicationRequestId: request.id!, medicationId: medication.id!,
    immunizationId: immunization.id!, provenanceId,
  };
}
