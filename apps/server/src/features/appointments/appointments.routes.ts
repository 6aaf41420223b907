import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  AppointmentList, AppointmentView, Availability, AvailabilityQuery, BookingRequest, CancelRequest, ClinicianList, RescheduleRequest, VisitRequest,
  VisitRequestView, VisitTypeList,
} from '@ourchart/contracts';
import type { AppContext } from '../../context.ts';
import { patientAccessFor } from '../../platform/access/resolve.ts';
import { requireAuth } from '../../platform/auth/request-auth.ts';
import { wantsSpanish } from '../../platform/http/messages-es.ts';
import type { Locale } from './appointment-view.ts';
import {
  appointmentCalendar, cancelAppointment, findOwnAppointment, getAppointment, listAppointments, requestVisit, rescheduleAppointment,
} from './appointments.service.ts';
import { availability, bookableVisitTypes, cliniciansFor } from './booking-options.service.ts';
import { bookAppointment } from './booking.ts';

const patient = z.string().regex(/^[A-Za-z0-9\-.]{1,64}$/, 'Not a valid patient id.').optional();
const PatientQuery = z.object({ patient });
const CalendarQuery = z.object({ patient, lang: z.enum(['en', 'es']).optional() });
const IdParam = z.object({ id: z.string().regex(/^[A-Za-z0-9\-.]{1,64}$/, 'Not a valid appointment id.') });
const VisitTypeParam = z.object({ id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'Not a valid visit type.') });

const localeOf = (request: FastifyRequest): Locale => (wantsSpanish(request.headers['accept-language']) ? 'es' : 'en');

/**
 * Patient scheduling under /api/appointments (proxies add ?patient=<id>): what can be booked,
 * free times, booking, the patient's visits, moving, cancelling, requests and .ics files.
 */
export function registerAppointmentRoutes(app: FastifyInstance, ctx: AppContext) {
  // Options and free times are clinic data, not PHI, but they are for people with a record in context.
  app.get('/api/appointments/visit-types', async (request) => {
    requireAuth(request);
    const { patient: id } = PatientQuery.parse(request.query);
    await patientAccessFor(ctx, request, id);
    return VisitTypeList.parse(await bookableVisitTypes(ctx, localeOf(request)));
  });

  app.get('/api/appointments/visit-types/:id/clinicians', async (request) => {
    requireAuth(request);
    const { id: visitTypeId } = VisitTypeParam.parse(request.params);
    const { patient: id } = PatientQuery.parse(request.query);
    await patientAccessFor(ctx, request, id);
    return ClinicianList.parse(await cliniciansFor(ctx, visitTypeId));
  });

  app.get('/api/appointments/availability', async (request) => {
    requireAuth(request);
    const q = AvailabilityQuery.parse(request.query);
    const access = await patientAccessFor(ctx, request, q.patient);
    // Leaving one's own visit out of "taken" is allowed only for a visit of the patient in context.
    if (q.appointment) await findOwnAppointment(ctx, access, q.appointment);
    return Availability.parse(await availability(ctx, {
      visitTypeId: q.visitType, practitionerId: q.practitioner, locationId: q.location, from: q.from ? new Date(q.from) : undefined, ignoreAppointmentId: q.appointment,
    }));
  });

  app.get('/api/appointments', async (request) => {
    requireAuth(request);
    const { patient: id } = PatientQuery.parse(request.query);
    const access = await patientAccessFor(ctx, request, id);
    return AppointmentList.parse(await listAppointments({ ctx, access, locale: localeOf(request) }));
  });

  app.post('/api/appointments', async (request, reply) => {
    requireAuth(request);
    const { patient: id } = PatientQuery.parse(request.query);
    const access = await patientAccessFor(ctx, request, id);
    const input = BookingRequest.parse(request.body ?? {});
    const booked = await bookAppointment(ctx, access, input);
    return reply.status(201).send(AppointmentView.parse(await getAppointment({ ctx, access, locale: localeOf(request) }, booked.id)));
  });

  app.post('/api/appointments/requests', async (request, reply) => {
    requireAuth(request);
    const { patient: id } = PatientQuery.parse(request.query);
    const access = await patientAccessFor(ctx, request, id);
    const input = VisitRequest.parse(request.body ?? {});
    return reply.status(201).send(VisitRequestView.parse(await requestVisit({ ctx, access, locale: localeOf(request) }, input)));
  });

  app.get('/api/appointments/:id', async (request) => {
    requireAuth(request);
    const { id } = IdParam.parse(request.params);
    const { patient: patientId } = PatientQuery.parse(request.query);
    const access = await patientAccessFor(ctx, request, patientId);
    return AppointmentView.parse(await getAppointment({ ctx, access, locale: localeOf(request) }, id));
  });

  app.get('/api/appointments/:id/ics', async (request, reply) => {
    requireAuth(request);
    const { id } = IdParam.parse(request.params);
    // A plain download link cannot set Accept-Language, so the page passes its language as ?lang=.
    const { patient: patientId, lang } = CalendarQuery.parse(request.query);
    const access = await patientAccessFor(ctx, request, patientId);
    const ics = await appointmentCalendar({ ctx, access, locale: lang ?? localeOf(request) }, id);
    return reply.type('text/calendar; charset=utf-8').header('content-disposition', 'attachment; filename="appointment.ics"').send(ics);
  });

  app.post('/api/appointments/:id/cancel', async (request) => {
    requireAuth(request);
    const { id } = IdParam.parse(request.params);
    const { patient: patientId } = PatientQuery.parse(request.query);
    const access = await patientAccessFor(ctx, request, patientId);
    // Whose visit it is is settled before the body is read: an outsider learns nothing from a 400.
    await findOwnAppointment(ctx, access, id);
    const { reason } = CancelRequest.parse(request.body ?? {});
    return AppointmentView.parse(await cancelAppointment({ ctx, access, locale: localeOf(request) }, id, reason));
  });

  app.post('/api/appointments/:id/reschedule', async (request) => {
    requireAuth(request);
    const { id } = IdParam.parse(request.params);
    const { patient: patientId } = PatientQuery.parse(request.query);
    const access = await patientAccessFor(ctx, request, patientId);
    await findOwnAppointment(ctx, access, id);
    const input = RescheduleRequest.parse(request.body ?? {});
    return AppointmentView.parse(await rescheduleAppointment({ ctx, access, locale: localeOf(request) }, id, input));
  });
}
