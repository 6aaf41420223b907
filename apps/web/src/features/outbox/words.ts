import { addWords } from '../account/add-words.ts';

await addWords('outbox', {
  en: () => import('../../i18n/en/outbox.json'),
  es: () => import('../../i18n/es/outbox.json'),
});
