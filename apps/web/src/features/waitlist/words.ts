import { addWords } from '../account/add-words.ts';

// The waitlist words travel with the page and the widgets other pages embed (one namespace).
await addWords('waitlist', {
  en: () => import('../../i18n/en/waitlist.json'),
  es: () => import('../../i18n/es/waitlist.json'),
});
