import { i18n } from '../../i18n/index.ts';
import en from '../../i18n/en/admin.json';
import es from '../../i18n/es/admin.json';

// The audit page's words travel with its lazy chunk, not with every page's first download.
i18n.addResourceBundle('en', 'admin', en);
i18n.addResourceBundle('es', 'admin', es);
