import { addWords } from '../account/add-words.ts';

// The renderer's words (required, number problems, save status) travel with it to any page that embeds it.
await addWords('questionnaire', {
  en: () => import('../../i18n/en/questionnaire.json'),
  es: () => import('../../i18n/es/questionnaire.json'),
});
