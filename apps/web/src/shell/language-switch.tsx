import { useTranslation } from 'react-i18next';
import { changeLanguage } from '../i18n/index.ts';
import { languageNames, languages, toLocale } from '../i18n/language.ts';

/**
 * Two toggle buttons, "English" and "Español", each named in its own language and
 * marked with `lang` so screen readers pronounce it right; the pressed one is current.
 */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const current = toLocale(i18n.resolvedLanguage);

  return (
    <div role="group" aria-label={t('language')} className="language-switch">
      {languages.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          className="language-switch__option"
          aria-pressed={language === current}
          onClick={() => void changeLanguage(language)}
        >
          {languageNames[language]}
        </button>
      ))}
    </div>
  );
}
