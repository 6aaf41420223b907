import type { ReadingInput, SavedReading } from '@ourchart/contracts';
import type { AppContext } from '../../context.ts';
import type { PatientAccess } from '../../platform/access/patient-access.ts';
import { readingToObservation } from './reading-observation.ts';

/**
 * Saves one home reading as a patient-reported Observation in the compartment of the patient in
 * context. `access` has already checked the writer is that patient or a proxy with an active grant
 * (patientAccessFor); PatientAccess has no write method yet, so the store is called here and the
 * write is audited as PatientAccess audits reads. The input was validated by the contract schema.
 */
export async function addReading({ ctx, access }: { ctx: Pick<AppContext, 'store' | 'audit'>; access: PatientAccess }, input: ReadingInput): Promise<SavedReading> {
  const observation = readingToObservation(input, access.patientId, new Date().toISOString());
  const saved = await ctx.store.create(observation);
  await ctx.audit.record({
    actorId: access.actor.userId,
    actorRole: access.actor.role,
    patientId: access.patientId,
    action: 'create',
    entityType: 'Observation',
    entityId: saved.id!,
    query: null,
    outcome: 'success',
    ip: access.actor.ip ?? null,
    requestId: access.actor.requestId ?? null,
  });
  return { observationId: saved.id!, type: input.type, effective: saved.effectiveDateTime! };
}
