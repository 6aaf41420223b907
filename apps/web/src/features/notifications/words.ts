import { addWords } from '../account/add-words.ts';

await addWords('notifications', {
  en: () => import('../../i18n/en/notifications.json'),
  es: () => import('../../i18n/es/notifications.json'),
});
