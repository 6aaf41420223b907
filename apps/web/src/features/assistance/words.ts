import { addWords } from '../account/add-words.ts';

// The assistance words travel with the assistance pages.
await addWords('assistance', {
  en: () => import('../../i18n/en/assistance.json'),
  es: () => import('../../i18n/es/assistance.json'),
});
