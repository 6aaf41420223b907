import { i18n } from '../i18n/index.ts';
import en from '../i18n/en/forms.json';
import es from '../i18n/es/forms.json';

// The `forms` namespace (field and date problems, error summary) travels with the form pieces
// that use it, not with every page's first download. Importing this module adds it.
i18n.addResourceBundle('en', 'forms', en, true, true);
i18n.addResourceBundle('es', 'forms', es, true, true);
