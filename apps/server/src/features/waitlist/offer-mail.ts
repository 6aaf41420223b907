import type { MailMessage } from '../../platform/mail/mailer.ts';
import { messageWithoutFooter } from '../../platform/mail/templates.ts';

export type OfferMailDetails = {
  /** The offered start, written out in the clinic's time zone and the reader's language. */
  when: string;
  /** When the offer ends, written out the same way. */
  until: string;
  /** Location name and address. */
  where: string;
  clinic: string;
  link: string;
};

/**
 * "An earlier time is open": when, where, which clinic and until when it is held, with a link to
 * sign in. Nothing else: no clinician, visit type or patient name, because whoever sees the inbox
 * can read it.
 */
export function offerMail(to: string, locale: 'en' | 'es', d: OfferMailDetails): MailMessage {
  const text = locale === 'es'
    ? [
        'Hay una hora más temprana disponible para su cita.',
        `Cuándo: ${d.when}\nDónde: ${d.where}\nClínica: ${d.clinic}`,
        `La guardamos para usted hasta ${d.until}. Se la ofrecimos también a otras personas: la primera que la acepte se la queda.`,
        `Para aceptarla o decir que no, entre a OurChart:\n${d.link}`,
        'Usted recibe este correo porque pidió una hora más temprana. Puede dejar de buscar en OurChart, en Citas.\n— OurChart',
      ]
    : [
        'An earlier time is open for your visit.',
        `When: ${d.when}\nWhere: ${d.where}\nClinic: ${d.clinic}`,
        `We are holding it for you until ${d.until}. We also offered it to a few other people: the first to accept gets it.`,
        `To accept it or say no thanks, sign in to OurChart:\n${d.link}`,
        'You get this email because you asked for an earlier time. You can stop looking in OurChart under Appointments.\n— OurChart',
      ];
  const subject = locale === 'es' ? 'Hay una hora más temprana para su cita' : 'An earlier time is open for your visit';
  return messageWithoutFooter(to, subject, text.join('\n\n'), locale);
}
