import type { MailMessage } from '../../platform/mail/mailer.ts';
import { messageWithoutFooter } from '../../platform/mail/templates.ts';

/**
 * The email that carries an emailed record. It holds no health information and does not say whose
 * record it is: only that someone shared records, the link and when it stops working. The record
 * opens behind the link, where views are counted and audited, and the link can be revoked.
 */
export function sharedRecordMail(to: string, locale: 'en' | 'es', link: string, expiresAt: Date): MailMessage {
  const when = new Intl.DateTimeFormat(locale === 'es' ? 'es-US' : 'en-US', { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }).format(expiresAt) + ' UTC';
  const text = locale === 'es'
    ? `Alguien compartió registros de salud con usted usando OurChart.\n\nPara verlos, abra este enlace seguro:\n${link}\n\nEl enlace funciona hasta el ${when}. Después ya no abrirá.\n\nSi no esperaba este correo, puede ignorarlo.\n— OurChart`
    : `Someone has shared health records with you using OurChart.\n\nTo see them, open this secure link:\n${link}\n\nThe link works until ${when}. After that it will not open.\n\nIf you were not expecting this email, you can ignore it.\n— OurChart`;
  const subject = locale === 'es' ? 'Alguien compartió registros de salud con usted' : 'Someone has shared health records with you';
  return messageWithoutFooter(to, subject, text, locale);
}
