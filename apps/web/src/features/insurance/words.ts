import { addWords } from '../account/add-words.ts';

// The insurance words travel with the insurance pages.
await addWords('insurance', {
  en: () => import('../../i18n/en/insurance.json'),
  es: () => import('../../i18n/es/insurance.json'),
});
