import { randomUUID } from 'node:crypto';
import type { Appointment } from '@medplum/fhirtypes';
import type { AppContext } from '../../context.ts';

/** Test fixtures for eCheck-in and questionnaires (integration tests only). */

/** A visit type asking for these questionnaires (unique id per call). */
export async function createVisitType(ctx: AppContext, questionnaireIds: string[]): Promise<string> {
  const id = `vt-${randomUUID().slice(0, 8)}`;
  await ctx.db.query(
    `INSERT INTO visit_types (id, name_en, name_es, duration_minutes, modality, booking, questionnaire_ids, bring_en, bring_es)
     VALUES ($1, 'Annual physical', 'Examen físico anual', 40, 'in-person', 'self', $2, 'Bring your insurance card.', 'Traiga su tarjeta del seguro.')`,
    [id, questionnaireIds],
  );
  return id;
}

/** A booked appointment of the patient starting `inHours` from now: the FHIR Appointment and its scheduling row. */
export async function createAppointment(ctx: AppContext, o: { patientId: string; practitionerId: string; visitTypeId: string; inHours: number; status?: string }): Promise<string> {
  const start = new Date(Date.now() + o.inHours * 3_600_000);
  start.setUTCSeconds(0, 0);
  const end = new Date(start.getTime() + 40 * 60_000);
  const saved = await ctx.store.create<Appointment>({
    resourceType: 'Appointment', status: 'booked', start: start.toISOString(), end: end.toISOString(),
    participant: [
      { actor: { reference: `Patient/${o.patientId}` }, status: 'accepted' },
      { actor: { reference: `Practitioner/${o.practitionerId}`, display: 'Dr. Test' }, status: 'accepted' },
    ],
  });
  await ctx.db.query(
    `INSERT INTO appointments (id, patient_id, practitioner_id, location_id, visit_type_id, starts_at, ends_at, status) VALUES ($1, $2, $3, 'loc-test', $4, $5, $6, $7)`,
    [saved.id, o.patientId, o.practitionerId, o.visitTypeId, start, end, o.status ?? 'booked'],
  );
  return saved.id!;
}
