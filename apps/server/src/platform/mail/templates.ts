import type { MailMessage } from './mailer.ts';

/**
 * The portal's emails, in English and Spanish, in plain words. They never contain health
 * information: only codes, links and what happened to the account.
 */
export type Locale = 'en' | 'es';

const FOOTER = {
  en: '\n\nIf you did not ask for this, you can ignore this email, or call your clinic.\n— OurChart',
  es: '\n\nSi usted no pidió esto, puede ignorar este correo o llamar a su clínica.\n— OurChart',
};

/** An email from plain-text paragraphs, with the standard footer and an HTML twin (links made clickable). */
export function message(to: string, subject: string, body: string, locale: Locale): MailMessage {
  return messageWithoutFooter(to, subject, body + FOOTER[locale], locale);
}

/**
 * An email whose text is given whole, ending in its own closing lines instead of the standard
 * "if you did not ask for this" footer (reminders, offers, notices), with the same HTML twin:
 * one paragraph per blank-line-separated block, line breaks kept, links made clickable.
 */
export function messageWithoutFooter(to: string, subject: string, text: string, locale: Locale): MailMessage {
  const html = `<!doctype html><html lang="${locale}"><body style="font-family:sans-serif;line-height:1.5">${text
    .split('\n\n')
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>').replace(/(https?:\/\/[^\s<]+)/g, '<a href="$1">$1</a>')}</p>`)
    .join('')}</body></html>`;
  return { to, subject, text, html };
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export const mail = {
  passwordReset: (to: string, locale: Locale, link: string) =>
    locale === 'es'
      ? message(to, 'Cambie su contraseña de OurChart', `Para elegir una contraseña nueva, abra este enlace en los próximos 30 minutos:\n${link}\n\nEl enlace funciona una sola vez. Al cambiar la contraseña, se cerrará su sesión en todos los dispositivos.`, locale)
      : message(to, 'Reset your OurChart password', `To choose a new password, open this link within 30 minutes:\n${link}\n\nThe link works once. Changing your password signs you out on every device.`, locale),
  signInCode: (to: string, locale: Locale, code: string) =>
    locale === 'es'
      ? message(to, `Su código para entrar a OurChart: ${code}`, `Su código para iniciar sesión es: ${code}\n\nVence en 10 minutos. Nunca se lo dé a nadie, ni siquiera a alguien que diga que llama de la clínica.`, locale)
      : message(to, `Your OurChart sign-in code: ${code}`, `Your sign-in code is: ${code}\n\nIt expires in 10 minutes. Never give it to anyone, even someone who says they are calling from the clinic.`, locale),
  signUpCode: (to: string, locale: Locale, code: string) =>
    locale === 'es'
      ? message(to, `Su código para crear la cuenta de OurChart: ${code}`, `Escriba este código para confirmar su correo: ${code}\n\nVence en 30 minutos.`, locale)
      : message(to, `Your OurChart account code: ${code}`, `Enter this code to confirm your email: ${code}\n\nIt expires in 30 minutes.`, locale),
  emailChangeCode: (to: string, locale: Locale, code: string) =>
    locale === 'es'
      ? message(to, `Confirme su correo nuevo en OurChart: ${code}`, `Escriba este código en OurChart para usar este correo en su cuenta: ${code}\n\nVence en 30 minutos.`, locale)
      : message(to, `Confirm your new OurChart email: ${code}`, `Enter this code in OurChart to use this email for your account: ${code}\n\nIt expires in 30 minutes.`, locale),
  accountLocked: (to: string, locale: Locale, minutes: number) =>
    locale === 'es'
      ? message(to, 'Varios intentos fallidos en su cuenta de OurChart', `Hubo varios intentos fallidos de entrar a su cuenta. Por seguridad, esperamos ${minutes} minuto(s) antes de permitir otro intento.\n\nSi no fue usted, cambie su contraseña y active la verificación en dos pasos.`, locale)
      : message(to, 'Several failed attempts on your OurChart account', `There were several failed attempts to get into your account. To keep it safe, we are waiting ${minutes} minute(s) before allowing another try.\n\nIf this was not you, change your password and turn on two-step verification.`, locale),
  securityChange: (to: string, locale: Locale, what: 'password' | 'email' | 'mfa') => {
    const en = { password: 'Your OurChart password was changed.', email: 'The email address of your OurChart account was changed.', mfa: 'Your two-step verification settings were changed.' };
    const es = { password: 'Se cambió la contraseña de su cuenta de OurChart.', email: 'Se cambió el correo electrónico de su cuenta de OurChart.', mfa: 'Se cambiaron sus opciones de verificación en dos pasos.' };
    return locale === 'es'
      ? message(to, 'Cambio de seguridad en su cuenta de OurChart', `${es[what]}\n\nSi no fue usted, llame a su clínica de inmediato.`, locale)
      : message(to, 'Security change on your OurChart account', `${en[what]}\n\nIf this was not you, call your clinic right away.`, locale);
  },
};
