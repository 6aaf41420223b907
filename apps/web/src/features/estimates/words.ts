import { addWords } from '../account/add-words.ts';

// The estimates words travel with the estimates pages.
await addWords('estimates', {
  en: () => import('../../i18n/en/estimates.json'),
  es: () => import('../../i18n/es/estimates.json'),
});
