import { loadNamespaces } from '../../i18n/load-namespaces.ts';
import { addWords } from '../account/add-words.ts';

// The inbox's words travel with its lazy chunk. It also shows topic names (messaging), the
// patient's medications and allergies (the home page's lists) and held results (results).
await Promise.all([
  addWords('inbox', { en: () => import('../../i18n/en/inbox.json'), es: () => import('../../i18n/es/inbox.json') }),
  addWords('messaging', { en: () => import('../../i18n/en/messaging.json'), es: () => import('../../i18n/es/messaging.json') }),
  loadNamespaces(['home']),
]);
