import ical, { ICalCalendarMethod } from 'ical-generator';
import type { AppointmentView } from '@ourchart/contracts';
import type { Locale } from './appointment-view.ts';

const WORDS = {
  en: { visit: 'Clinic visit', video: 'Video visit', at: 'at', phone: 'Clinic phone', manage: 'See, move or cancel it in OurChart', join: 'Join the video visit from OurChart, up to 30 minutes before it starts.' },
  es: { visit: 'Cita en la clínica', video: 'Visita por video', at: 'en', phone: 'Teléfono de la clínica', manage: 'Véala, cámbiela o cancélela en OurChart', join: 'Únase a la visita por video desde OurChart, hasta 30 minutos antes de que empiece.' },
} as const;

/**
 * One visit as an iCalendar file: time, place and clinic, nothing clinical (no reason for the
 * visit: calendars are often shared or synced to other services). Times are UTC instants, which
 * every calendar converts to the reader's zone.
 */
export function appointmentIcs(view: AppointmentView, options: { clinicName: string; portalUrl: string; locale: Locale }): string {
  const w = WORDS[options.locale];
  const video = view.modality === 'video';
  const calendar = ical({ name: options.clinicName || 'OurChart', prodId: { company: 'OurChart', product: 'patient-portal', language: options.locale.toUpperCase() } });
  calendar.method(ICalCalendarMethod.PUBLISH);
  const where = video ? w.video : [view.place?.name, view.place?.address].filter(Boolean).join(', ');
  calendar.createEvent({
    id: `${view.id}@ourchart`,
    start: new Date(view.startsAt),
    end: new Date(view.endsAt),
    summary: `${video ? w.video : w.visit}${options.clinicName ? ` – ${options.clinicName}` : ''}`,
    location: where,
    description: [
      video ? w.join : null,
      view.clinicPhone ? `${w.phone}: ${view.clinicPhone}` : null,
      `${w.manage}: ${options.portalUrl}/appointments`,
    ].filter(Boolean).join('\n'),
    url: `${options.portalUrl}/appointments`,
  });
  return calendar.toString();
}
