import { addWords } from './add-words.ts';

// The activity page's words travel with its lazy chunk, apart from the security page's.
await addWords('activity', {
  en: () => import('../../i18n/en/activity.json'),
  es: () => import('../../i18n/es/activity.json'),
});
