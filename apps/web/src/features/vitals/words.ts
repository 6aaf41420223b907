import { addWords } from '../account/add-words.ts';

// The vitals page's words travel with its lazy chunk.
await addWords('vitals', {
  en: () => import('../../i18n/en/vitals.json'),
  es: () => import('../../i18n/es/vitals.json'),
});
