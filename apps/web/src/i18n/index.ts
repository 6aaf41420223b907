import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '@ourchart/contracts';
import { defaultNS, resources } from './resources.ts';
import { initialLanguage, saveLanguage, toLocale } from './language.ts';

export const i18n = i18next.createInstance();

i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});

void i18n.use(initReactI18next).init({
  resources,
  lng: initialLanguage(),
  fallbackLng: 'en',
  supportedLngs: ['en', 'es'],
  ns: ['common'],
  defaultNS,
  // Resources are in memory, so init synchronously and render translated text on the first paint.
  initAsync: false,
  // React already escapes text.
  interpolation: { escapeValue: false },
});

/** The language the interface is shown in now. */
export function currentLanguage(): Locale {
  return toLocale(i18n.resolvedLanguage ?? i18n.language);
}

/** Switch every visible string, `<html lang>` and remember the choice for next time. */
export async function changeLanguage(language: Locale): Promise<void> {
  saveLanguage(language);
  await i18n.changeLanguage(language);
}
