import { i18n } from '../../i18n/index.ts';
import en from '../../i18n/en/staff.json';
import es from '../../i18n/es/staff.json';

// The staff workspace's words travel with its lazy chunk, not with every page's first download.
i18n.addResourceBundle('en', 'staff', en);
i18n.addResourceBundle('es', 'staff', es);
