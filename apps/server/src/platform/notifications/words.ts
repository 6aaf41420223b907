import type { NotificationKind } from '@ourchart/contracts';
import type { MailMessage } from '../mail/mailer.ts';
import { messageWithoutFooter, type Locale } from '../mail/templates.ts';

/**
 * What email and push say about a notification: only that something is waiting, never what it
 * is about (no names, results, dates or message text), in the account's language.
 */
type Words = { what: string; action: string; push: string };

const EN: Record<NotificationKind, Words> = {
  'message-received': { what: 'You have a new message in OurChart.', action: 'Sign in to read it.', push: 'New message in OurChart' },
  'message-waiting': { what: 'A patient message is waiting for your team in OurChart.', action: 'Sign in to answer it.', push: 'New patient message in OurChart' },
  'refill-waiting': { what: 'A refill request is waiting for your team in OurChart.', action: 'Sign in to answer it.', push: 'New refill request in OurChart' },
  'result-available': { what: 'You have a new test result in OurChart.', action: 'Sign in to see it.', push: 'New test result in OurChart' },
  'result-reviewed': { what: 'Your care team reviewed a test result in OurChart.', action: 'Sign in to see it.', push: 'A test result was reviewed' },
  'share-viewed': { what: 'Someone opened a record you shared in OurChart.', action: 'Sign in to see your sharing activity.', push: 'Your shared record was opened' },
  'amendment-decided': { what: 'There is an answer to your correction request in OurChart.', action: 'Sign in to read it.', push: 'Answer to your correction request' },
  'care-due': { what: 'You have care that is due in OurChart.', action: 'Sign in to see what is due.', push: 'Care is due' },
  'waitlist-offer': { what: 'An earlier appointment time is open for you in OurChart.', action: 'Sign in soon to take it before the offer ends.', push: 'An earlier time is open' },
  'waitlist-offer-taken': { what: 'There is news about an appointment offer in OurChart.', action: 'Sign in to see it.', push: 'News about an appointment offer' },
  'appointment-reminder': { what: 'You have an appointment coming up.', action: 'Sign in to see it.', push: 'Appointment reminder' },
  'care-alert': { what: 'A new care alert is waiting in OurChart.', action: 'Sign in to review it.', push: 'New care alert in OurChart' },
  'proxy-granted': { what: 'Who can see a record with you in OurChart has changed.', action: 'Sign in to see it.', push: 'Record access changed' },
  'proxy-ended': { what: 'Who can see a record with you in OurChart has changed.', action: 'Sign in to see it.', push: 'Record access changed' },
  'refill-decided': { what: 'There is an answer to your refill request in OurChart.', action: 'Sign in to see it.', push: 'Answer to your refill request' },
  'payment-received': { what: 'We received your payment in OurChart.', action: 'Sign in to see your receipt.', push: 'Payment received' },
  'payment-plan-reminder': { what: 'A payment on your payment plan is due soon.', action: 'Sign in to see it.', push: 'Payment plan reminder' },
  'insurance-reviewed': { what: 'The clinic reviewed your insurance update in OurChart.', action: 'Sign in to see the answer.', push: 'Your insurance update was reviewed' },
  'assistance-waiting': { what: 'A financial help application is waiting for the billing office in OurChart.', action: 'Sign in to review it.', push: 'New financial help application' },
  'assistance-decided': { what: 'There is an answer to your financial help application in OurChart.', action: 'Sign in to see it.', push: 'Answer to your financial help application' },
};

const ES: Record<NotificationKind, Words> = {
  'message-received': { what: 'Tiene un mensaje nuevo en OurChart.', action: 'Inicie sesión para leerlo.', push: 'Mensaje nuevo en OurChart' },
  'message-waiting': { what: 'Un mensaje de un paciente espera a su equipo en OurChart.', action: 'Inicie sesión para contestarlo.', push: 'Mensaje nuevo de un paciente' },
  'refill-waiting': { what: 'Una solicitud de resurtido espera a su equipo en OurChart.', action: 'Inicie sesión para contestarla.', push: 'Solicitud de resurtido nueva' },
  'result-available': { what: 'Tiene un resultado nuevo en OurChart.', action: 'Inicie sesión para verlo.', push: 'Resultado nuevo en OurChart' },
  'result-reviewed': { what: 'Su equipo de atención revisó un resultado en OurChart.', action: 'Inicie sesión para verlo.', push: 'Se revisó un resultado' },
  'share-viewed': { what: 'Alguien abrió un expediente que usted compartió en OurChart.', action: 'Inicie sesión para ver la actividad.', push: 'Abrieron su expediente compartido' },
  'amendment-decided': { what: 'Hay una respuesta a su solicitud de corrección en OurChart.', action: 'Inicie sesión para leerla.', push: 'Respuesta a su solicitud de corrección' },
  'care-due': { what: 'Tiene atención pendiente en OurChart.', action: 'Inicie sesión para ver qué le toca.', push: 'Tiene atención pendiente' },
  'waitlist-offer': { what: 'Hay una cita más temprana disponible para usted en OurChart.', action: 'Inicie sesión pronto para tomarla antes de que termine la oferta.', push: 'Hay una hora más temprana' },
  'waitlist-offer-taken': { what: 'Hay noticias sobre una oferta de cita en OurChart.', action: 'Inicie sesión para verlas.', push: 'Noticias sobre una oferta de cita' },
  'appointment-reminder': { what: 'Tiene una cita pronto.', action: 'Inicie sesión para verla.', push: 'Recordatorio de cita' },
  'care-alert': { what: 'Hay una alerta de atención nueva en OurChart.', action: 'Inicie sesión para revisarla.', push: 'Alerta de atención nueva' },
  'proxy-granted': { what: 'Cambió quién puede ver un expediente con usted en OurChart.', action: 'Inicie sesión para verlo.', push: 'Cambió el acceso a un expediente' },
  'proxy-ended': { what: 'Cambió quién puede ver un expediente con usted en OurChart.', action: 'Inicie sesión para verlo.', push: 'Cambió el acceso a un expediente' },
  'refill-decided': { what: 'Hay una respuesta a su solicitud de resurtido en OurChart.', action: 'Inicie sesión para verla.', push: 'Respuesta a su solicitud de resurtido' },
  'payment-received': { what: 'Recibimos su pago en OurChart.', action: 'Inicie sesión para ver su recibo.', push: 'Pago recibido' },
  'payment-plan-reminder': { what: 'Pronto vence un pago de su plan de pagos.', action: 'Inicie sesión para verlo.', push: 'Recordatorio de plan de pagos' },
  'insurance-reviewed': { what: 'La clínica revisó el cambio de su seguro en OurChart.', action: 'Inicie sesión para ver la respuesta.', push: 'Revisaron el cambio de su seguro' },
  'assistance-waiting': { what: 'Una solicitud de ayuda financiera espera a la oficina de facturación en OurChart.', action: 'Inicie sesión para revisarla.', push: 'Solicitud nueva de ayuda financiera' },
  'assistance-decided': { what: 'Hay una respuesta a su solicitud de ayuda financiera en OurChart.', action: 'Inicie sesión para verla.', push: 'Respuesta a su solicitud de ayuda financiera' },
};

/** The portal page each kind's email links to (no ids: the page lists what is waiting). */
const PAGE: Record<NotificationKind, string> = {
  'message-received': '/messages', 'message-waiting': '/notifications', 'refill-waiting': '/staff/refills', 'result-available': '/results', 'result-reviewed': '/results',
  'share-viewed': '/account/activity', 'amendment-decided': '/corrections', 'care-due': '/', 'waitlist-offer': '/appointments/offers',
  'waitlist-offer-taken': '/appointments/offers', 'appointment-reminder': '/appointments', 'care-alert': '/staff/alerts',
  'proxy-granted': '/sharing', 'proxy-ended': '/sharing', 'refill-decided': '/refills',
  'payment-received': '/billing', 'payment-plan-reminder': '/billing',
  'insurance-reviewed': '/billing/insurance', 'assistance-waiting': '/staff/billing/assistance', 'assistance-decided': '/billing/assistance',
};

export const wordsFor = (kind: NotificationKind, locale: Locale): Words => (locale === 'es' ? ES : EN)[kind];

/** The "something is waiting" email of one kind. */
export function notificationEmail(to: string, kind: NotificationKind, locale: Locale, publicUrl: string): MailMessage {
  const w = wordsFor(kind, locale);
  const link = `${publicUrl}${PAGE[kind]}`;
  const settings = `${publicUrl}/account/notifications`;
  const text = locale === 'es'
    ? `${w.what} ${w.action}\n${link}\n\nPor su privacidad, este correo no dice nada más.\n\nPara elegir qué avisos recibe por correo: ${settings}\n— OurChart`
    : `${w.what} ${w.action}\n${link}\n\nTo protect your privacy, this email says nothing more.\n\nTo choose which notices you get by email: ${settings}\n— OurChart`;
  return messageWithoutFooter(to, w.push, text, locale);
}
