import type { AcceptedOffer, AppointmentList, NewWaitlistEntry, WaitlistEntry, WaitlistOffer, WaitlistOverview } from '@ourchart/contracts';
import { apiRequest } from '../../api/client.ts';

// The waitlist API. Types come from @ourchart/contracts (type-only, no zod in the bundle).

const forPatient = (patientId: string | undefined) => (patientId ? `?patient=${encodeURIComponent(patientId)}` : '');

export const getWaitlist = (patientId?: string) => apiRequest<WaitlistOverview>('GET', `/api/waitlist${forPatient(patientId)}`);

export const askForEarlierTime = (body: Partial<NewWaitlistEntry> & { appointmentId: string }, patientId?: string) =>
  apiRequest<WaitlistEntry>('POST', `/api/waitlist${forPatient(patientId)}`, body);

export const stopLooking = (entryId: string, patientId?: string) =>
  apiRequest<WaitlistEntry>('POST', `/api/waitlist/${encodeURIComponent(entryId)}/stop${forPatient(patientId)}`);

export const acceptOffer = (offerId: string, patientId?: string) =>
  apiRequest<AcceptedOffer>('POST', `/api/waitlist/offers/${encodeURIComponent(offerId)}/accept${forPatient(patientId)}`);

export const declineOffer = (offerId: string, patientId?: string) =>
  apiRequest<WaitlistOffer>('POST', `/api/waitlist/offers/${encodeURIComponent(offerId)}/decline${forPatient(patientId)}`);

/** The patient's visits (the appointments API), to offer "Get an earlier time" on the upcoming ones. */
export const getAppointments = (patientId?: string) => apiRequest<AppointmentList>('GET', `/api/appointments${forPatient(patientId)}`);
