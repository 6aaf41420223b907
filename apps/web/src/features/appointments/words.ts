import { addWords } from '../account/add-words.ts';

// The appointments words travel with the appointments pages.
await addWords('appointments', {
  en: () => import('../../i18n/en/appointments.json'),
  es: () => import('../../i18n/es/appointments.json'),
});
