import { loadNamespaces } from '../../i18n/load-namespaces.ts';
import { addWords } from '../account/add-words.ts';

// The staff workspace's words travel with its lazy chunk; the patient summary reuses the home
// page's lists and their words, so the page waits for both.
await Promise.all([
  addWords('staff', { en: () => import('../../i18n/en/staff.json'), es: () => import('../../i18n/es/staff.json') }),
  loadNamespaces(['home']),
]);
