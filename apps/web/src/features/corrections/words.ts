import { addWords } from '../account/add-words.ts';

// The corrections words travel with the pages and the item widget that use them (one namespace,
// so the widget embedded in other pages brings its own words).
await addWords('corrections', {
  en: () => import('../../i18n/en/corrections.json'),
  es: () => import('../../i18n/es/corrections.json'),
});
