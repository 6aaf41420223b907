import type { Appointment, AppointmentParticipant } from '@medplum/fhirtypes';

type Reference = NonNullable<AppointmentParticipant['actor']>;
import type { VisitTypeRow } from './scheduling.queries.ts';

/** Code system of the portal's visit types (Appointment.serviceType). */
export const VISIT_TYPE_SYSTEM = 'https://ourchart.example/fhir/CodeSystem/visit-type';
/** Extension holding the cancellation reason code chosen from the portal's list. */
export const CANCEL_REASON_SYSTEM = 'https://ourchart.example/fhir/CodeSystem/cancel-reason';

export type AppointmentParts = {
  id: string;
  patient: Reference;
  practitioner: Reference;
  location: Reference;
  visitType: VisitTypeRow;
  startsAt: Date;
  endsAt: Date;
  created: string;
};

function serviceType(visitType: VisitTypeRow): Appointment['serviceType'] {
  return [{ coding: [{ system: VISIT_TYPE_SYSTEM, code: visitType.id, display: visitType.name_en }], text: visitType.name_en }];
}

/** The FHIR Appointment of a self-booked visit (status booked). No free text: it carries no diagnosis. */
export function bookedAppointment(p: AppointmentParts): Appointment {
  return {
    resourceType: 'Appointment',
    id: p.id,
    status: 'booked',
    serviceType: serviceType(p.visitType),
    start: p.startsAt.toISOString(),
    end: p.endsAt.toISOString(),
    minutesDuration: Math.round((p.endsAt.getTime() - p.startsAt.getTime()) / 60_000),
    created: p.created,
    participant: [
      { actor: p.patient, required: 'required', status: 'accepted' },
      { actor: p.practitioner, required: 'required', status: 'accepted' },
      { actor: p.location, required: 'required', status: 'accepted' },
    ],
  };
}

/** A request for a visit type patients cannot book themselves: status proposed with the wished-for period. */
export function proposedAppointment(p: { id: string; patient: Reference; visitType: VisitTypeRow; from: Date; to: Date; created: string; practitioner?: Reference }): Appointment {
  return {
    resourceType: 'Appointment',
    id: p.id,
    status: 'proposed',
    serviceType: serviceType(p.visitType),
    created: p.created,
    requestedPeriod: [{ start: p.from.toISOString(), end: p.to.toISOString() }],
    participant: [
      { actor: p.patient, required: 'required', status: 'accepted' },
      ...(p.practitioner ? [{ actor: p.practitioner, required: 'required' as const, status: 'needs-action' as const }] : []),
    ],
  };
}

/** The same Appointment, cancelled (with the reason code when one was chosen). */
export function cancelledAppointment(a: Appointment, reason?: string): Appointment {
  return {
    ...a,
    status: 'cancelled',
    ...(reason ? { cancelationReason: { coding: [{ system: CANCEL_REASON_SYSTEM, code: reason }] } } : {}),
  };
}

export function visitTypeCode(a: Appointment): string | undefined {
  return a.serviceType?.flatMap((s) => s.coding ?? []).find((c) => c.system === VISIT_TYPE_SYSTEM)?.code;
}

export function actorId(a: Appointment, type: 'Patient' | 'Practitioner' | 'Location'): string | undefined {
  const ref = a.participant?.map((p) => p.actor?.reference).find((r) => r?.startsWith(`${type}/`));
  return ref?.slice(type.length + 1);
}
