import { addWords } from '../account/add-words.ts';

// The `apps` words (what an app may see, the consent screen, Connected apps) travel with those two pages.
await addWords('apps', {
  en: () => import('../../i18n/en/apps.json'),
  es: () => import('../../i18n/es/apps.json'),
});
