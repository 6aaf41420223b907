import { addWords } from '../account/add-words.ts';

// The proxies words travel with the sharing, invitation, rules and staff pieces that use them.
await addWords('proxies', {
  en: () => import('../../i18n/en/proxies.json'),
  es: () => import('../../i18n/es/proxies.json'),
});
