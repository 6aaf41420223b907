import { addWords } from '../account/add-words.ts';

// The audit page's words travel with its lazy chunk, not with every page's first download.
await addWords('admin', {
  en: () => import('../../i18n/en/admin.json'),
  es: () => import('../../i18n/es/admin.json'),
});
