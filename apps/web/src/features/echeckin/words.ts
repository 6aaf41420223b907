import { addWords } from '../account/add-words.ts';

// eCheck-in, care alerts and the staff questionnaire section share one namespace that travels with them.
await addWords('echeckin', {
  en: () => import('../../i18n/en/echeckin.json'),
  es: () => import('../../i18n/es/echeckin.json'),
});
