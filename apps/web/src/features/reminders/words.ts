import { addWords } from '../account/add-words.ts';

await addWords('reminders', {
  en: () => import('../../i18n/en/reminders.json'),
  es: () => import('../../i18n/es/reminders.json'),
});
