import { i18n } from '../../i18n/index.ts';
import en from '../../i18n/en/account.json';
import es from '../../i18n/es/account.json';

// The account pages' words travel with their lazy chunk, not with every page's first download.
i18n.addResourceBundle('en', 'account', en);
i18n.addResourceBundle('es', 'account', es);
