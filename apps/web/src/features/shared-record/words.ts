import { addWords } from '../account/add-words.ts';

// The shared-record viewer's words travel with its lazy chunk.
await addWords('shared', {
  en: () => import('../../i18n/en/shared.json'),
  es: () => import('../../i18n/es/shared.json'),
});
