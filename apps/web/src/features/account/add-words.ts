import type { Locale } from '@ourchart/contracts';
import { currentLanguage, i18n } from '../../i18n/index.ts';

type Bundle = { default: Record<string, unknown> };

/**
 * Adds a page's words for i18next: the language on screen before the page renders, the other
 * language just after, in the background. A cold visit downloads one language's copy up front
 * (the account page is close to its 120 KiB budget), and a language switch still finds the
 * other already in place; if someone switches before it arrives, the page re-renders when it does.
 */
export async function addWords(namespace: string, loaders: Record<Locale, () => Promise<Bundle>>): Promise<void> {
  const add = async (language: Locale) => {
    if (i18n.hasResourceBundle(language, namespace)) return;
    const bundle = await loaders[language]();
    i18n.addResourceBundle(language, namespace, bundle.default, true, true);
  };
  const first = currentLanguage();
  await add(first);
  for (const other of (Object.keys(loaders) as Locale[]).filter((language) => language !== first)) {
    add(other).then(
      () => {
        if (currentLanguage() === other) void i18n.changeLanguage(other);
      },
      // Offline: a switch shows the English fallback, as for any missing words.
      () => undefined,
    );
  }
}
