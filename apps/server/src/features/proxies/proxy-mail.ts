import type { MailMessage } from '../../platform/mail/mailer.ts';
import { message, type Locale } from '../../platform/mail/templates.ts';

/**
 * Proxy emails. Like every OurChart email they hold no health information and do not say whose
 * record it is: the page behind the link says so after the reader signs in.
 */
export const proxyMail = {
  invitation(to: string, locale: Locale, link: string, expiresAt: Date): MailMessage {
    const when = new Intl.DateTimeFormat(locale === 'es' ? 'es-US' : 'en-US', { dateStyle: 'long', timeZone: 'UTC' }).format(expiresAt);
    return locale === 'es'
      ? message(to, 'Invitación para ayudar con un expediente de salud en OurChart',
        `Alguien le invitó a ayudarle con su expediente de salud en OurChart (por ejemplo, ver citas o escribir al equipo de atención).\n\nPara aceptar, abra este enlace e inicie sesión o cree una cuenta con este correo:\n${link}\n\nLa invitación vence el ${when}.`, locale)
      : message(to, 'Invitation to help with a health record in OurChart',
        `Someone has invited you to help with their health record in OurChart (for example, to see appointments or message their care team).\n\nTo accept, open this link and sign in, or create an account, with this email address:\n${link}\n\nThe invitation expires on ${when}.`, locale);
  },
  /** To a patient who just became an adult: their parents' access ended, and how to give it back. */
  adultNow(to: string, locale: Locale, link: string, adultAge: number): MailMessage {
    return locale === 'es'
      ? message(to, 'Ahora usted controla quién ve su expediente de salud',
        `Como cumplió ${adultAge} años, sus padres ya no pueden ver su expediente de salud en OurChart.\n\nSi quiere que sigan ayudándole, inicie sesión y vaya a "Compartir y apoderados" para invitarles y elegir lo que pueden ver:\n${link}`, locale)
      : message(to, 'You now decide who sees your health record',
        `Because you turned ${adultAge}, your parents can no longer see your health record in OurChart.\n\nIf you want them to keep helping you, sign in and go to "Sharing and proxies" to invite them and choose what they can see:\n${link}`, locale);
  },
};
