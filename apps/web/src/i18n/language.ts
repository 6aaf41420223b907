import type { Locale } from '@ourchart/contracts';

export const languages: readonly Locale[] = ['en', 'es'];

const storageKey = 'ourchart.language';

function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

/** The saved choice, else the browser's preferred language, else English. */
export function initialLanguage(): Locale {
  try {
    const saved = localStorage.getItem(storageKey);
    if (isLocale(saved)) return saved;
  } catch {
    // Storage can be blocked (private mode, policy); fall through to the browser language.
  }
  for (const tag of navigator.languages ?? [navigator.language]) {
    const base = tag.slice(0, 2).toLowerCase();
    if (isLocale(base)) return base;
  }
  return 'en';
}

export function saveLanguage(language: Locale): void {
  try {
    localStorage.setItem(storageKey, language);
  } catch {
    // Not remembering the choice is acceptable; the switch still works for this visit.
  }
}

export function toLocale(language: string | undefined): Locale {
  return isLocale(language) ? language : 'en';
}

/**
 * Each language's name in that language. They are the same whatever language is on
 * screen (a Spanish reader looks for "Español"), so they live here and not in i18n/.
 */
export const languageNames: Record<Locale, string> = { en: 'English', es: 'Español' };
