import type { MailMessage } from '../../platform/mail/mailer.ts';
import { spokenTime, type Place } from './place.ts';

// Appointment emails carry time, place and clinic only: no visit reason, no clinician, nothing
// clinical (an inbox is not a safe place for health information).

type Kind = 'booked' | 'moved' | 'cancelled';

const TEXT = {
  en: {
    booked: { subject: 'Your visit is booked', lead: 'Your visit is booked.' },
    moved: { subject: 'Your visit has a new time', lead: 'Your visit was moved to a new time.' },
    cancelled: { subject: 'Your visit was cancelled', lead: 'Your visit was cancelled.' },
    when: 'When', where: 'Where', video: 'Video visit. Sign in to OurChart to join.', more: 'See or change it in OurChart',
    footer: '\n\nIf you did not make this change, call your clinic.\n— OurChart',
  },
  es: {
    booked: { subject: 'Su cita está reservada', lead: 'Su cita está reservada.' },
    moved: { subject: 'Su cita tiene una hora nueva', lead: 'Su cita se cambió a una hora nueva.' },
    cancelled: { subject: 'Su cita fue cancelada', lead: 'Su cita fue cancelada.' },
    when: 'Cuándo', where: 'Dónde', video: 'Visita por video. Entre a OurChart para unirse.', more: 'Véala o cámbiela en OurChart',
    footer: '\n\nSi usted no hizo este cambio, llame a su clínica.\n— OurChart',
  },
} as const;

export function appointmentMail(args: {
  kind: Kind; to: string; locale: 'en' | 'es'; startsAt: Date; timeZone: string; place: Place; video: boolean; clinicName: string; link: string;
}): MailMessage {
  const t = TEXT[args.locale];
  const where = args.video ? t.video : [args.place.name, args.place.address].filter(Boolean).join(', ');
  const text = [
    t[args.kind].lead,
    `${t.when}: ${spokenTime(args.startsAt, args.timeZone, args.locale)}`,
    `${t.where}: ${where}`,
    [args.clinicName, args.place.phone].filter(Boolean).join(' · '),
    `${t.more}: ${args.link}`,
  ].join('\n\n') + t.footer;
  return { to: args.to, subject: t[args.kind].subject, text };
}
