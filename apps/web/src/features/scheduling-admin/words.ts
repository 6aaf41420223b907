import { addWords } from '../account/add-words.ts';

// Scheduling setup and the day view share one namespace, loaded with their lazy chunks.
await addWords('schedulingAdmin', {
  en: () => import('../../i18n/en/scheduling-admin.json'),
  es: () => import('../../i18n/es/scheduling-admin.json'),
});
