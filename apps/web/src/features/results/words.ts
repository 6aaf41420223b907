import { addWords } from '../account/add-words.ts';

// The results pages' words (and the staff review panel's) travel with their lazy chunks.
await addWords('results', {
  en: () => import('../../i18n/en/results.json'),
  es: () => import('../../i18n/es/results.json'),
});
