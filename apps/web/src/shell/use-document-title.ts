import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets the tab title to "<page> – OurChart", in the language on screen. */
export function useDocumentTitle(pageTitle: string): void {
  const { t } = useTranslation();
  const productName = t('productName');
  useEffect(() => {
    document.title = `${pageTitle} – ${productName}`;
  }, [pageTitle, productName]);
}
