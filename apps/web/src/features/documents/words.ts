import { addWords } from '../account/add-words.ts';

// The Documents page's words travel with its lazy chunk.
await addWords('documents', {
  en: () => import('../../i18n/en/documents.json'),
  es: () => import('../../i18n/es/documents.json'),
});
