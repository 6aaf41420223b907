import type { AppResources, defaultNS } from './resources.ts';

// Typed keys: a misspelt or missing translation key fails `tsc`.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: typeof defaultNS;
    resources: AppResources;
  }
}
