import { addWords } from '../account/add-words.ts';

// The staff billing words travel with the billing office's pages (payments here; insurance and
// financial help in their own features, which import the tabs and so these words).
await addWords('staffBilling', {
  en: () => import('../../i18n/en/staff-billing.json'),
  es: () => import('../../i18n/es/staff-billing.json'),
});
