import type { MailMessage } from '../../platform/mail/mailer.ts';
import { messageWithoutFooter, type Locale } from '../../platform/mail/templates.ts';

export type ReminderDetails = {
  /** The visit's start, already written out in the clinic's time zone and the reader's language. */
  when: string;
  /** Location name and address, or null for a video visit. */
  where: string | null;
  clinic: string;
  link: string;
  which: '7d' | '1d';
};

/**
 * The reminder email: when, where and which clinic, nothing else. No visit type, clinician or
 * reason: an email can be read by whoever sees the inbox, so it says only what a paper
 * reminder card would.
 */
export function reminderEmail(to: string, locale: Locale, d: ReminderDetails): MailMessage {
  const text = locale === 'es'
    ? [
        d.which === '1d' ? 'Le recordamos que tiene una cita mañana.' : 'Le recordamos que tiene una cita en una semana.',
        `Cuándo: ${d.when}\n${d.where ? `Dónde: ${d.where}` : 'Dónde: por video. Entre a OurChart unos minutos antes para unirse.'}\nClínica: ${d.clinic}`,
        `Para ver los detalles, cambiar o cancelar la cita, entre a OurChart:\n${d.link}`,
        'Usted recibe este correo porque tiene los recordatorios por correo activados. Puede cambiarlos en OurChart, en Citas > Recordatorios.\n— OurChart',
      ]
    : [
        d.which === '1d' ? 'This is a reminder that you have a visit tomorrow.' : 'This is a reminder that you have a visit in one week.',
        `When: ${d.when}\n${d.where ? `Where: ${d.where}` : 'Where: by video. Sign in to OurChart a few minutes early to join.'}\nClinic: ${d.clinic}`,
        `To see the details, change or cancel the visit, sign in to OurChart:\n${d.link}`,
        'You get this email because email reminders are on. You can change them in OurChart under Appointments > Reminder settings.\n— OurChart',
      ];
  const subject = locale === 'es' ? `Recordatorio de cita: ${d.when}` : `Visit reminder: ${d.when}`;
  return messageWithoutFooter(to, subject, text.join('\n\n'), locale);
}
