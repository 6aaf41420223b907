import type { defaultNS, resources } from './resources.ts';

/**
 * Namespaces that load with their pages (features/<page>/words.ts adds them at run time),
 * typed here without pulling them into the first download.
 */
type LazyNamespaces = {
  account: typeof import('./en/account.json');
  staff: typeof import('./en/staff.json');
  admin: typeof import('./en/admin.json');
};

// Typed keys: a misspelt or missing translation key fails `tsc`.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: typeof defaultNS;
    resources: (typeof resources)['en'] & LazyNamespaces;
  }
}
