import { addWords } from '../account/add-words.ts';

// The refills words travel with the pages and the Medications widget that use them.
await addWords('refills', {
  en: () => import('../../i18n/en/refills.json'),
  es: () => import('../../i18n/es/refills.json'),
});
