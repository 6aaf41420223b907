import { addWords } from './add-words.ts';

// The security page's words travel with its lazy chunk, not with every page's first download.
await addWords('account', {
  en: () => import('../../i18n/en/account.json'),
  es: () => import('../../i18n/es/account.json'),
});
