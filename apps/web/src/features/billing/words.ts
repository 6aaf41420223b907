import { addWords } from '../account/add-words.ts';

// The billing words travel with the billing pages.
await addWords('billing', {
  en: () => import('../../i18n/en/billing.json'),
  es: () => import('../../i18n/es/billing.json'),
});
