import type {
  AppointmentList, AppointmentView, Availability, BookingRequest, CancelReason, ClinicianList, RescheduleRequest, VisitRequest, VisitRequestView,
  VisitTypeList,
} from '@ourchart/contracts';
import { apiRequest, withPatient } from '../../api/client.ts';
import { currentLanguage } from '../../i18n/index.ts';

// The appointments API. Types come from @ourchart/contracts (type-only, no zod in the bundle).

function query(parts: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(parts)) if (value) params.set(key, value);
  const text = params.toString();
  return text ? `?${text}` : '';
}
const id = (value: string) => encodeURIComponent(value);

export const listAppointments = (patientId?: string) => apiRequest<AppointmentList>('GET', `/api/appointments${query({ patient: patientId })}`);

export const getAppointment = (appointmentId: string, patientId?: string) =>
  apiRequest<AppointmentView>('GET', `/api/appointments/${id(appointmentId)}${query({ patient: patientId })}`);

export const getVisitTypes = (patientId?: string) => apiRequest<VisitTypeList>('GET', `/api/appointments/visit-types${query({ patient: patientId })}`);

export const getClinicians = (visitTypeId: string, patientId?: string) =>
  apiRequest<ClinicianList>('GET', `/api/appointments/visit-types/${id(visitTypeId)}/clinicians${query({ patient: patientId })}`);

export const getAvailability = (q: { visitType: string; practitioner?: string; location?: string; from?: string; appointment?: string; patient?: string }) =>
  apiRequest<Availability>('GET', `/api/appointments/availability${query(q)}`);

export const book = (body: BookingRequest, patientId?: string) => apiRequest<AppointmentView>('POST', `/api/appointments${query({ patient: patientId })}`, body);

export const reschedule = (appointmentId: string, body: RescheduleRequest, patientId?: string) =>
  apiRequest<AppointmentView>('POST', `/api/appointments/${id(appointmentId)}/reschedule${query({ patient: patientId })}`, body);

export const cancel = (appointmentId: string, reason: CancelReason | undefined, patientId?: string) =>
  apiRequest<AppointmentView>('POST', `/api/appointments/${id(appointmentId)}/cancel${query({ patient: patientId })}`, reason ? { reason } : {});

export const requestVisit = (body: VisitRequest, patientId?: string) =>
  apiRequest<VisitRequestView>('POST', `/api/appointments/requests${query({ patient: patientId })}`, body);

/** A plain link (the browser downloads it with the session cookie); `lang` words the file like the page. */
export const calendarUrl = (appointmentId: string, patientId?: string) =>
  withPatient(`/api/appointments/${id(appointmentId)}/ics${query({ patient: patientId, lang: currentLanguage() })}`);
