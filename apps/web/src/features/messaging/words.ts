import { addWords } from '../account/add-words.ts';

// The messaging words travel with the messaging pages.
await addWords('messaging', {
  en: () => import('../../i18n/en/messaging.json'),
  es: () => import('../../i18n/es/messaging.json'),
});
