import { addWords } from '../account/add-words.ts';

// The record pages' words travel with their lazy chunks, not with every page's first download.
await addWords('records', {
  en: () => import('../../i18n/en/records.json'),
  es: () => import('../../i18n/es/records.json'),
});
