import { useTranslation } from 'react-i18next';
import { formatFhirDate } from '../home/format-date.ts';
import { formatMoney } from './money.ts';

/** Money and dates in the language on screen, for the billing pages. */
export function useMoney() {
  // The common namespace (always loaded): the staff pages use this too, without the billing words.
  const { i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? 'en';
  return {
    locale,
    money: (dollars: number) => formatMoney(dollars, locale),
    day: (value: string) => formatFhirDate(value, locale),
  };
}
