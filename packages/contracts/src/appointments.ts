import { z } from 'zod';

/**
 * Patient scheduling (issue 5): pick a reason (visit type), a clinician and place (or "first
 * available"), a day and time; see, move, cancel and add visits to a calendar. Times travel as
 * ISO-8601 UTC instants; the web shows them in the clinic's time zone (`timeZone`).
 */

const id = (what: string) => z.string({ error: `Choose ${what}.` }).regex(/^[A-Za-z0-9\-.]{1,64}$/, `Choose ${what} from the list.`);
const instant = z.string({ error: 'Choose a time from the list.' }).datetime({ offset: true, message: 'Choose a time from the list.' });

export const Modality = z.enum(['in-person', 'video']);
export type Modality = z.infer<typeof Modality>;

/** A kind of visit patients can book ('self') or ask for ('request'), in the caller's language. */
export const VisitTypeOption = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  durationMinutes: z.number().int(),
  modality: Modality,
  booking: z.enum(['self', 'request']),
});
export type VisitTypeOption = z.infer<typeof VisitTypeOption>;

/** GET /api/appointments/visit-types */
export const VisitTypeList = z.object({ visitTypes: z.array(VisitTypeOption) });
export type VisitTypeList = z.infer<typeof VisitTypeList>;

export const PlaceInfo = z.object({
  id: z.string(),
  name: z.string(),
  address: z.string(),
  phone: z.string().nullable(),
  directionsUrl: z.string().nullable(),
});
export type PlaceInfo = z.infer<typeof PlaceInfo>;

/** A clinician who sees this visit type, and where. */
export const ClinicianOption = z.object({ id: z.string(), name: z.string(), locations: z.array(PlaceInfo) });
export type ClinicianOption = z.infer<typeof ClinicianOption>;

/** GET /api/appointments/visit-types/:id/clinicians */
export const ClinicianList = z.object({ clinicians: z.array(ClinicianOption) });
export type ClinicianList = z.infer<typeof ClinicianList>;

/** GET /api/appointments/availability?visitType=&practitioner=&location=&from= */
export const AvailabilityQuery = z.object({
  visitType: id('a reason for the visit'),
  practitioner: id('a clinician').optional(),
  location: id('a place').optional(),
  /** Look from this instant on (default now). */
  from: instant.optional(),
  /** Leave this appointment's own time out of "taken" (reschedule). */
  appointment: id('a visit').optional(),
  patient: z.string().regex(/^[A-Za-z0-9\-.]{1,64}$/, 'Not a valid patient id.').optional(),
});
export type AvailabilityQuery = z.infer<typeof AvailabilityQuery>;

export const TimeOption = z.object({
  startsAt: z.string(),
  endsAt: z.string(),
  practitionerId: z.string(),
  practitionerName: z.string(),
  locationId: z.string(),
  locationName: z.string(),
});
export type TimeOption = z.infer<typeof TimeOption>;

/** Days that have free times (up to 14), each with its times; `next` continues the search. */
export const Availability = z.object({
  timeZone: z.string(),
  days: z.array(z.object({ date: z.string(), times: z.array(TimeOption) })),
  next: z.string().nullable(),
});
export type Availability = z.infer<typeof Availability>;

/** POST /api/appointments */
export const BookingRequest = z.object({
  visitTypeId: id('a reason for the visit'),
  practitionerId: id('a clinician'),
  locationId: id('a place'),
  startsAt: instant,
});
export type BookingRequest = z.infer<typeof BookingRequest>;

/** POST /api/appointments/:id/reschedule */
export const RescheduleRequest = BookingRequest.omit({ visitTypeId: true });
export type RescheduleRequest = z.infer<typeof RescheduleRequest>;

/** Reasons a patient may give when cancelling (optional). */
export const CancelReason = z.enum(['feeling-better', 'schedule-conflict', 'transportation', 'cost', 'seeing-someone-else', 'other']);
export type CancelReason = z.infer<typeof CancelReason>;

/** POST /api/appointments/:id/cancel */
export const CancelRequest = z.object({ reason: CancelReason.optional() });
export type CancelRequest = z.infer<typeof CancelRequest>;

/** POST /api/appointments/requests: ask for a visit type staff book (the clinic calls back). */
export const VisitRequest = z
  .object({
    visitTypeId: id('a reason for the visit'),
    practitionerId: id('a clinician').optional(),
    /** Preferred days, YYYY-MM-DD (clinic time). */
    preferredFrom: z.string({ error: 'Choose the first day that works for you.' }).regex(/^\d{4}-\d{2}-\d{2}$/, 'Choose the first day that works for you.'),
    preferredTo: z.string({ error: 'Choose the last day that works for you.' }).regex(/^\d{4}-\d{2}-\d{2}$/, 'Choose the last day that works for you.'),
  })
  .refine((r) => r.preferredFrom <= r.preferredTo, { path: ['preferredTo'], message: 'The last day must be on or after the first day.' });
export type VisitRequest = z.infer<typeof VisitRequest>;

export const AppointmentStatus = z.enum(['proposed', 'booked', 'arrived', 'checked-in', 'fulfilled', 'cancelled', 'noshow']);
export type AppointmentStatus = z.infer<typeof AppointmentStatus>;

/** One visit as the patient sees it. */
export const AppointmentView = z.object({
  id: z.string(),
  status: AppointmentStatus,
  startsAt: z.string(),
  endsAt: z.string(),
  /** The clinic's time zone, in which the visit is shown. */
  timeZone: z.string(),
  visitType: z.object({ id: z.string(), name: z.string() }),
  modality: Modality,
  clinician: z.object({ id: z.string(), name: z.string() }).nullable(),
  place: PlaceInfo.nullable(),
  /** Video visits: the join link, only from 30 minutes before the start until the end. */
  videoUrl: z.string().nullable(),
  videoOpensAt: z.string().nullable(),
  /** Until when it can be moved or cancelled online; null when it cannot be changed at all. */
  changeUntil: z.string().nullable(),
  canChange: z.boolean(),
  /** eCheck-in is open (within 3 days before a booked visit). */
  checkInOpen: z.boolean(),
  checkInDone: z.boolean(),
  /** What to bring (visit type), in the caller's language. */
  bring: z.string(),
  /** Phone of the clinic, for changes after the cut-off. */
  clinicPhone: z.string().nullable(),
});
export type AppointmentView = z.infer<typeof AppointmentView>;

/** A request for a visit type that staff book: "Requested, the clinic will call you". */
export const VisitRequestView = z.object({
  id: z.string(),
  status: z.enum(['proposed', 'cancelled', 'booked']),
  visitType: z.object({ id: z.string(), name: z.string() }),
  clinician: z.object({ id: z.string(), name: z.string() }).nullable(),
  preferredFrom: z.string().nullable(),
  preferredTo: z.string().nullable(),
  requestedAt: z.string().nullable(),
});
export type VisitRequestView = z.infer<typeof VisitRequestView>;

/** GET /api/appointments */
export const AppointmentList = z.object({
  timeZone: z.string(),
  upcoming: z.array(AppointmentView),
  past: z.array(AppointmentView),
  requests: z.array(VisitRequestView),
});
export type AppointmentList = z.infer<typeof AppointmentList>;

/** The body of a 409 SLOT_TAKEN problem: other free times to offer. */
export const SlotTakenProblem = z.object({ code: z.literal('SLOT_TAKEN'), alternatives: z.array(TimeOption) });
export type SlotTakenProblem = z.infer<typeof SlotTakenProblem>;
