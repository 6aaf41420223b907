import { addWords } from '../account/add-words.ts';

// Shot and checkup words travel with the pages that show them (Immunizations and the home page's
// "What needs attention"), not with every page's first download.
await addWords('immunizations', {
  en: () => import('../../i18n/en/immunizations.json'),
  es: () => import('../../i18n/es/immunizations.json'),
});
