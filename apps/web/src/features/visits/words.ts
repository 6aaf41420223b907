import { addWords } from '../account/add-words.ts';

// The visits page's words travel with its lazy chunk (dates and statuses come from the records words).
await addWords('visits', {
  en: () => import('../../i18n/en/visits.json'),
  es: () => import('../../i18n/es/visits.json'),
});
