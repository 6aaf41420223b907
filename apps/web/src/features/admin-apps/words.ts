import { addWords } from '../account/add-words.ts';

// The admin's "Connected apps setup" words travel with its page.
await addWords('adminApps', {
  en: () => import('../../i18n/en/admin-apps.json'),
  es: () => import('../../i18n/es/admin-apps.json'),
});
